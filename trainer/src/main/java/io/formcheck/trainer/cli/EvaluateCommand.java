package io.formcheck.trainer.cli;

import io.formcheck.model.Classifier;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.train.Metrics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Scores a saved model on a labelled file: each (user_name, num_window) group is one request, "
                + "answered exactly as the function answers it (or windows by time with --window).")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file written by train")
    Path model;

    @Mixin
    DataOption data;

    @Option(
            names = "--window",
            description = "num_window (the file's own groups, as requests) or a length in seconds such as 2.5s "
                    + "(non-overlapping windows by time) (default: ${DEFAULT-VALUE})")
    String window = "num_window";

    @Option(names = "--json", description = "also write the metrics as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = Classifier.load(model);
        Dataset ds = data.load(true);
        List<RepetitionWindow> windows = ds.windows(io.formcheck.trainer.data.Windowing.parse(window, null))
                .scored();
        Metrics metrics = score(classifier, windows);
        System.out.print(MetricsReport.toText(metrics));
        Map<String, List<RepetitionWindow>> byUser = new TreeMap<>();
        windows.forEach(w -> byUser.computeIfAbsent(w.user(), u -> new java.util.ArrayList<>())
                .add(w));
        Map<String, Double> users = new LinkedHashMap<>();
        byUser.forEach((user, own) -> users.put(user, score(classifier, own).accuracy()));
        if (users.size() > 1) {
            System.out.println("per person: " + MetricsReport.accuracies(users));
        }
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.toString());
            out.put("data", ds.source());
            out.put("window", window);
            out.putAll(MetricsReport.toMap(metrics));
            out.put("users", users);
            Json.write(json, out);
        }
        return 0;
    }

    private static Metrics score(Classifier classifier, List<RepetitionWindow> windows) {
        int[] truth = windows.stream().mapToInt(RepetitionWindow::label).toArray();
        int[] predicted = windows.stream()
                .mapToInt(w -> Classifier.argmax(classifier.probabilities(w.samples())))
                .toArray();
        return Metrics.of(truth, predicted, classifier.labels().size());
    }
}
