package io.formcheck.trainer.cli;

import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The training configuration on the command line; every default is the seed's. */
final class TrainingOptions {
    private static final TrainingConfig SEED = TrainingConfig.seedPreset();

    @Option(names = "--hidden", description = "LSTM hidden size (default: ${DEFAULT-VALUE})")
    int hidden = SEED.hidden();

    @Option(names = "--layers", description = "LSTM layers (default: ${DEFAULT-VALUE})")
    int layers = SEED.layers();

    @Option(names = "--head", description = "hidden units of the classifier head (default: ${DEFAULT-VALUE})")
    int head = SEED.head();

    @Option(names = "--dropout", description = "dropout between LSTM layers and in the head (default: ${DEFAULT-VALUE})")
    float dropout = SEED.dropout();

    @Option(names = "--optimizer", description = "adam, sgd (momentum 0.9) or rmsprop (default: adam)")
    String optimizer = "adam";

    @Option(names = "--lr", description = "learning rate (default: ${DEFAULT-VALUE})")
    float learningRate = SEED.learningRate();

    @Option(names = "--weight-decay", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    float weightDecay = SEED.weightDecay();

    @Option(names = "--batch-size", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batchSize = SEED.batchSize();

    @Option(names = "--epochs", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs = SEED.epochs();

    @Option(names = "--lr-factor", description = "ReduceLROnPlateau factor (default: ${DEFAULT-VALUE})")
    float lrFactor = SEED.lrFactor();

    @Option(names = "--lr-patience", description = "ReduceLROnPlateau patience in epochs (default: ${DEFAULT-VALUE})")
    int lrPatience = SEED.lrPatience();

    @Option(names = "--seed", description = "seed of the split, initialization, shuffling and dropout (default: ${DEFAULT-VALUE})")
    long seed = SEED.seed();

    TrainingConfig toConfig() {
        return new TrainingConfig(hidden, layers, head, dropout, Optimizer.Kind.parse(optimizer), learningRate,
                weightDecay, batchSize, epochs, lrFactor, lrPatience, seed);
    }
}
