package io.formcheck.trainer.spec;

import io.formcheck.model.LstmSchema;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.LstmClassifierNet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's network: stacked LSTM, read out at each sequence's last step (or the mean), then the head. */
public record LstmSpec(
        int hidden,
        int layers,
        LstmSchema.Pooling pooling,
        Head head,
        Optimization optimization,
        Augmentation augmentation,
        boolean center,
        long seed)
        implements NetworkSpec {

    public LstmSpec {
        Checks.positive("hidden", hidden);
        Checks.positive("layers", layers);
    }

    @Override
    public Architecture architecture() {
        return Architecture.LSTM;
    }

    @Override
    public ClassifierNet network(int features, int classes) {
        return new LstmClassifierNet(new LstmClassifierNet.Shape(
                features, hidden, layers, head.hidden(), classes, head.dropout(), pooling == LstmSchema.Pooling.MEAN));
    }

    @Override
    public LstmSpec withSeed(long newSeed) {
        return new LstmSpec(hidden, layers, pooling, head, optimization, augmentation, center, newSeed);
    }

    @Override
    public LstmSpec withEpochs(int epochs) {
        return new LstmSpec(hidden, layers, pooling, head, optimization.withEpochs(epochs), augmentation, center, seed);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> encoder = new LinkedHashMap<>();
        encoder.put("hidden", String.valueOf(hidden));
        encoder.put("pooling", pooling.toString());
        return NetworkSpec.describe(encoder, this);
    }
}
