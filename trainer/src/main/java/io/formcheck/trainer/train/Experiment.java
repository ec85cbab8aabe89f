package io.formcheck.trainer.train;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ModelFormatException;
import io.formcheck.model.Standardization;
import io.formcheck.model.StatisticsInput;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.NetworkSpec;
import io.formcheck.trainer.spec.ReadingForestSpec;
import io.formcheck.trainer.spec.WindowForestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** One training run on one split: statistics from the training part, training, then the test verdict. */
public final class Experiment {
    /**
     * What one run produced.
     *
     * @param histories each member network's epochs and the one kept; empty for a forest, which has none
     */
    public record Outcome(
            ExportedModel model,
            Standardization standardization,
            int maxSequenceLength,
            Metrics test,
            double seconds,
            List<TrainingHistory> histories) {
        /** The first network's history: the one network's, where there are no other members. */
        public Optional<TrainingHistory> history() {
            return histories.stream().findFirst();
        }
    }

    /** A forest and the standardization its inputs take, ready for a model file. */
    public record Fitted(ExportedModel model, Standardization standardization) {}

    private Experiment() {}

    /** progress: told a line per epoch, or per ten trees of a forest. */
    public static Outcome run(ModelSpec spec, Splits.Split split, Consumer<String> progress) {
        int maxLength = Stream.of(split.train(), split.validation(), split.test())
                .flatMap(List::stream)
                .mapToInt(RepetitionWindow::length)
                .max()
                .orElse(0);
        if (spec instanceof NetworkSpec network) {
            return network(network, split, maxLength, progress);
        }
        long start = System.nanoTime();
        Fitted fitted = fitForest(spec, split.train(), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        // scored through the model file and the classifier the function serves: what is measured is what is served
        Classifier served = classifier(fitted.model(), fitted.standardization(), maxLength);
        return new Outcome(
                fitted.model(), fitted.standardization(), maxLength, score(served, split.test()), seconds, List.of());
    }

    /** A forest of spec fitted on the windows (a forest has no epochs to choose, so needs no validation). */
    public static Fitted fitForest(ModelSpec spec, List<RepetitionWindow> windows, Consumer<String> progress) {
        int classes = ExerciseClass.values().length;
        int[] labels = windows.stream().mapToInt(RepetitionWindow::label).toArray();
        if (spec instanceof ReadingForestSpec f) {
            Standardization standardization = InputStatistics.fit(windows, f.center());
            return new Fitted(
                    ReadingForest.fit(
                            windows.stream()
                                    .map(w -> standardization.apply(w.samples()))
                                    .toList(),
                            labels,
                            classes,
                            f.trees(),
                            f.seed(),
                            done -> progress.accept("trees " + done + "/" + f.trees())),
                    standardization);
        }
        if (spec instanceof WindowForestSpec f) {
            return new Fitted(
                    WindowForest.fit(
                            windows.stream().map(RepetitionWindow::samples).toList(),
                            labels,
                            classes,
                            f.features(),
                            f.trees(),
                            f.seed(),
                            done -> progress.accept("trees " + done + "/" + f.trees())),
                    Standardization.none(Features.COUNT));
        }
        throw new IllegalArgumentException(
                "a " + spec.architecture() + " is trained for epochs on a split, not fitted once");
    }

    private static Outcome network(NetworkSpec spec, Splits.Split split, int maxLength, Consumer<String> progress) {
        int classes = ExerciseClass.values().length;
        Standardization standardization = InputStatistics.fit(split.train(), spec.center());
        Optional<StatisticsInput> statistics = spec.statistics().any()
                ? Optional.of(InputStatistics.fit(split.train(), spec.statistics()))
                : Optional.empty();
        Trainer.Examples train = examples(split.train(), standardization, statistics);
        Trainer.Examples validation = examples(split.validation(), standardization, statistics);
        Trainer.Examples test = examples(split.test(), standardization, statistics);
        int epochs = spec.optimization().epochs();
        int members = spec.optimization().members();
        List<Trainer.Result> results = new ArrayList<>();
        float[][] probs = new float[test.labels().length][classes];
        for (int k = 0; k < members; k++) {
            String member = members == 1 ? "" : "member " + (k + 1) + "/" + members + ": ";
            Trainer.Result result = Trainer.train(
                    spec.withSeed(spec.memberSeed(k)),
                    Features.COUNT,
                    classes,
                    train,
                    validation,
                    stats -> progress.accept(member + stats.line(epochs)));
            results.add(result);
            float[][] p = Inference.probabilities(result.net(), test);
            for (int i = 0; i < probs.length; i++) {
                for (int c = 0; c < classes; c++) {
                    probs[i][c] += p[i][c] / members;
                }
            }
        }
        return new Outcome(
                ExportedModel.of(results.stream().map(Trainer.Result::net).toList(), statistics),
                standardization,
                maxLength,
                Metrics.of(test.labels(), argmax(probs), classes),
                results.stream().mapToDouble(Trainer.Result::seconds).sum(),
                results.stream().map(Trainer.Result::history).toList());
    }

    /** The classifier the function would load from this model. */
    public static Classifier classifier(ExportedModel model, Standardization standardization, int maxLength) {
        try {
            return new Classifier(ModelExport.toModelFile(model, standardization, maxLength, Map.of()));
        } catch (ModelFormatException e) {
            throw new IllegalStateException("the trained model does not load: " + e.getMessage(), e);
        }
    }

    /** The classifier's verdict on every window. */
    public static Metrics score(Classifier classifier, List<RepetitionWindow> windows) {
        int[] truth = windows.stream().mapToInt(RepetitionWindow::label).toArray();
        int[] predicted = windows.stream()
                .mapToInt(w -> Classifier.argmax(classifier.probabilities(w.samples())))
                .toArray();
        return Metrics.of(truth, predicted, ExerciseClass.values().length);
    }

    public static Trainer.Examples examples(List<RepetitionWindow> windows, Standardization s) {
        return examples(windows, s, Optional.empty());
    }

    /** With each window's statistics, when the network's head reads them. */
    public static Trainer.Examples examples(
            List<RepetitionWindow> windows, Standardization s, Optional<StatisticsInput> statistics) {
        List<float[]> sequences =
                windows.stream().map(w -> flatten(s.apply(w.samples()))).toList();
        List<float[]> side = statistics.isEmpty()
                ? List.of()
                : windows.stream().map(w -> statistics.get().apply(w.samples())).toList();
        int[] labels = windows.stream().mapToInt(RepetitionWindow::label).toArray();
        return new Trainer.Examples(sequences, side, labels);
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
