package io.formcheck.trainer.cli;

import io.formcheck.model.Classifier;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Windowing;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.Study;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(
            names = "--requests",
            split = ",",
            description = "also score each fold's model on the left-out person's requests cut another way: lengths "
                    + "in seconds or num_window (e.g. 1s,1.5s,num_window), to see how it does on shorter or longer "
                    + "requests")
    List<String> requests = List.of();

    @Override
    public Integer call() throws Exception {
        ModelSpec spec = options.toSpec();
        Dataset ds = data.load(true);
        Dataset.Windows windows = ds.windows(window.windowing(options));
        Map<String, List<RepetitionWindow>> otherRequests = new LinkedHashMap<>();
        for (String cut : requests) {
            // a scored window never overlaps another, so only the length matters
            Windowing other = Windowing.parse(cut, cut.equals("num_window") ? null : cut);
            otherRequests.put(other.describe(), ds.windows(other).scored());
        }
        Map<String, Experiment.Outcome> outcomes =
                Study.leaveOneSubjectOut(spec, windows, System.err::println, (person, outcome) -> {});
        Map<String, Object> perSubject = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byRequest = new LinkedHashMap<>();
        outcomes.forEach((person, outcome) -> {
            Map<String, Object> result = new LinkedHashMap<>(MetricsReport.toMap(outcome.test()));
            outcome.history().ifPresent(h -> result.put("best_epoch", h.bestEpoch()));
            perSubject.put(person, result);
            Classifier served =
                    Experiment.classifier(outcome.model(), outcome.standardization(), outcome.maxSequenceLength());
            otherRequests.forEach((cut, all) -> byRequest
                    .computeIfAbsent(cut, c -> new LinkedHashMap<>())
                    .put(
                            person,
                            Experiment.score(
                                            served,
                                            all.stream()
                                                    .filter(w -> w.user().equals(person))
                                                    .toList())
                                    .accuracy()));
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
        Map<String, Object> requestReport = new LinkedHashMap<>();
        byRequest.forEach((cut, people) -> requestReport.put(
                cut, Map.of("accuracy", people, "mean", Study.mean(people), "worst", Study.worst(people))));
        report.put("other_requests", requestReport);
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
        byRequest.forEach((cut, people) -> System.out.printf(
                Locale.ROOT,
                "requests of %s: mean %.4f, worst %.4f (%s)%n",
                cut,
                Study.mean(people),
                Study.worst(people),
                MetricsReport.accuracies(people)));
        return 0;
    }
}
