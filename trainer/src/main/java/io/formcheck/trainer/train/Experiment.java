package io.formcheck.trainer.train;

import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import java.util.List;

/** One training run on one split: statistics from the training part, training, then the test verdict. */
public final class Experiment {
    /** What one run produced. */
    public record Outcome(Trainer.Result training, Standardization standardization, Metrics test, int maxSequenceLength) {
    }

    private Experiment() {
    }

    public static Outcome run(TrainingConfig cfg, List<RepetitionWindow> windows, Splits.Split split,
            Trainer.Listener listener) {
        Standardization standardization = InputStatistics.fit(split.train().stream().map(windows::get).toList(),
                cfg.center());
        Trainer.Examples train = examples(windows, split.train(), standardization);
        Trainer.Examples validation = examples(windows, split.validation(), standardization);
        Trainer.Examples test = examples(windows, split.test(), standardization);
        int classes = ExerciseClass.values().length;
        Trainer.Result result = Trainer.train(cfg, Features.COUNT, classes, train, validation, listener);
        float[][] probs = Inference.probabilities(result.net(), test.sequences());
        int[] predicted = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            predicted[i] = io.formcheck.model.Classifier.argmax(probs[i]);
        }
        int maxLength = windows.stream().mapToInt(RepetitionWindow::length).max().orElse(0);
        return new Outcome(result, standardization, Metrics.of(test.labels(), predicted, classes), maxLength);
    }

    public static Trainer.Examples examples(List<RepetitionWindow> windows, List<Integer> ids, Standardization s) {
        List<float[]> sequences = ids.stream().map(i -> flatten(s.apply(windows.get(i).samples()))).toList();
        int[] labels = ids.stream().mapToInt(i -> windows.get(i).label()).toArray();
        return new Trainer.Examples(sequences, labels);
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
