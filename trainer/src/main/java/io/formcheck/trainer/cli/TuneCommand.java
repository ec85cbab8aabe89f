package io.formcheck.trainer.cli;

import io.formcheck.model.AtomicFiles;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.report.MetricsReport;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.train.EpochStats;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.Study;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        description = "The seed notebook's tuning study, made real, plus our own experiments: each scored "
                + "leave-one-subject-out (each person, the mean and the worst person) and ranked by the mean; "
                + "writes experiment_results.json, summary.md and charts.")
final class TuneCommand implements Callable<Integer> {
    /**
     * Name, then the trainer options that make the experiment (on top of the seed preset unless they name
     * one; --window and --stride too): rerun any with train or cv, with the options the summary lists.
     */
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
        {"LSTM, each window centered", "--center true --weight-decay 1e-3"},
        {"CNN tuned (best network of the random split)", "--preset cnn"},
        {"CNN tuned, each window centered", "--preset cnn --center true"},
        {"reading forest", "--arch reading-forest"},
        {"reading forest, each window centered", "--arch reading-forest --center true"},
        {"window forest on summary features", "--preset default --features eul=mm;tot=mm;gyr=mm;acc=mm;mag=mm"},
        {"window forest, 100 trees", "--preset default --trees 100"},
        {"window forest, 1.5 s windows", "--preset default --window 1.5s"},
        {"window forest, 2 s windows", "--preset default --window 2s"},
        {"window forest, 3 s windows", "--preset default --window 3s"},
        {"window forest, training windows every 0.25 s", "--preset default --stride 0.25s"},
        {"default: window forest", "--preset default"},
    };

    /**
     * How far below the best mean still counts as a tie: one window of the person with the most (48) moves
     * the mean of six people by about 0.0035.
     */
    private static final double NOISE = 0.005;

    private static final int[] QUICK = {0, 1, 8, EXPERIMENTS.length - 1};

    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(names = "--seed", description = "training seed of every experiment (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(
            names = "--only",
            split = ",",
            description = "run only the experiments whose name contains one of these words (e.g. forest,CNN)")
    List<String> only;

    @Option(
            names = "--quick",
            description = "four experiments of 2 epochs or 10 trees: checks the pipeline, not the models")
    boolean quick;

    @Option(names = "--out-dir", description = "folder for the results (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("runs", "tune");

    /** The options of one experiment: the model spec and, where it says so, its own windows. */
    static final class ExperimentOptions {
        @Mixin
        TrainingOptions training = new TrainingOptions();

        @Mixin
        WindowOptions window = new WindowOptions();
    }

    @Override
    public Integer call() throws Exception {
        Dataset ds = data.load(true);
        List<String[]> chosen = chosen();
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, List<EpochStats>> curves = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < chosen.size(); i++) {
            String name = chosen.get(i)[0];
            ExperimentOptions o = options(chosen.get(i)[1], window);
            ModelSpec spec = o.training.toSpec().withSeed(seed);
            if (quick) {
                spec = spec.quick();
            }
            Dataset.Windows windows = ds.windows(o.window.windowing(o.training));
            System.err.printf(
                    Locale.ROOT,
                    "[%d/%d %4.0fs] %s (%s windows) ...%n",
                    i + 1,
                    chosen.size(),
                    (System.nanoTime() - start) / 1e9,
                    name,
                    windows.windowing().describe());
            long t0 = System.nanoTime();
            Map<String, Experiment.Outcome> outcomes = Study.leaveOneSubjectOut(
                    spec, windows, line -> System.err.println("    " + line), (person, outcome) -> {});
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> people = Study.accuracies(outcomes);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("experiment_name", name);
            r.put("options", commandLine(arguments(chosen.get(i)[1])));
            r.put("config", spec.describe());
            r.put("window", windows.windowing().describe());
            r.put("loso_mean", Study.mean(people));
            r.put("loso_worst", Study.worst(people));
            r.put("loso_accuracy", people);
            r.put("seconds", seconds);
            // a network's epochs on the first person's fold: how training went, drawn for every network
            outcomes.values().iterator().next().history().ifPresent(h -> {
                r.put("first_fold_history", h.epochs());
                curves.put(name, h.epochs());
            });
            results.add(r);
            System.err.printf(
                    Locale.ROOT,
                    "[%d/%d] %s: new people mean %.4f, worst %.4f (%s), %.0fs%n",
                    i + 1,
                    chosen.size(),
                    name,
                    Study.mean(people),
                    Study.worst(people),
                    MetricsReport.accuracies(people),
                    seconds);
        }
        results.sort(Comparator.comparingDouble((Map<String, Object> r) -> (double) r.get("loso_mean"))
                .reversed());
        Json.write(outDir.resolve("experiment_results.json"), results);
        String md = summary(results);
        AtomicFiles.writeString(outDir.resolve("summary.md"), md);
        charts(results, curves);
        System.out.print(md);
        return 0;
    }

    private List<String[]> chosen() {
        List<String[]> chosen = new ArrayList<>();
        for (int i = 0; i < EXPERIMENTS.length; i++) {
            String name = EXPERIMENTS[i][0];
            int index = i;
            boolean picked = quick
                    ? Arrays.stream(QUICK).anyMatch(q -> q == index)
                    : only == null || only.stream().anyMatch(name::contains);
            if (picked) {
                chosen.add(EXPERIMENTS[i]);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + " matches no experiment");
        }
        return chosen;
    }

    /**
     * The options of an experiment on top of the seed preset (unless it names a preset) and the command's
     * windows, parsed the way the train command parses them.
     */
    static ExperimentOptions options(String options, WindowOptions defaults) {
        ExperimentOptions o = new ExperimentOptions();
        o.window.window = defaults.window;
        o.window.stride = defaults.stride;
        new CommandLine(o)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(arguments(options).toArray(String[]::new));
        return o;
    }

    /** An experiment's trainer arguments, the seed preset made explicit where it starts from it. */
    static List<String> arguments(String options) {
        List<String> args = new ArrayList<>();
        if (!options.contains("--preset") && !options.contains("--arch reading-forest")) {
            args.addAll(List.of("--preset", "seed"));
        }
        if (!options.isBlank()) {
            args.addAll(List.of(options.split(" ")));
        }
        return args;
    }

    /** The arguments as a shell command line takes them: a features spec's ';' would end the command. */
    static String commandLine(List<String> args) {
        return String.join(
                " ", args.stream().map(a -> a.contains(";") ? "'" + a + "'" : a).toList());
    }

    /** The markdown table, best leave-one-subject-out mean first (results are already in that order). */
    static String summary(List<Map<String, Object>> results) {
        StringBuilder s = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<String> people =
                new ArrayList<>(((Map<String, Double>) results.get(0).get("loso_accuracy")).keySet());
        s.append("Leave-one-subject-out: each experiment trained on five people and scored on the sixth, for every ")
                .append("person; ranked by the mean.\n\n");
        s.append("| experiment | trainer options | windows | new people: mean | worst |");
        people.forEach(p -> s.append(' ').append(p).append(" |"));
        s.append(" time (s) |\n|---|---|---|---|---|");
        people.forEach(p -> s.append("---|"));
        s.append("---|\n");
        for (Map<String, Object> r : results) {
            @SuppressWarnings("unchecked")
            Map<String, Double> accuracy = (Map<String, Double>) r.get("loso_accuracy");
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | `%s` | %s | %.3f | %.3f |",
                    r.get("experiment_name"),
                    r.get("options"),
                    r.get("window"),
                    (double) r.get("loso_mean"),
                    (double) r.get("loso_worst")));
            people.forEach(p -> s.append(String.format(Locale.ROOT, " %.3f |", accuracy.getOrDefault(p, Double.NaN))));
            s.append(String.format(Locale.ROOT, " %.0f |%n", (double) r.get("seconds")));
        }
        Map<String, Object> best = results.get(0);
        s.append(String.format(
                Locale.ROOT,
                "%nBest for new people: **%s** (`%s`): mean %.3f, worst person %.3f.%n",
                best.get("experiment_name"),
                best.get("options"),
                (double) best.get("loso_mean"),
                (double) best.get("loso_worst")));
        List<String> tied = results.stream()
                .filter(r -> r != best && (double) best.get("loso_mean") - (double) r.get("loso_mean") <= NOISE)
                .map(r -> "**" + r.get("experiment_name") + "**")
                .toList();
        if (!tied.isEmpty()) {
            s.append("Within noise of it (one window's move of the mean): ")
                    .append(String.join(", ", tied))
                    .append(".\n");
        }
        return s.toString();
    }

    private void charts(List<Map<String, Object>> results, Map<String, List<EpochStats>> curves) throws IOException {
        Map<String, Map<String, Double>> loso = new LinkedHashMap<>();
        Map<String, Double> time = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            String name = (String) r.get("experiment_name");
            Map<String, Double> bars = new LinkedHashMap<>();
            bars.put("new people, mean", (double) r.get("loso_mean"));
            bars.put("new people, worst person", (double) r.get("loso_worst"));
            loso.put(name, bars);
            time.put(name, (double) r.get("seconds"));
        }
        Charts.groupedBars(
                "Leave-one-subject-out accuracy per experiment", "accuracy", loso, outDir.resolve("loso-accuracy.png"));
        Charts.bars("Time per experiment (six trainings)", "seconds", time, outDir.resolve("training-time.png"));
        if (!curves.isEmpty()) {
            Charts.curves(
                    "Validation accuracy while training (first person left out)",
                    curves,
                    outDir.resolve("training-curves.png"));
        }
    }
}
