package io.formcheck.trainer.spec;

import io.formcheck.model.ModelFile;
import io.formcheck.trainer.nn.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a network is optimized: the optimizer, mini-batches, epochs and ReduceLROnPlateau on the
 * validation loss; with several members, that many networks trained from seeds drawn from the spec's
 * ({@link NetworkSpec#memberSeed}) and answering with their mean probabilities (one network's answer
 * moves with its random draws).
 */
public record Optimization(
        Optimizer.Kind optimizer,
        float learningRate,
        float weightDecay,
        int batchSize,
        int epochs,
        float lrFactor,
        int lrPatience,
        int members) {

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
        Checks.positive("members", members);
        if (members > ModelFile.MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "at most " + ModelFile.MAX_MEMBERS + " members are averaged, got " + members);
        }
        if (lrPatience < 0) {
            throw new IllegalArgumentException("the learning-rate patience must not be negative, got " + lrPatience);
        }
    }

    public Optimization withEpochs(int newEpochs) {
        return new Optimization(
                optimizer, learningRate, weightDecay, batchSize, newEpochs, lrFactor, lrPatience, members);
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
        m.put("members", String.valueOf(members));
        return m;
    }
}
