package io.formcheck.trainer.cli;

import io.formcheck.model.AtomicFiles;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.EpochStats;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = "The seed notebook's tuning study, made real, plus our own experiments: each trained on the same "
                + "split; writes experiment_results.json, summary.md and charts.")
final class TuneCommand implements Callable<Integer> {
    /** Name, then the trainer options that make the experiment (on top of the seed preset): rerun any by hand. */
    static final String[][] EXPERIMENTS = {
        {"LSTM baseline: Adam 1e-3, batch 32", ""},
        {"optimizer SGD 1e-2, momentum 0.9", "--optimizer sgd --lr 1e-2"},
        {"optimizer RMSprop 1e-3", "--optimizer rmsprop"},
        {"learning rate 1e-4", "--lr 1e-4"},
        {"learning rate 5e-3", "--lr 5e-3"},
        {"batch size 64", "--batch-size 64"},
        {"batch size 128", "--batch-size 128"},
        {"dropout 0.2", "--dropout 0.2"},
        {"CNN 32 filters, kernel 5", "--arch cnn --filters 32 --kernel 5"},
        {"CNN 64 filters, kernel 5", "--arch cnn --filters 64 --kernel 5"},
        {"CNN 128 filters, kernel 5", "--arch cnn --filters 128 --kernel 5"},
        {"CNN 64 filters, kernel 3", "--arch cnn --filters 64 --kernel 3"},
        {"CNN 64 filters, kernel 7", "--arch cnn --filters 64 --kernel 7"},
        {"LSTM weight decay 1e-3", "--weight-decay 1e-3"},
        {"LSTM mean pooling, weight decay 1e-3", "--pooling mean --weight-decay 1e-3"},
        {"LSTM crops and noise, weight decay 1e-4", "--crop 0.7 --noise 0.1 --weight-decay 1e-4"},
        {
            "CNN 128, kernel 5, crops and noise, weight decay 1e-4",
            "--arch cnn --filters 128 --kernel 5 --crop 0.7 --noise 0.1 --weight-decay 1e-4 --epochs 60"
        },
        {"CNN tuned (best network found)", "--preset cnn"},
        {"reading forest, centered repetitions", "--preset default --center true"},
        {"reading forest, 300 trees", "--preset default --trees 300"},
        {"default (best found): reading forest", "--preset default"},
    };

    private static final int[] QUICK = {0, 1, 8, EXPERIMENTS.length - 1};

    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(names = "--seed", description = "split and training seed of every experiment (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--quick", description = "four experiments of 2 epochs: checks the pipeline, not the models")
    boolean quick;

    @Option(names = "--out-dir", description = "folder for the results (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("runs", "tune");

    @Override
    public Integer call() throws Exception {
        Dataset ds = data.load(true);
        Splits.Split split = Splits.stratified(ds.windows(window.windowing()), seed, 0.70, 0.15);
        List<String[]> chosen = new ArrayList<>();
        if (quick) {
            for (int q : QUICK) {
                chosen.add(EXPERIMENTS[q]);
            }
        } else {
            chosen.addAll(List.of(EXPERIMENTS));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, List<EpochStats>> curves = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < chosen.size(); i++) {
            String name = chosen.get(i)[0];
            ModelSpec spec = quick ? config(chosen.get(i)[1]).quick() : config(chosen.get(i)[1]);
            System.err.printf(
                    Locale.ROOT,
                    "[%d/%d %4.0fs] %s ...%n",
                    i + 1,
                    chosen.size(),
                    (System.nanoTime() - start) / 1e9,
                    name);
            Experiment.Outcome out = Experiment.run(spec, split, line -> System.err.println("    " + line));
            List<EpochStats> h = out.history().map(TrainingHistory::epochs).orElse(List.of());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("experiment_name", name);
            r.put("options", chosen.get(i)[1]);
            r.put("config", spec.describe());
            r.put("best_val_acc", out.validationAccuracy());
            out.history().ifPresent(history -> r.put("best_epoch", history.bestEpoch()));
            r.put("test_acc", out.test().accuracy());
            r.put("test_macro_f1", out.test().macroF1());
            r.put("training_time", out.seconds());
            // the reading forest has no epochs, hence no losses or curve
            r.put("final_train_loss", h.isEmpty() ? null : h.get(h.size() - 1).trainLoss());
            r.put("final_val_loss", h.isEmpty() ? null : h.get(h.size() - 1).validationLoss());
            r.put("history", h);
            results.add(r);
            if (!h.isEmpty()) {
                curves.put(name, h);
            }
            System.err.printf(
                    Locale.ROOT,
                    "[%d/%d] %s: validation %.4f%s, test %.4f, %.1fs%n",
                    i + 1,
                    chosen.size(),
                    name,
                    out.validationAccuracy(),
                    out.history()
                            .map(history -> " (best, epoch " + history.bestEpoch() + ")")
                            .orElse(""),
                    out.test().accuracy(),
                    out.seconds());
        }
        Json.write(outDir.resolve("experiment_results.json"), results);
        String md = summary(results, seed);
        AtomicFiles.writeString(outDir.resolve("summary.md"), md);
        charts(results, curves);
        System.out.print(md);
        return 0;
    }

    /** The options of an experiment on top of the seed preset, parsed the way the train command parses them. */
    static ModelSpec config(String options) {
        TrainingOptions o = new TrainingOptions();
        List<String> args = new ArrayList<>();
        if (!options.contains("--preset")) {
            args.addAll(List.of("--preset", "seed"));
        }
        if (!options.isBlank()) {
            args.addAll(List.of(options.split(" ")));
        }
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        return o.toSpec();
    }

    static String summary(List<Map<String, Object>> results, long seed) {
        StringBuilder s = new StringBuilder();
        s.append("Stratified 70/15/15 split, seed ")
                .append(seed)
                .append(". Best configuration chosen by validation accuracy.\n\n");
        s.append(
                "| experiment | trainer options | best validation | test | macro-F1 | time (s) |\n|---|---|---|---|---|---|\n");
        Map<String, Object> best = results.get(0);
        for (Map<String, Object> r : results) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | `%s` | %.3f | %.3f | %.3f | %.1f |%n",
                    r.get("experiment_name"),
                    r.get("options"),
                    (double) r.get("best_val_acc"),
                    (double) r.get("test_acc"),
                    (double) r.get("test_macro_f1"),
                    (double) r.get("training_time")));
            if ((double) r.get("best_val_acc") > (double) best.get("best_val_acc")) {
                best = r;
            }
        }
        s.append(String.format(
                Locale.ROOT,
                "%nBest configuration: **%s** (`%s`): validation %.3f, test %.3f.%n",
                best.get("experiment_name"),
                best.get("options"),
                (double) best.get("best_val_acc"),
                (double) best.get("test_acc")));
        Map<String, Object> chosen = best;
        List<String> tied = results.stream()
                .filter(r -> r != chosen && (double) r.get("best_val_acc") == (double) chosen.get("best_val_acc"))
                .map(r -> "**" + r.get("experiment_name") + "** (test "
                        + String.format(Locale.ROOT, "%.3f", (double) r.get("test_acc")) + ")")
                .toList();
        if (!tied.isEmpty()) {
            s.append("Tied on validation: ").append(String.join(", ", tied)).append(".\n");
        }
        return s.toString();
    }

    private void charts(List<Map<String, Object>> results, Map<String, List<EpochStats>> curves) throws IOException {
        Map<String, Double> test = new LinkedHashMap<>();
        Map<String, Double> validation = new LinkedHashMap<>();
        Map<String, Double> time = new LinkedHashMap<>();
        Map<String, double[]> scatter = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            String name = (String) r.get("experiment_name");
            test.put(name, (double) r.get("test_acc"));
            validation.put(name, (double) r.get("best_val_acc"));
            time.put(name, (double) r.get("training_time"));
            scatter.put(name, new double[] {(double) r.get("best_val_acc"), (double) r.get("test_acc")});
        }
        Charts.bars("Test accuracy per experiment", "test accuracy", test, outDir.resolve("test-accuracy.png"));
        Charts.bars(
                "Best validation accuracy per experiment",
                "validation accuracy",
                validation,
                outDir.resolve("validation-accuracy.png"));
        Charts.bars("Training time per experiment", "seconds", time, outDir.resolve("training-time.png"));
        Charts.scatter(
                "Validation against test accuracy",
                "best validation accuracy",
                "test accuracy",
                scatter,
                outDir.resolve("validation-vs-test.png"));
        Charts.curves("Validation accuracy while training", curves, outDir.resolve("training-curves.png"));
    }
}
