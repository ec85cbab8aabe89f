package io.formcheck.trainer.spec;

import io.formcheck.model.LstmSchema;
import io.formcheck.trainer.nn.Optimizer;
import java.util.Locale;

/** The named starting points of a training run; command-line options override any of their settings. */
public enum Preset {
    /**
     * The best configuration found for people the model has never seen (README, Results): the window
     * forest, 300 fully grown trees on statistics of each window. What the trainer uses unless told otherwise.
     */
    DEFAULT(new WindowForestSpec(WindowForestSpec.DEFAULT_FEATURES, 300, 42)),
    /**
     * The best network found (README, Results; chosen by validation accuracy over three split seeds): a
     * 3-layer CNN, 128 filters of width 3, mean pooling, dropout 0.3, weight decay 1e-4, trained on random
     * crops (at least 80% of a repetition) with noise 0.05, Adam 2e-3, 100 epochs.
     */
    CNN(new CnnSpec(
            128,
            3,
            3,
            StatisticsSpec.NONE,
            new Head(64, 0.3f),
            new Optimization(Optimizer.Kind.ADAM, 2e-3f, 1e-4f, 32, 100, 0.5f, 5, 1),
            new Augmentation(0.8f, 0.05f),
            false,
            42)),
    /**
     * The best network found for new people (README, The trainer): a CNN whose head reads the window
     * forest's statistics, standardized and clipped to +-1.25, beside the mean of 8 kernel-1 filters of the
     * centered readings, so in effect a one-hidden-layer network (64 units) on the window statistics;
     * dropout 0.5, weight decay 1e-3, Adam 1e-3, 30 epochs; five such networks, averaged, trained on
     * windows that do not overlap.
     */
    STATS_CNN(
            new CnnSpec(
                    8,
                    1,
                    1,
                    new StatisticsSpec(WindowForestSpec.DEFAULT_FEATURES, 1.25f),
                    new Head(64, 0.5f),
                    new Optimization(Optimizer.Kind.ADAM, 1e-3f, 1e-3f, 32, 30, 0.5f, 5, 5),
                    Augmentation.NONE,
                    true,
                    42),
            true),
    /** The seed notebook's LSTM: the faithful baseline. */
    SEED(new LstmSpec(
            128,
            2,
            LstmSchema.Pooling.LAST,
            new Head(64, 0.5f),
            new Optimization(Optimizer.Kind.ADAM, 1e-3f, 0f, 32, 50, 0.5f, 5, 1),
            Augmentation.NONE,
            false,
            42));

    /**
     * The 1D-CNN the seed's title promised: 2 layers of 128 filters, kernel 5, mean pooling, the seed's head
     * and optimizer with weight decay 1e-4, 60 epochs. Compared in {@code compare}, not a preset.
     */
    public static final CnnSpec PLAIN_CNN = new CnnSpec(
            128,
            5,
            2,
            StatisticsSpec.NONE,
            new Head(64, 0.5f),
            new Optimization(Optimizer.Kind.ADAM, 1e-3f, 1e-4f, 32, 60, 0.5f, 5, 1),
            Augmentation.NONE,
            false,
            42);

    private final ModelSpec spec;
    private final boolean windowsApart;

    Preset(ModelSpec spec) {
        this(spec, false);
    }

    Preset(ModelSpec spec, boolean windowsApart) {
        this.spec = spec;
        this.windowsApart = windowsApart;
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * Trained on windows that do not overlap unless a stride is given: fewer, more distinct training
     * windows, with which the statistics CNN carries best to new people (README, Results).
     */
    public boolean windowsApart() {
        return windowsApart;
    }

    /** As the command line spells it: default, cnn, stats-cnn, seed. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
