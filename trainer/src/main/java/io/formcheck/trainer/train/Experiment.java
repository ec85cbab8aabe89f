package io.formcheck.trainer.train;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ForestForward;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ForestSpec;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One training run on one split: statistics from the training part, training, then the test verdict. */
public final class Experiment {
    /**
     * What one run produced.
     *
     * @param validationAccuracy the validation windows' accuracy (a network's best epoch's)
     * @param history a network's epochs; empty for the reading forest, which has none
     */
    public record Outcome(
            ExportedModel model,
            Standardization standardization,
            int maxSequenceLength,
            double validationAccuracy,
            Metrics test,
            double seconds,
            Optional<TrainingHistory> history) {}

    private Experiment() {}

    /** progress: told a line per epoch, or per ten trees of the forest. */
    public static Outcome run(
            ModelSpec spec, List<RepetitionWindow> windows, Splits.Split split, Consumer<String> progress) {
        Standardization standardization =
                InputStatistics.fit(split.train().stream().map(windows::get).toList(), spec.center());
        int maxLength =
                windows.stream().mapToInt(RepetitionWindow::length).max().orElse(0);
        if (spec instanceof NetworkSpec network) {
            return network(network, windows, split, standardization, maxLength, progress);
        }
        return forest((ForestSpec) spec, windows, split, standardization, maxLength, progress);
    }

    private static Outcome network(
            NetworkSpec spec,
            List<RepetitionWindow> windows,
            Splits.Split split,
            Standardization standardization,
            int maxLength,
            Consumer<String> progress) {
        int classes = ExerciseClass.values().length;
        Trainer.Examples train = examples(windows, split.train(), standardization);
        Trainer.Examples validation = examples(windows, split.validation(), standardization);
        Trainer.Examples test = examples(windows, split.test(), standardization);
        int epochs = spec.optimization().epochs();
        Trainer.Result result = Trainer.train(
                spec, Features.COUNT, classes, train, validation, stats -> progress.accept(stats.line(epochs)));
        float[][] probs = Inference.probabilities(result.net(), test.sequences());
        return new Outcome(
                ExportedModel.of(result.net()),
                standardization,
                maxLength,
                result.bestValidationAccuracy(),
                Metrics.of(test.labels(), argmax(probs), classes),
                result.seconds(),
                Optional.of(result.history()));
    }

    /** The reading forest fits the training windows; the validation windows only score it, as for a network. */
    private static Outcome forest(
            ForestSpec spec,
            List<RepetitionWindow> windows,
            Splits.Split split,
            Standardization standardization,
            int maxLength,
            Consumer<String> progress) {
        long start = System.nanoTime();
        ExportedModel model = fitForest(spec, windows, split.train(), standardization, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        ForestForward forward = ReadingForest.forward(model);
        return new Outcome(
                model,
                standardization,
                maxLength,
                score(forward, windows, split.validation(), standardization).accuracy(),
                score(forward, windows, split.test(), standardization),
                seconds,
                Optional.empty());
    }

    /** The reading forest of spec fitted on the windows ids names, standardized as given. */
    public static ExportedModel fitForest(
            ForestSpec spec,
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
                spec.trees(),
                spec.seed(),
                done -> progress.accept("trees " + done + "/" + spec.trees()));
    }

    private static Metrics score(
            ForestForward forward, List<RepetitionWindow> windows, List<Integer> ids, Standardization standardization) {
        int[] truth = ids.stream().mapToInt(i -> windows.get(i).label()).toArray();
        int[] predicted = ids.stream()
                .mapToInt(i -> Classifier.argmax(
                        forward.logits(standardization.apply(windows.get(i).samples()))))
                .toArray();
        return Metrics.of(truth, predicted, ExerciseClass.values().length);
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
