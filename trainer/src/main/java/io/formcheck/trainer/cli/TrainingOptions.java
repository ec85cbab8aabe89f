package io.formcheck.trainer.cli;

import io.formcheck.model.LstmSchema;
import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.spec.Architecture;
import io.formcheck.trainer.spec.Augmentation;
import io.formcheck.trainer.spec.CnnSpec;
import io.formcheck.trainer.spec.Head;
import io.formcheck.trainer.spec.LstmSpec;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.NetworkSpec;
import io.formcheck.trainer.spec.Optimization;
import io.formcheck.trainer.spec.Preset;
import io.formcheck.trainer.spec.ReadingForestSpec;
import io.formcheck.trainer.spec.StatisticsSpec;
import io.formcheck.trainer.spec.WindowForestSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The model spec on the command line: a preset, and any of its settings overridden. An option that does
 * not apply to the chosen architecture is refused rather than ignored.
 */
final class TrainingOptions {
    @Option(
            names = "--preset",
            description =
                    "${COMPLETION-CANDIDATES}: default (the best configuration found for new people: the window forest), "
                            + "cnn (the best network on the random split), stats-cnn (the best network for new "
                            + "people: five CNNs whose heads read the window statistics, averaged, trained on windows that do not overlap "
                            + "unless --stride is given) or seed (the seed notebook's "
                            + "LSTM); the options below override it (default: ${DEFAULT-VALUE})")
    Preset preset = Preset.DEFAULT;

    @Option(names = "--arch", description = "${COMPLETION-CANDIDATES} (default: the preset's)")
    Architecture arch;

    @Option(
            names = "--center",
            arity = "1",
            description = "networks and the reading forest: subtract each repetition's own mean after "
                    + "standardization (true/false)")
    Boolean center;

    @Option(
            names = "--seed",
            description =
                    "seed of the split, initialization, shuffling, dropout, augmentation and every tree (default: 42)")
    Long seed;

    @ArgGroup(validate = false, heading = "%nForests (--arch reading-forest or window-forest):%n")
    ForestOptions forest;

    @ArgGroup(validate = false, heading = "%nWindow forest (--arch window-forest):%n")
    WindowForestOptions windowForest;

    @ArgGroup(validate = false, heading = "%nNetworks (--arch lstm or cnn):%n")
    NetworkOptions network;

    @ArgGroup(validate = false, heading = "%nLSTM (--arch lstm):%n")
    LstmOptions lstm;

    @ArgGroup(validate = false, heading = "%nCNN (--arch cnn):%n")
    CnnOptions cnn;

    static final class ForestOptions {
        @Option(names = "--trees", description = "how many trees (default: the preset's, else 100)")
        Integer trees;
    }

    static final class WindowForestOptions {
        @Option(
                names = "--features",
                description = "the window statistics, as group=statistics parts separated by ';' (default: "
                        + WindowForestSpec.DEFAULT_FEATURES + "; the README lists the groups and statistics)")
        String features;
    }

    static final class NetworkOptions {
        @Option(names = "--layers", description = "LSTM or convolution layers (seed: 2)")
        Integer layers;

        @Option(names = "--head", description = "hidden units of the classifier head (seed: 64)")
        Integer head;

        @Option(names = "--dropout", description = "dropout between LSTM layers and in the head (seed: 0.5)")
        Float dropout;

        @Option(names = "--optimizer", description = "${COMPLETION-CANDIDATES}; sgd has momentum 0.9 (seed: adam)")
        Optimizer.Kind optimizer;

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
                names = "--members",
                description = "networks trained from seeds drawn from --seed, answering with their mean probabilities "
                        + "(seed: 1, stats-cnn: 5)")
        Integer members;

        @Option(
                names = "--crop",
                description = "augmentation: train on random crops keeping at least this share of each repetition "
                        + "(1 = off)")
        Float cropMin;

        @Option(names = "--noise", description = "augmentation: Gaussian noise on standardized readings (0 = off)")
        Float noise;
    }

    static final class LstmOptions {
        @Option(names = "--hidden", description = "hidden size (seed: 128)")
        Integer hidden;

        @Option(names = "--pooling", description = "${COMPLETION-CANDIDATES}: the last step (the seed's) or the mean")
        LstmSchema.Pooling pooling;
    }

    static final class CnnOptions {
        @Option(
                names = "--filters",
                description = "filters per layer (default: the preset's; 64 from a preset of another kind)")
        Integer filters;

        @Option(
                names = "--kernel",
                description = "kernel size, odd (default: the preset's; 5 from a preset of another kind)")
        Integer kernel;

        @Option(
                names = "--statistics",
                description = "window statistics the head reads beside the pooled features: none, default (the "
                        + "window forest's) or group=statistics parts separated by ';' as --features takes")
        String statistics;

        @Option(
                names = "--statistics-clip",
                description =
                        "the standardized window statistics are clipped to +-this (default: the preset's, else 1.5)")
        Float statisticsClip;
    }

    /**
     * A CNN chosen over an LSTM preset keeps the preset's network settings and takes these for its own;
     * a network chosen over the forest preset starts from the seed's.
     */
    private static final int DEFAULT_FILTERS = 64;

    private static final int DEFAULT_KERNEL = 5;

    ModelSpec toSpec() {
        ModelSpec base = preset.spec();
        Architecture kind = arch != null ? arch : base.architecture();
        long s = seed != null ? seed : base.seed();
        refuseOptionsNotFor(kind);
        Integer trees = forest != null ? forest.trees : null;
        if (kind == Architecture.WINDOW_FOREST) {
            WindowForestSpec w = base instanceof WindowForestSpec x ? x : (WindowForestSpec) Preset.DEFAULT.spec();
            return new WindowForestSpec(
                    or(windowForest != null ? windowForest.features : null, w.features()), or(trees, w.trees()), s);
        }
        if (kind == Architecture.READING_FOREST) {
            ReadingForestSpec f = base instanceof ReadingForestSpec x ? x : ReadingForestSpec.DEFAULTS;
            return new ReadingForestSpec(or(trees, f.trees()), or(center, f.center()), s);
        }
        NetworkSpec from = base instanceof NetworkSpec n ? n : (NetworkSpec) Preset.SEED.spec();
        NetworkOptions o = network != null ? network : new NetworkOptions();
        Head head = new Head(
                or(o.head, from.head().hidden()), or(o.dropout, from.head().dropout()));
        Optimization p = from.optimization();
        Optimization optimization = new Optimization(
                or(o.optimizer, p.optimizer()),
                or(o.learningRate, p.learningRate()),
                or(o.weightDecay, p.weightDecay()),
                or(o.batchSize, p.batchSize()),
                or(o.epochs, p.epochs()),
                or(o.lrFactor, p.lrFactor()),
                or(o.lrPatience, p.lrPatience()),
                or(o.members, p.members()));
        Augmentation augmentation = new Augmentation(
                or(o.cropMin, from.augmentation().cropMin()),
                or(o.noise, from.augmentation().noise()));
        int layers = or(o.layers, from.layers());
        if (kind == Architecture.LSTM) {
            LstmSpec l = from instanceof LstmSpec x ? x : (LstmSpec) Preset.SEED.spec();
            LstmOptions lo = lstm != null ? lstm : new LstmOptions();
            return new LstmSpec(
                    or(lo.hidden, l.hidden()),
                    layers,
                    or(lo.pooling, l.pooling()),
                    head,
                    optimization,
                    augmentation,
                    or(center, from.center()),
                    s);
        }
        CnnOptions co = cnn != null ? cnn : new CnnOptions();
        CnnSpec c = from instanceof CnnSpec x ? x : null;
        return new CnnSpec(
                or(co.filters, c != null ? c.filters() : DEFAULT_FILTERS),
                or(co.kernel, c != null ? c.kernel() : DEFAULT_KERNEL),
                layers,
                statistics(co, c != null ? c.statistics() : StatisticsSpec.NONE),
                head,
                optimization,
                augmentation,
                or(center, from.center()),
                s);
    }

    private static final float DEFAULT_CLIP = 1.5f;

    private static StatisticsSpec statistics(CnnOptions co, StatisticsSpec preset) {
        String features = co.statistics == null
                ? preset.features()
                : switch (co.statistics) {
                    case "none" -> "";
                    case "default" -> WindowForestSpec.DEFAULT_FEATURES;
                    default -> co.statistics;
                };
        if (features.isEmpty() && co.statisticsClip != null) {
            throw new IllegalArgumentException(
                    "--statistics-clip clips window statistics; name them with --statistics");
        }
        return new StatisticsSpec(features, or(co.statisticsClip, preset.any() ? preset.clip() : DEFAULT_CLIP));
    }

    private void refuseOptionsNotFor(Architecture kind) {
        List<String> foreign = new ArrayList<>();
        boolean isForest = kind == Architecture.READING_FOREST || kind == Architecture.WINDOW_FOREST;
        if (!isForest && forest != null) {
            foreign.add("--trees");
        }
        if (kind != Architecture.WINDOW_FOREST && windowForest != null) {
            foreign.add("--features");
        }
        if (kind == Architecture.WINDOW_FOREST && center != null) {
            foreign.add("--center");
        }
        if (isForest && network != null) {
            foreign.add("network options (--layers, --head, --epochs, ...)");
        }
        if (kind != Architecture.LSTM && lstm != null) {
            foreign.add("LSTM options (--hidden, --pooling)");
        }
        if (kind != Architecture.CNN && cnn != null) {
            foreign.add("CNN options (--filters, --kernel, --statistics, --statistics-clip)");
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(String.join(" and ", foreign) + " do not apply to --arch " + kind);
        }
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }
}
