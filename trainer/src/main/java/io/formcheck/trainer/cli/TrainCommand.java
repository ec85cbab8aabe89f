package io.formcheck.trainer.cli;

import io.formcheck.model.ModelFile;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.ModelExport;
import io.formcheck.trainer.train.Study;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Measures the model for new people (leave-one-subject-out) and for people in the data (a "
                + "stratified split by window: 70/15/15 for a network, 85/15 for a forest), then writes the model file, metrics.json and charts. A "
                + "forest written is fitted on every window; a network is the split's, its epoch chosen on the "
                + "validation windows.")
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
            names = "--loso",
            arity = "1",
            description = "measure leave-one-subject-out first, one run per person (default: ${DEFAULT-VALUE})")
    boolean loso = true;

    @Override
    public Integer call() throws Exception {
        ModelSpec spec = options.toSpec();
        String modelName = name != null ? name : "formcheck-" + spec.architecture();
        Dataset ds = data.load(true);
        Dataset.Windows windows = ds.windows(window.windowing(options));

        Map<String, Double> people = new LinkedHashMap<>();
        if (loso) {
            System.err.println("leave-one-subject-out (new people):");
            people = Study.accuracies(Study.leaveOneSubjectOut(
                    spec, windows, line -> System.err.println("  " + line), (person, outcome) -> {}));
        }
        Splits.Split split = Splits.stratified(windows, spec.seed(), spec.needsValidation());
        if (split.test().isEmpty() || split.train().isEmpty()) {
            throw new IllegalArgumentException("too few windows ("
                    + windows.scored().size() + ") for a " + Splits.shares(spec.needsValidation()) + " split");
        }
        System.err.printf(
                Locale.ROOT,
                "split (people in the data): %d train, %d validation, %d test windows%n",
                split.train().size(),
                split.validation().size(),
                split.test().size());
        Experiment.Outcome outcome = Experiment.run(spec, split, System.err::println);

        Map<String, String> header = new TreeMap<>();
        header.put(ModelFile.NAME, modelName);
        header.put(ModelFile.VERSION, modelVersion);
        header.put(
                ModelFile.TRAINED_AT,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        header.put("training.data_sha256", data.sha256());
        header.put("training.data_windows", String.valueOf(windows.scored().size()));
        header.put("training.window", windows.windowing().describe());
        spec.describe().forEach((k, v) -> header.put("training.config." + k, v));
        if (loso) {
            header.put("training.loso_mean_accuracy", fmt(Study.mean(people)));
            header.put("training.loso_worst_accuracy", fmt(Study.worst(people)));
            people.forEach((person, acc) -> header.put("training.loso_accuracy." + person, fmt(acc)));
        }
        header.put(
                "training.split",
                "stratified " + Splits.shares(spec.needsValidation()) + " by window, seed " + spec.seed());
        if (!outcome.histories().isEmpty()) {
            header.put("training.best_epoch", joined(outcome.histories(), h -> String.valueOf(h.bestEpoch())));
            header.put(
                    "training.validation_accuracy", joined(outcome.histories(), h -> fmt(h.bestValidationAccuracy())));
        }
        header.put("training.test_accuracy", fmt(outcome.test().accuracy()));
        header.put("training.test_macro_f1", fmt(outcome.test().macroF1()));
        header.put("training.seconds", fmt(outcome.seconds()));
        ModelFile model;
        if (spec.needsValidation()) {
            header.put("training.fitted_on", "the split's " + split.train().size() + " training windows");
            model = ModelExport.toModelFile(
                    outcome.model(), outcome.standardization(), outcome.maxSequenceLength(), header);
        } else {
            System.err.println(
                    "fitting the model written on all " + windows.training().size() + " training windows");
            Experiment.Fitted all = Experiment.fitForest(spec, windows.training(), System.err::println);
            header.put(
                    "training.fitted_on",
                    "all " + windows.training().size() + " training windows; the test figures are the split's");
            model = ModelExport.toModelFile(all.model(), all.standardization(), outcome.maxSequenceLength(), header);
        }
        Path modelPath = outDir.resolve("model.fcmodel");
        model.write(modelPath);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", modelPath.toString());
        report.put("config", spec.describe());
        report.put("window", windows.windowing().describe());
        report.put("fitted_on", header.get("training.fitted_on"));
        report.put(
                "data",
                Map.of(
                        "file", ds.source(),
                        "sha256", header.get("training.data_sha256"),
                        "rows_read", ds.rowsRead(),
                        "rows_skipped", ds.skippedRows(),
                        "windows", windows.scored().size()));
        if (loso) {
            report.put(
                    "leave_one_subject_out",
                    Map.of("accuracy", people, "mean", Study.mean(people), "worst", Study.worst(people)));
        }
        report.put(
                "split",
                Map.of(
                        "train", split.train().size(),
                        "validation", split.validation().size(),
                        "test", split.test().size()));
        outcome.history().ifPresent(h -> {
            report.put("best_epoch", h.bestEpoch());
            report.put("validation_accuracy", h.bestValidationAccuracy());
        });
        if (outcome.histories().size() > 1) {
            report.put(
                    "members",
                    outcome.histories().stream()
                            .map(h -> Map.of(
                                    "best_epoch", h.bestEpoch(), "validation_accuracy", h.bestValidationAccuracy()))
                            .toList());
        }
        report.put("test", MetricsReport.toMap(outcome.test()));
        report.put("training_seconds", outcome.seconds());
        report.put("history", outcome.history().map(TrainingHistory::epochs).orElse(List.of()));
        Json.write(outDir.resolve("metrics.json"), report);
        if (outcome.history().isPresent()) {
            TrainingHistory h = outcome.history().get();
            Charts.trainingCurves(
                    "Training curves (" + modelName
                            + (outcome.histories().size() > 1 ? ", the first of its members" : "") + ")",
                    h.epochs(),
                    h.bestEpoch(),
                    outDir.resolve("training-curves.png"));
        }
        Charts.confusionMatrix(
                "Test confusion matrix (" + modelName + ")",
                outcome.test().confusion(),
                MetricsReport.LABELS,
                outDir.resolve("confusion-matrix.png"));

        if (loso) {
            System.out.printf(
                    Locale.ROOT,
                    "new people (leave-one-subject-out): mean %.4f, worst %.4f (%s)%n",
                    Study.mean(people),
                    Study.worst(people),
                    MetricsReport.accuracies(people));
        }
        if (!outcome.histories().isEmpty()) {
            System.out.printf(
                    "validation accuracy %s (best epoch %s)%n",
                    header.get("training.validation_accuracy"), header.get("training.best_epoch"));
        }
        System.out.printf(Locale.ROOT, "training took %.1fs%n", outcome.seconds());
        System.out.print("people in the data (test split): " + MetricsReport.toText(outcome.test()));
        System.out.println("wrote " + modelPath + " and the report in " + outDir);
        return 0;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** One figure per member network, in member order. */
    private static String joined(List<TrainingHistory> histories, Function<TrainingHistory, String> figure) {
        return histories.stream().map(figure).collect(Collectors.joining(","));
    }
}
