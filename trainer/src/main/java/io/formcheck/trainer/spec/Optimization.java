package io.formcheck.trainer.spec;

import io.formcheck.trainer.nn.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a network is optimized: the optimizer, mini-batches, epochs and ReduceLROnPlateau on the
 * validation loss.
 */
public record Optimization(
        Optimizer.Kind optimizer,
        float learningRate,
        float weightDecay,
        int batchSize,
        int epochs,
        float lrFactor,
        int lrPatience) {

    public Optimization {
        Checks.positive("batch size", batchSize);
        Checks.positive("epochs", epochs);
        Checks.positive("learning rate", learningRate);
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        }
        if (!(lrFactor > 0 && lrFactor <= 1)) {
            throw new IllegalArgumentException("the learning-rate factor must be in (0, 1], got " + lrFactor);
        }
        if (lrPatience < 0) {
            throw new IllegalArgumentException("the learning-rate patience must not be negative, got " + lrPatience);
        }
    }

    public Optimization withEpochs(int newEpochs) {
        return new Optimization(optimizer, learningRate, weightDecay, batchSize, newEpochs, lrFactor, lrPatience);
    }

    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimizer", optimizer.toString());
        m.put("learning_rate", String.valueOf(learningRate));
        m.put("weight_decay", String.valueOf(weightDecay));
        m.put("batch_size", String.valueOf(batchSize));
        m.put("epochs", String.valueOf(epochs));
        m.put("lr_factor", String.valueOf(lrFactor));
        m.put("lr_patience", String.valueOf(lrPatience));
        return m;
    }
}
