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
import java.util.stream.Stream;

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
    public static Outcome run(ModelSpec spec, Splits.Split split, Consumer<String> progress) {
        Standardization standardization = InputStatistics.fit(split.train(), spec.center());
        int maxLength = Stream.of(split.train(), split.validation(), split.test())
                .flatMap(List::stream)
                .mapToInt(RepetitionWindow::length)
                .max()
                .orElse(0);
        if (spec instanceof NetworkSpec network) {
            return network(network, split, standardization, maxLength, progress);
        }
        return forest((ForestSpec) spec, split, standardization, maxLength, progress);
    }

    private static Outcome network(
            NetworkSpec spec,
            Splits.Split split,
            Standardization standardization,
            int maxLength,
            Consumer<String> progress) {
        int classes = ExerciseClass.values().length;
        Trainer.Examples train = examples(split.train(), standardization);
        Trainer.Examples validation = examples(split.validation(), standardization);
        Trainer.Examples test = examples(split.test(), standardization);
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
            Splits.Split split,
            Standardization standardization,
            int maxLength,
            Consumer<String> progress) {
        long start = System.nanoTime();
        ExportedModel model = fitForest(spec, split.train(), standardization, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        ForestForward forward = ReadingForest.forward(model);
        return new Outcome(
                model,
                standardization,
                maxLength,
                score(forward, split.validation(), standardization).accuracy(),
                score(forward, split.test(), standardization),
                seconds,
                Optional.empty());
    }

    /** The reading forest of spec fitted on the windows, standardized as given. */
    public static ExportedModel fitForest(
            ForestSpec spec,
            List<RepetitionWindow> windows,
            Standardization standardization,
            Consumer<String> progress) {
        return ReadingForest.fit(
                windows.stream().map(w -> standardization.apply(w.samples())).toList(),
                windows.stream().mapToInt(RepetitionWindow::label).toArray(),
                ExerciseClass.values().length,
                spec.trees(),
                spec.seed(),
                done -> progress.accept("trees " + done + "/" + spec.trees()));
    }

    private static Metrics score(
            ForestForward forward, List<RepetitionWindow> windows, Standardization standardization) {
        int[] truth = windows.stream().mapToInt(RepetitionWindow::label).toArray();
        int[] predicted = windows.stream()
                .mapToInt(w -> Classifier.argmax(forward.logits(standardization.apply(w.samples()))))
                .toArray();
        return Metrics.of(truth, predicted, ExerciseClass.values().length);
    }

    public static Trainer.Examples examples(List<RepetitionWindow> windows, Standardization s) {
        List<float[]> sequences =
                windows.stream().map(w -> flatten(s.apply(w.samples()))).toList();
        int[] labels = windows.stream().mapToInt(RepetitionWindow::label).toArray();
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
