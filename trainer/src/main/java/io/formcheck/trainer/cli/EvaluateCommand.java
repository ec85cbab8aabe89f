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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Scores a saved model on every window of a labelled file.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file written by train")
    Path model;

    @Mixin
    DataOption data;

    @Option(names = "--json", description = "also write the metrics as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = Classifier.load(model);
        Dataset ds = data.load(true);
        List<RepetitionWindow> windows = ds.windows();
        int[] predicted = windows.stream()
                .mapToInt(w -> Classifier.argmax(classifier.probabilities(w.samples())))
                .toArray();
        Metrics metrics = Metrics.of(ds.labels(), predicted, classifier.labels().size());
        System.out.print(MetricsReport.toText(metrics));
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.toString());
            out.put("data", ds.source());
            out.putAll(MetricsReport.toMap(metrics));
            Json.write(json, out);
        }
        return 0;
    }
}
