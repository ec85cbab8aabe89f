package io.formcheck.trainer.train;

import io.formcheck.trainer.nn.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything that decides a training run; the same config and seed give the same model. */
public record TrainingConfig(
        int hidden,
        int layers,
        int head,
        float dropout,
        Optimizer.Kind optimizer,
        float learningRate,
        float weightDecay,
        int batchSize,
        int epochs,
        float lrFactor,
        int lrPatience,
        long seed) {

    public TrainingConfig {
        positive("hidden", hidden);
        positive("layers", layers);
        positive("head", head);
        positive("batch size", batchSize);
        positive("epochs", epochs);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        }
    }

    /** The seed notebook's configuration (DEVELOPERS.md): the faithful baseline. */
    public static TrainingConfig seedPreset() {
        return new TrainingConfig(128, 2, 64, 0.5f, Optimizer.Kind.ADAM, 1e-3f, 0f, 32, 50, 0.5f, 5, 42);
    }

    /** The config as flat key/value text, for reports and the model file header. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", "lstm");
        m.put("hidden", String.valueOf(hidden));
        m.put("layers", String.valueOf(layers));
        m.put("head", String.valueOf(head));
        m.put("dropout", String.valueOf(dropout));
        m.put("optimizer", optimizer.name().toLowerCase(java.util.Locale.ROOT));
        m.put("learning_rate", String.valueOf(learningRate));
        m.put("weight_decay", String.valueOf(weightDecay));
        m.put("batch_size", String.valueOf(batchSize));
        m.put("epochs", String.valueOf(epochs));
        m.put("lr_factor", String.valueOf(lrFactor));
        m.put("lr_patience", String.valueOf(lrPatience));
        m.put("seed", String.valueOf(seed));
        return m;
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
