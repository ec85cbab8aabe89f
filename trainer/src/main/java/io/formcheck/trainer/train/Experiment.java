package io.formcheck.trainer.train;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ForestForward;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import java.util.List;
import java.util.function.Consumer;

/** One training run on one split: statistics from the training part, training, then the test verdict. */
public final class Experiment {
    /**
     * What one run produced.
     *
     * @param history per-epoch statistics; empty for the reading forest, which has no epochs
     * @param bestEpoch the epoch whose weights were kept (0 for the forest)
     */
    public record Outcome(
            ExportedModel model,
            List<EpochStats> history,
            int bestEpoch,
            double bestValidationAccuracy,
            double seconds,
            Standardization standardization,
            Metrics test,
            int maxSequenceLength) {}

    private Experiment() {}

    /** progress: told a line per epoch, or per ten trees of the forest. */
    public static Outcome run(
            TrainingConfig cfg, List<RepetitionWindow> windows, Splits.Split split, Consumer<String> progress) {
        Standardization standardization =
                InputStatistics.fit(split.train().stream().map(windows::get).toList(), cfg.center());
        int classes = ExerciseClass.values().length;
        int maxLength =
                windows.stream().mapToInt(RepetitionWindow::length).max().orElse(0);
        if (cfg.arch().equals(TrainingConfig.FOREST)) {
            return forest(cfg, windows, split, standardization, classes, maxLength, progress);
        }
        Trainer.Examples train = examples(windows, split.train(), standardization);
        Trainer.Examples validation = examples(windows, split.validation(), standardization);
        Trainer.Examples test = examples(windows, split.test(), standardization);
        Trainer.Result result = Trainer.train(
                cfg, Features.COUNT, classes, train, validation, stats -> progress.accept(stats.line(cfg.epochs())));
        float[][] probs = Inference.probabilities(result.net(), test.sequences());
        return new Outcome(
                ExportedModel.of(result.net()),
                result.history(),
                result.bestEpoch(),
                result.bestValidationAccuracy(),
                result.seconds(),
                standardization,
                Metrics.of(test.labels(), argmax(probs), classes),
                maxLength);
    }

    /** The reading forest fits the training windows; the validation windows only score it, as for a network. */
    private static Outcome forest(
            TrainingConfig cfg,
            List<RepetitionWindow> windows,
            Splits.Split split,
            Standardization standardization,
            int classes,
            int maxLength,
            Consumer<String> progress) {
        long start = System.nanoTime();
        ExportedModel model = fitForest(cfg, windows, split.train(), standardization, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        ForestForward forward = ReadingForest.forward(model);
        Metrics validation = score(forward, windows, split.validation(), standardization, classes);
        return new Outcome(
                model,
                List.of(),
                0,
                validation.accuracy(),
                seconds,
                standardization,
                score(forward, windows, split.test(), standardization, classes),
                maxLength);
    }

    /** The reading forest of cfg fitted on the windows ids names, standardized as given. */
    public static ExportedModel fitForest(
            TrainingConfig cfg,
            List<RepetitionWindow> windows,
            List<Integer> ids,
            Standardization standardization,
            Consumer<String> progress) {
        return ReadingForest.fit(
                ids.stream()
                        .map(i -> standardization.apply(windows.get(i).samples()))
                        .toList(),
                ids.stream().mapToInt(i -> windows.get(i).label()).toArray(),
                ExerciseClass.values().length,
                cfg.trees(),
                cfg.seed(),
                done -> progress.accept("trees " + done + "/" + cfg.trees()));
    }

    private static Metrics score(
            ForestForward forward,
            List<RepetitionWindow> windows,
            List<Integer> ids,
            Standardization standardization,
            int classes) {
        int[] truth = ids.stream().mapToInt(i -> windows.get(i).label()).toArray();
        int[] predicted = ids.stream()
                .mapToInt(i -> Classifier.argmax(
                        forward.logits(standardization.apply(windows.get(i).samples()))))
                .toArray();
        return Metrics.of(truth, predicted, classes);
    }

    public static Trainer.Examples examples(List<RepetitionWindow> windows, List<Integer> ids, Standardization s) {
        List<float[]> sequences = ids.stream()
                .map(i -> flatten(s.apply(windows.get(i).samples())))
                .toList();
        int[] labels = ids.stream().mapToInt(i -> windows.get(i).label()).toArray();
        return new Trainer.Examples(sequences, labels);
    }

    private static int[] argmax(float[][] probs) {
        int[] out = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = Classifier.argmax(probs[i]);
        }
        return out;
    }

    /** steps x features rows as one array, row after row: the layout of {@link io.formcheck.trainer.nn.PackedBatch}. */
    static float[] flatten(float[][] rows) {
        int f = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * f];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, flat, t * f, f);
        }
        return flat;
    }
}
