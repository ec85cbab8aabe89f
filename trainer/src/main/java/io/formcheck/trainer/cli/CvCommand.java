package io.formcheck.trainer.cli;

import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.Study;
import java.nio.file.Path;
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
        Dataset.Windows windows = data.load(true).windows(window.windowing());
        Map<String, Experiment.Outcome> outcomes =
                Study.leaveOneSubjectOut(spec, windows, System.err::println, (person, outcome) -> {});
        Map<String, Object> perSubject = new LinkedHashMap<>();
        outcomes.forEach((person, outcome) -> {
            Map<String, Object> result = new LinkedHashMap<>(MetricsReport.toMap(outcome.test()));
            outcome.history().ifPresent(h -> result.put("best_epoch", h.bestEpoch()));
            perSubject.put(person, result);
        });
        Map<String, Double> accuracy = Study.accuracies(outcomes);
        double mean = Study.mean(accuracy);
        double worst = Study.worst(accuracy);
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
