package io.formcheck.trainer.train;

import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.CnnClassifierNet;
import io.formcheck.trainer.nn.LstmClassifierNet;
import io.formcheck.trainer.nn.Optimizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that decides a training run; the same config and seed give the same model.
 *
 * @param arch      "lstm", "cnn" or "forest" (the reading forest: none of the network settings apply)
 * @param hidden    LSTM hidden size
 * @param layers    LSTM or convolution layers
 * @param meanPool  LSTM readout: the mean over the steps instead of the last step
 * @param filters   CNN filters per layer
 * @param kernel    CNN kernel size (odd)
 * @param cropMin   augmentation: each epoch trains on a random contiguous crop of each repetition
 *                  keeping at least this share of it (1 = off)
 * @param noise     augmentation: standard deviation of Gaussian noise added to standardized readings
 * @param center    subtract each repetition's own mean after standardization
 * @param trees     reading forest: how many trees
 */
public record TrainingConfig(
        String arch,
        int hidden,
        int layers,
        boolean meanPool,
        int filters,
        int kernel,
        int head,
        float dropout,
        Optimizer.Kind optimizer,
        float learningRate,
        float weightDecay,
        int batchSize,
        int epochs,
        float lrFactor,
        int lrPatience,
        float cropMin,
        float noise,
        boolean center,
        int trees,
        long seed) {

    public static final String FOREST = "forest";

    public TrainingConfig {
        if (!arch.equals("lstm") && !arch.equals("cnn") && !arch.equals(FOREST)) {
            throw new IllegalArgumentException("unknown architecture '" + arch + "' (expected lstm, cnn or forest)");
        }
        positive("trees", trees);
        positive("hidden", hidden);
        positive("layers", layers);
        positive("filters", filters);
        positive("head", head);
        positive("batch size", batchSize);
        positive("epochs", epochs);
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be a positive odd number, got " + kernel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        }
        if (!(cropMin > 0 && cropMin <= 1)) {
            throw new IllegalArgumentException("crop must be in (0, 1], got " + cropMin);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must not be negative, got " + noise);
        }
    }

    /** The seed notebook's configuration (DEVELOPERS.md): the faithful baseline. */
    public static TrainingConfig seedPreset() {
        return new TrainingConfig(
                "lstm",
                128,
                2,
                false,
                64,
                5,
                64,
                0.5f,
                Optimizer.Kind.ADAM,
                1e-3f,
                0f,
                32,
                50,
                0.5f,
                5,
                1f,
                0f,
                false,
                100,
                42);
    }

    /** The 1D-CNN the seed's title promised: 2 layers of 128 filters, kernel 5, mean pooling, the 64-unit head. */
    public static TrainingConfig cnnPreset() {
        return new TrainingConfig(
                "cnn",
                128,
                2,
                true,
                128,
                5,
                64,
                0.5f,
                Optimizer.Kind.ADAM,
                1e-3f,
                1e-4f,
                32,
                60,
                0.5f,
                5,
                1f,
                0f,
                false,
                100,
                42);
    }

    /**
     * The best network found (README, Results; chosen by validation accuracy over three split seeds): a
     * 3-layer CNN, 128 filters of width 3, mean pooling, dropout 0.3, weight decay 1e-4, trained on random
     * crops (at least 80% of a repetition) with noise 0.05, Adam 2e-3, 100 epochs.
     */
    public static TrainingConfig tunedCnnPreset() {
        return new TrainingConfig(
                "cnn",
                128,
                3,
                true,
                128,
                3,
                64,
                0.3f,
                Optimizer.Kind.ADAM,
                2e-3f,
                1e-4f,
                32,
                100,
                0.5f,
                5,
                0.8f,
                0.05f,
                false,
                100,
                42);
    }

    /**
     * The best configuration found (README, Results): the reading forest, 100 fully grown trees on single
     * standardized readings. What the trainer uses unless told otherwise.
     */
    public static TrainingConfig defaultPreset() {
        return new TrainingConfig(
                FOREST,
                128,
                3,
                true,
                128,
                3,
                64,
                0f,
                Optimizer.Kind.ADAM,
                1e-3f,
                0f,
                32,
                1,
                0.5f,
                5,
                1f,
                0f,
                false,
                100,
                42);
    }

    /** The network this config trains, freshly built (not initialized). */
    public ClassifierNet network(int features, int classes) {
        if (arch.equals(FOREST)) {
            throw new IllegalStateException("the reading forest is not a network");
        }
        return arch.equals("cnn")
                ? new CnnClassifierNet(
                        new CnnClassifierNet.Shape(features, filters, kernel, layers, head, classes, dropout))
                : new LstmClassifierNet(
                        new LstmClassifierNet.Shape(features, hidden, layers, head, classes, dropout, meanPool));
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(
                arch,
                hidden,
                layers,
                meanPool,
                filters,
                kernel,
                head,
                dropout,
                optimizer,
                learningRate,
                weightDecay,
                batchSize,
                epochs,
                lrFactor,
                lrPatience,
                cropMin,
                noise,
                center,
                trees,
                newSeed);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(
                arch,
                hidden,
                layers,
                meanPool,
                filters,
                kernel,
                head,
                dropout,
                optimizer,
                learningRate,
                weightDecay,
                batchSize,
                newEpochs,
                lrFactor,
                lrPatience,
                cropMin,
                noise,
                center,
                trees,
                seed);
    }

    /** The same config with each repetition's own mean subtracted after standardization. */
    public TrainingConfig centered() {
        return new TrainingConfig(
                arch,
                hidden,
                layers,
                meanPool,
                filters,
                kernel,
                head,
                dropout,
                optimizer,
                learningRate,
                weightDecay,
                batchSize,
                epochs,
                lrFactor,
                lrPatience,
                cropMin,
                noise,
                true,
                trees,
                seed);
    }

    /** The same config, cut to a size for smoke runs (CI's --quick): 2 epochs, 10 trees. */
    public TrainingConfig quick() {
        return new TrainingConfig(
                arch,
                hidden,
                layers,
                meanPool,
                filters,
                kernel,
                head,
                dropout,
                optimizer,
                learningRate,
                weightDecay,
                batchSize,
                2,
                lrFactor,
                lrPatience,
                cropMin,
                noise,
                center,
                10,
                seed);
    }

    /** The config as flat key/value text, for reports and the model file header. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", arch);
        if (arch.equals(FOREST)) {
            m.put("trees", String.valueOf(trees));
            m.put("center", String.valueOf(center));
            m.put("seed", String.valueOf(seed));
            return m;
        }
        if (arch.equals("lstm")) {
            m.put("hidden", String.valueOf(hidden));
            m.put("pooling", meanPool ? "mean" : "last");
        } else {
            m.put("filters", String.valueOf(filters));
            m.put("kernel", String.valueOf(kernel));
        }
        m.put("layers", String.valueOf(layers));
        m.put("head", String.valueOf(head));
        m.put("dropout", String.valueOf(dropout));
        m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        m.put("learning_rate", String.valueOf(learningRate));
        m.put("weight_decay", String.valueOf(weightDecay));
        m.put("batch_size", String.valueOf(batchSize));
        m.put("epochs", String.valueOf(epochs));
        m.put("lr_factor", String.valueOf(lrFactor));
        m.put("lr_patience", String.valueOf(lrPatience));
        m.put("crop_min", String.valueOf(cropMin));
        m.put("noise", String.valueOf(noise));
        m.put("center", String.valueOf(center));
        m.put("seed", String.valueOf(seed));
        return m;
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
