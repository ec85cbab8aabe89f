package io.formcheck.trainer.cli;

import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.Experiment;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "cv",
        mixinStandardHelpOptions = true,
        description = "Leave-one-subject-out: one fold per participant, trained on the others and scored on that "
                + "person's windows; reported per person, with the mean and the worst person.")
final class CvCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out-dir", description = "folder for cv.json and cv-accuracy.png (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("runs", "cv");

    @Override
    public Integer call() throws Exception {
        ModelSpec spec = options.toSpec();
        Dataset ds = data.load(true);
        Dataset.Windows windows = ds.windows(window.windowing());
        Map<String, Splits.Split> folds = Splits.leaveOneSubjectOut(windows, spec.seed(), 0.15);
        if (folds.size() < 2) {
            throw new IllegalArgumentException(
                    "leave-one-subject-out needs at least two participants, found " + folds.size());
        }
        Map<String, Object> perSubject = new LinkedHashMap<>();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        int fold = 0;
        for (Map.Entry<String, Splits.Split> e : folds.entrySet()) {
            fold++;
            String user = e.getKey();
            System.err.printf(
                    Locale.ROOT,
                    "fold %d/%d: %s left out (%d windows to score, %d to train on)%n",
                    fold,
                    folds.size(),
                    user,
                    e.getValue().test().size(),
                    e.getValue().train().size());
            Experiment.Outcome outcome = Experiment.run(spec, e.getValue(), line -> System.err.println("  " + line));
            Map<String, Object> result = new LinkedHashMap<>(MetricsReport.toMap(outcome.test()));
            outcome.history().ifPresent(h -> result.put("best_epoch", h.bestEpoch()));
            result.put("validation_accuracy", outcome.validationAccuracy());
            perSubject.put(user, result);
            accuracy.put(user, outcome.test().accuracy());
            System.err.printf(
                    Locale.ROOT,
                    "fold %d/%d: %s accuracy %.4f%n",
                    fold,
                    folds.size(),
                    user,
                    outcome.test().accuracy());
        }
        double mean = accuracy.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        double worst = Collections.min(accuracy.values());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("config", spec.describe());
        report.put("window", windows.windowing().describe());
        report.put("mean_accuracy", mean);
        report.put("worst_accuracy", worst);
        report.put("subjects", perSubject);
        Json.write(outDir.resolve("cv.json"), report);
        Charts.bars(
                String.format(Locale.ROOT, "Leave-one-subject-out accuracy (mean %.3f, worst %.3f)", mean, worst),
                "accuracy",
                accuracy,
                outDir.resolve("cv-accuracy.png"));
        System.out.println("person      accuracy");
        accuracy.forEach((u, a) -> System.out.printf(Locale.ROOT, "%-10s  %.4f%n", u, a));
        System.out.printf(Locale.ROOT, "mean        %.4f%n", mean);
        System.out.printf(Locale.ROOT, "worst       %.4f%n", worst);
        return 0;
    }
}
