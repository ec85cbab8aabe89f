package io.formcheck.trainer.cli;

import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.train.TrainingConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The training configuration on the command line: a preset, and any of its settings overridden. */
final class TrainingOptions {
    @Option(
            names = "--preset",
            description =
                    "default (the best configuration found: the reading forest), cnn (the best "
                            + "network found) or seed (the seed notebook's LSTM); the options below override it (default: ${DEFAULT-VALUE})")
    String preset = "default";

    @Option(names = "--arch", description = "lstm, cnn or forest")
    String arch;

    @Option(names = "--hidden", description = "LSTM hidden size (seed: 128)")
    Integer hidden;

    @Option(names = "--layers", description = "LSTM or convolution layers (seed: 2)")
    Integer layers;

    @Option(names = "--pooling", description = "LSTM readout: last (the seed's) or mean over the steps")
    String pooling;

    @Option(names = "--filters", description = "CNN filters per layer")
    Integer filters;

    @Option(names = "--kernel", description = "CNN kernel size, odd")
    Integer kernel;

    @Option(names = "--head", description = "hidden units of the classifier head (seed: 64)")
    Integer head;

    @Option(names = "--dropout", description = "dropout between LSTM layers and in the head (seed: 0.5)")
    Float dropout;

    @Option(names = "--optimizer", description = "adam, sgd (momentum 0.9) or rmsprop (seed: adam)")
    String optimizer;

    @Option(names = "--lr", description = "learning rate (seed: 1e-3)")
    Float learningRate;

    @Option(names = "--weight-decay", description = "L2 weight decay (seed: 0)")
    Float weightDecay;

    @Option(names = "--batch-size", description = "mini-batch size (seed: 32)")
    Integer batchSize;

    @Option(names = "--epochs", description = "epochs (seed: 50)")
    Integer epochs;

    @Option(names = "--lr-factor", description = "ReduceLROnPlateau factor (seed: 0.5)")
    Float lrFactor;

    @Option(names = "--lr-patience", description = "ReduceLROnPlateau patience in epochs (seed: 5)")
    Integer lrPatience;

    @Option(
            names = "--crop",
            description =
                    "augmentation: train on random crops keeping at least this share of each repetition (1 = off)")
    Float cropMin;

    @Option(names = "--noise", description = "augmentation: Gaussian noise on standardized readings (0 = off)")
    Float noise;

    @Option(
            names = "--center",
            arity = "1",
            description = "subtract each repetition's own mean after standardization (true/false)")
    Boolean center;

    @Option(names = "--trees", description = "reading forest: how many trees (default: 100)")
    Integer trees;

    @Option(
            names = "--seed",
            description = "seed of the split, initialization, shuffling, dropout and augmentation (default: 42)")
    Long seed;

    TrainingConfig toConfig() {
        TrainingConfig p = switch (preset.toLowerCase(Locale.ROOT)) {
            case "default" -> TrainingConfig.defaultPreset();
            case "cnn" -> TrainingConfig.tunedCnnPreset();
            case "seed" -> TrainingConfig.seedPreset();
            default ->
                throw new IllegalArgumentException("unknown preset '" + preset + "' (expected default, cnn or seed)");
        };
        if (pooling != null && !pooling.equals("last") && !pooling.equals("mean")) {
            throw new IllegalArgumentException("--pooling must be last or mean, not '" + pooling + "'");
        }
        return new TrainingConfig(
                arch != null ? arch : p.arch(),
                hidden != null ? hidden : p.hidden(),
                layers != null ? layers : p.layers(),
                pooling != null ? pooling.equals("mean") : p.meanPool(),
                filters != null ? filters : p.filters(),
                kernel != null ? kernel : p.kernel(),
                head != null ? head : p.head(),
                dropout != null ? dropout : p.dropout(),
                optimizer != null ? Optimizer.Kind.parse(optimizer) : p.optimizer(),
                learningRate != null ? learningRate : p.learningRate(),
                weightDecay != null ? weightDecay : p.weightDecay(),
                batchSize != null ? batchSize : p.batchSize(),
                epochs != null ? epochs : p.epochs(),
                lrFactor != null ? lrFactor : p.lrFactor(),
                lrPatience != null ? lrPatience : p.lrPatience(),
                cropMin != null ? cropMin : p.cropMin(),
                noise != null ? noise : p.noise(),
                center != null ? center : p.center(),
                trees != null ? trees : p.trees(),
                seed != null ? seed : p.seed());
    }
}
