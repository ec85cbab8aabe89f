package io.formcheck.trainer.cli;

import io.formcheck.model.ModelFile;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ForestSpec;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.ExportedModel;
import io.formcheck.trainer.train.InputStatistics;
import io.formcheck.trainer.train.ModelExport;
import io.formcheck.trainer.train.TrainingHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Trains on a stratified 70/15/15 split by window; writes the model file, metrics.json and charts.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out-dir", description = "folder for model.fcmodel and the report (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("runs", "train");

    @Option(names = "--name", description = "model name recorded in the file (default: formcheck-<architecture>)")
    String name;

    @Option(names = "--model-version", description = "model version recorded in the file (default: ${DEFAULT-VALUE})")
    String modelVersion = "1";

    @Option(
            names = "--fit-all",
            description = "reading forest: after the split's report, fit the model written on every "
                    + "window (the report's figures stay those of the split; a network needs its validation windows)")
    boolean fitAll;

    @Override
    public Integer call() throws Exception {
        ModelSpec spec = options.toSpec();
        if (fitAll && !(spec instanceof ForestSpec)) {
            throw new IllegalArgumentException("--fit-all is for the reading forest; a network needs its validation "
                    + "windows to choose its epoch");
        }
        if (name == null) {
            name = "formcheck-" + spec.architecture();
        }
        Dataset ds = data.load(true);
        Dataset.Windows windows = ds.windows(window.windowing());
        Splits.Split split = Splits.stratified(windows, spec.seed(), 0.70, 0.15);
        if (split.validation().isEmpty() || split.test().isEmpty()) {
            throw new IllegalArgumentException(
                    "too few windows (" + windows.scored().size() + ") for a 70/15/15 split");
        }
        System.err.printf(
                Locale.ROOT,
                "split: %d train, %d validation, %d test windows%n",
                split.train().size(),
                split.validation().size(),
                split.test().size());
        Experiment.Outcome outcome = Experiment.run(spec, split, System.err::println);

        String sha = data.sha256();
        Map<String, String> header = new TreeMap<>();
        header.put(ModelFile.NAME, name);
        header.put(ModelFile.VERSION, modelVersion);
        header.put(
                ModelFile.TRAINED_AT,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        header.put("training.data_sha256", sha);
        header.put("training.data_windows", String.valueOf(windows.scored().size()));
        header.put("training.window", windows.windowing().describe());
        spec.describe().forEach((k, v) -> header.put("training.config." + k, v));
        header.put("training.split", "stratified 70/15/15 by window, seed " + spec.seed());
        outcome.history().ifPresent(h -> header.put("training.best_epoch", String.valueOf(h.bestEpoch())));
        header.put("training.validation_accuracy", fmt(outcome.validationAccuracy()));
        header.put("training.test_accuracy", fmt(outcome.test().accuracy()));
        header.put("training.test_macro_f1", fmt(outcome.test().macroF1()));
        header.put("training.seconds", fmt(outcome.seconds()));
        ExportedModel written = outcome.model();
        Standardization standardization = outcome.standardization();
        if (fitAll) {
            System.err.println(
                    "fitting the model written on all " + windows.training().size() + " training windows");
            standardization = InputStatistics.fit(windows.training(), spec.center());
            written = Experiment.fitForest((ForestSpec) spec, windows.training(), standardization, System.err::println);
            header.put(
                    "training.fitted_on",
                    "all " + windows.training().size() + " training windows; validation and test figures "
                            + "are those of the split's model");
        } else {
            header.put("training.fitted_on", "the split's " + split.train().size() + " training windows");
        }
        ModelFile model = ModelExport.toModelFile(written, standardization, outcome.maxSequenceLength(), header);
        Path modelPath = outDir.resolve("model.fcmodel");
        model.write(modelPath);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", modelPath.toString());
        report.put("config", spec.describe());
        report.put("fitted_on", header.get("training.fitted_on"));
        report.put(
                "data",
                Map.of(
                        "file",
                        ds.source(),
                        "sha256",
                        sha,
                        "rows_read",
                        ds.rowsRead(),
                        "rows_skipped",
                        ds.skippedRows(),
                        "windows",
                        windows.scored().size()));
        report.put(
                "split",
                Map.of(
                        "train",
                        split.train().size(),
                        "validation",
                        split.validation().size(),
                        "test",
                        split.test().size()));
        outcome.history().ifPresent(h -> report.put("best_epoch", h.bestEpoch()));
        report.put("validation_accuracy", outcome.validationAccuracy());
        report.put("test", MetricsReport.toMap(outcome.test()));
        report.put("training_seconds", outcome.seconds());
        report.put("history", outcome.history().map(TrainingHistory::epochs).orElse(List.of()));
        Json.write(outDir.resolve("metrics.json"), report);
        if (outcome.history().isPresent()) {
            Charts.trainingCurves(
                    "Training curves (" + name + ")",
                    outcome.history().get().epochs(),
                    outcome.history().get().bestEpoch(),
                    outDir.resolve("training-curves.png"));
        }
        Charts.confusionMatrix(
                "Test confusion matrix (" + name + ")",
                outcome.test().confusion(),
                MetricsReport.LABELS,
                outDir.resolve("confusion-matrix.png"));

        System.out.printf(
                Locale.ROOT,
                "validation accuracy %.4f%s; training took %.1fs%n",
                outcome.validationAccuracy(),
                outcome.history()
                        .map(h -> " (best epoch " + h.bestEpoch() + ")")
                        .orElse(""),
                outcome.seconds());
        System.out.print("test: " + MetricsReport.toText(outcome.test()));
        System.out.println("wrote " + modelPath + " and the report in " + outDir);
        return 0;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
