package io.formcheck.trainer.train;

import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ModelSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Honest scores of one model spec: leave-one-subject-out (each person, the mean and the worst person),
 * then test accuracy over several stratified split seeds (people in the training data).
 */
public final class Study {
    /** Told about each finished run. */
    public interface Progress {
        void done(String what, double accuracy);
    }

    /**
     * What a spec scored: leave-one-subject-out first (each person, the mean and the worst person), then
     * the random split of people in the training data.
     */
    public record Scores(
            Map<String, Double> subjectAccuracy,
            double meanSubjectAccuracy,
            double worstSubjectAccuracy,
            Map<Long, Double> splitAccuracy,
            double meanSplitAccuracy,
            double sdSplitAccuracy) {}

    private Study() {}

    /**
     * One run per person, trained on everyone else and tested on that person's scored windows (the spec's
     * seed for every fold); progress is told each run's lines, then the person's accuracy; done is told
     * each fold's outcome as it ends.
     */
    public static Map<String, Experiment.Outcome> leaveOneSubjectOut(
            ModelSpec spec,
            Dataset.Windows windows,
            Consumer<String> progress,
            BiConsumer<String, Experiment.Outcome> done) {
        Map<String, Splits.Split> folds = Splits.leaveOneSubjectOut(windows, spec.seed(), spec.needsValidation());
        if (folds.size() < 2) {
            throw new IllegalArgumentException(
                    "leave-one-subject-out needs at least two participants, found " + folds.size());
        }
        Map<String, Experiment.Outcome> outcomes = new LinkedHashMap<>();
        int fold = 0;
        for (Map.Entry<String, Splits.Split> e : folds.entrySet()) {
            fold++;
            String person = e.getKey();
            progress.accept(String.format(
                    Locale.ROOT,
                    "fold %d/%d: %s left out (%d windows to score, %d to train on)",
                    fold,
                    folds.size(),
                    person,
                    e.getValue().test().size(),
                    e.getValue().train().size()));
            Experiment.Outcome outcome = Experiment.run(spec, e.getValue(), line -> progress.accept("  " + line));
            progress.accept(String.format(
                    Locale.ROOT,
                    "fold %d/%d: %s accuracy %.4f",
                    fold,
                    folds.size(),
                    person,
                    outcome.test().accuracy()));
            outcomes.put(person, outcome);
            done.accept(person, outcome);
        }
        return outcomes;
    }

    /** Each person's accuracy, in the order of outcomes. */
    public static Map<String, Double> accuracies(Map<String, Experiment.Outcome> outcomes) {
        Map<String, Double> out = new LinkedHashMap<>();
        outcomes.forEach((person, o) -> out.put(person, o.test().accuracy()));
        return out;
    }

    /** The spec trained with each split's seed, on each leave-one-subject-out fold (unless not), then each split. */
    public static Scores score(
            String name,
            ModelSpec spec,
            Dataset.Windows windows,
            long[] seeds,
            boolean leaveOneSubjectOut,
            Progress progress) {
        Map<String, Double> subjects = new LinkedHashMap<>();
        if (leaveOneSubjectOut) {
            leaveOneSubjectOut(spec.withSeed(seeds[0]), windows, line -> {}, (person, outcome) -> {
                subjects.put(person, outcome.test().accuracy());
                progress.done(name + ", " + person + " left out", outcome.test().accuracy());
            });
        }
        Map<Long, Double> splits = new LinkedHashMap<>();
        for (long seed : seeds) {
            double acc = test(spec.withSeed(seed), Splits.stratified(windows, seed, spec.needsValidation()));
            splits.put(seed, acc);
            progress.done(name + ", split seed " + seed, acc);
        }
        double mean = mean(splits.values());
        double sd = Math.sqrt(splits.values().stream()
                        .mapToDouble(a -> (a - mean) * (a - mean))
                        .sum()
                / Math.max(1, splits.size() - 1));
        return new Scores(subjects, mean(subjects.values()), worst(subjects), splits, mean, sd);
    }

    /** The smallest accuracy: the person the model serves worst. */
    public static double worst(Map<String, Double> accuracies) {
        return accuracies.values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(Double.NaN);
    }

    public static double mean(Map<String, Double> accuracies) {
        return mean(accuracies.values());
    }

    private static double test(ModelSpec spec, Splits.Split split) {
        return Experiment.run(spec, split, line -> {}).test().accuracy();
    }

    private static double mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
