package io.formcheck.trainer.train;

import io.formcheck.model.ExerciseClass;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ModelSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Honest scores of one way of classifying: test accuracy over several split seeds, and per left-out subject. */
public final class Study {
    /** Something that learns from a split's training (and validation) windows and labels its test windows. */
    public interface Method {
        Metrics run(Splits.Split split, long seed);
    }

    /** Told about each finished run. */
    public interface Progress {
        void done(String what, double accuracy);
    }

    /**
     * What a method scored: leave-one-subject-out first (each person, the mean and the worst person),
     * then the random split of people in the training data.
     */
    public record Scores(
            Map<String, Double> subjectAccuracy,
            double meanSubjectAccuracy,
            double worstSubjectAccuracy,
            Map<Long, Double> splitAccuracy,
            double meanSplitAccuracy,
            double sdSplitAccuracy) {}

    private Study() {}

    /** A trainer configuration (a network or the reading forest), trained with each split's seed. */
    public static Method configured(ModelSpec spec) {
        return (split, seed) ->
                Experiment.run(spec.withSeed(seed), split, line -> {}).test();
    }

    /** The random-forest baseline, fitted on training and validation windows (it needs no early stopping). */
    public static Method summaryForest() {
        return (split, seed) -> {
            List<RepetitionWindow> fit = new ArrayList<>(split.train());
            fit.addAll(split.validation());
            int[] truth =
                    split.test().stream().mapToInt(RepetitionWindow::label).toArray();
            return Metrics.of(truth, SummaryForest.fit(fit, seed).predict(split.test()), ExerciseClass.values().length);
        };
    }

    public static Scores score(
            String name,
            Method method,
            Dataset.Windows windows,
            long[] seeds,
            boolean leaveOneSubjectOut,
            Progress progress) {
        Map<String, Double> subjects = new LinkedHashMap<>();
        if (leaveOneSubjectOut) {
            for (Map.Entry<String, Splits.Split> fold :
                    Splits.leaveOneSubjectOut(windows, seeds[0], 0.15).entrySet()) {
                double acc = method.run(fold.getValue(), seeds[0]).accuracy();
                subjects.put(fold.getKey(), acc);
                progress.done(name + ", subject " + fold.getKey() + " left out", acc);
            }
        }
        Map<Long, Double> splits = new LinkedHashMap<>();
        for (long seed : seeds) {
            double acc = method.run(Splits.stratified(windows, seed, 0.70, 0.15), seed)
                    .accuracy();
            splits.put(seed, acc);
            progress.done(name + ", split seed " + seed, acc);
        }
        double mean = mean(splits.values());
        double sd = Math.sqrt(splits.values().stream()
                        .mapToDouble(a -> (a - mean) * (a - mean))
                        .sum()
                / Math.max(1, splits.size() - 1));
        double worst = subjects.values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(Double.NaN);
        return new Scores(subjects, mean(subjects.values()), worst, splits, mean, sd);
    }

    private static double mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
