package io.formcheck.trainer.cli;

import io.formcheck.model.AtomicFiles;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.report.Charts;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.NetworkSpec;
import io.formcheck.trainer.spec.Preset;
import io.formcheck.trainer.spec.ReadingForestSpec;
import io.formcheck.trainer.spec.WindowForestSpec;
import io.formcheck.trainer.train.Study;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Honest evaluation in one report, ranked by leave-one-subject-out (how a model does for a person "
                + "it has never seen: each person, the mean and the worst), then people in the training data (a "
                + "stratified random split, several seeds).")
final class CompareCommand implements Callable<Integer> {
    /**
     * A method as the report names it.
     *
     * @param apart trained on windows that do not overlap, as its preset is, whatever the run's stride (the
     *     method's name says so)
     */
    private record Candidate(String name, ModelSpec spec, boolean apart) {
        Candidate(String name, ModelSpec spec) {
            this(name, spec, false);
        }
    }

    /** The best network for new people, as the report names it. */
    static final String STATS_CNN = "CNN reading the window statistics, "
            + ((NetworkSpec) Preset.STATS_CNN.spec()).optimization().members()
            + " members, training windows apart (best network for new people)";

    /** Every method compare knows, by its --methods key, in report order before ranking. */
    private static final Map<String, Candidate> CANDIDATES = candidates();

    private static Map<String, Candidate> candidates() {
        Map<String, Candidate> c = new LinkedHashMap<>();
        c.put("window-forest", new Candidate("window forest (default)", Preset.DEFAULT.spec()));
        c.put(
                "summary-forest",
                new Candidate(
                        "window forest on summary features (mean, sd, min, max of every reading)",
                        new WindowForestSpec(WindowForestSpec.SUMMARY_FEATURES, 300, 42)));
        c.put(
                "centered-forest",
                new Candidate("reading forest, centered repetitions", ReadingForestSpec.DEFAULTS.centered()));
        c.put("reading-forest", new Candidate("reading forest", ReadingForestSpec.DEFAULTS));
        c.put("seed-lstm", new Candidate("LSTM (seed configuration)", Preset.SEED.spec()));
        c.put("cnn", new Candidate("CNN", Preset.PLAIN_CNN));
        c.put("tuned-cnn", new Candidate("CNN tuned (best network on the random split)", Preset.CNN.spec()));
        c.put("stats-cnn", new Candidate(STATS_CNN, Preset.STATS_CNN.spec(), Preset.STATS_CNN.windowsApart()));
        return c;
    }

    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(names = "--seeds", split = ",", description = "split seeds (default: ${DEFAULT-VALUE})")
    long[] seeds = {42, 1, 2};

    /**
     * What compare runs unless told otherwise: the default and the methods closest to it, and the seed's
     * network: 15 minutes on 2 cores, where all eight take 24 (README, Results).
     */
    private static final List<String> DEFAULT_METHODS =
            List.of("window-forest", "summary-forest", "centered-forest", "seed-lstm");

    @Option(
            names = "--methods",
            split = ",",
            description = "which methods, of: window-forest, summary-forest, centered-forest, reading-forest, "
                    + "seed-lstm, cnn, tuned-cnn, stats-cnn; or all (default: window-forest, summary-forest, "
                    + "centered-forest, seed-lstm, about 15 minutes on 2 cores; all takes about 24)")
    List<String> only = DEFAULT_METHODS;

    @Option(
            names = "--quick",
            description = "2 epochs and no leave-one-subject-out: checks the pipeline, not the models")
    boolean quick;

    @Option(
            names = "--out-dir",
            description = "folder for comparison.json, comparison.md and comparison.png (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("runs", "compare");

    @Override
    public Integer call() throws Exception {
        boolean all = only.equals(List.of("all"));
        if (!all && !CANDIDATES.keySet().containsAll(only)) {
            throw new IllegalArgumentException(
                    "--methods takes all or " + String.join(", ", CANDIDATES.keySet()) + "; got " + only);
        }
        Dataset ds = data.load(true);
        Map<String, Candidate> methods = new LinkedHashMap<>();
        CANDIDATES.forEach((key, c) -> {
            if (all || only.contains(key)) {
                methods.put(c.name(), quick ? new Candidate(c.name(), c.spec().quick(), c.apart()) : c);
            }
        });
        Dataset.Windows windows = ds.windows(window.windowing());
        long subjects = quick
                ? 0
                : windows.scored().stream().map(w -> w.user()).distinct().count();
        long runs = methods.size() * (seeds.length + subjects);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        Map<String, Study.Scores> scores = new LinkedHashMap<>();
        for (Candidate c : methods.values()) {
            scores.put(
                    c.name(),
                    Study.score(
                            c.name(),
                            c.spec(),
                            c.apart() ? ds.windows(windows.windowing().withoutOverlap()) : windows,
                            seeds,
                            !quick,
                            (what, acc) -> System.err.printf(
                                    Locale.ROOT,
                                    "[%d/%d %4.0fs] %s: accuracy %.4f%n",
                                    done.incrementAndGet(),
                                    runs,
                                    (System.nanoTime() - start) / 1e9,
                                    what,
                                    acc)));
        }
        Map<String, Study.Scores> ranked = ranked(scores);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("window", windows.windowing().describe());
        report.put("seeds", seeds);
        report.put("results", ranked);
        Json.write(outDir.resolve("comparison.json"), report);
        String md = markdown(ranked);
        AtomicFiles.writeString(outDir.resolve("comparison.md"), md);
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        ranked.forEach((name, s) -> {
            Map<String, Double> b = new LinkedHashMap<>();
            if (!quick) {
                b.put("new people (leave-one-subject-out), mean", s.meanSubjectAccuracy());
                b.put("new people, worst person", s.worstSubjectAccuracy());
            }
            b.put(
                    "people in the training data (random split), mean of " + seeds.length + " seeds",
                    s.meanSplitAccuracy());
            bars.put(name, b);
        });
        Charts.groupedBars(
                "Accuracy (" + windows.windowing().describe() + " windows)",
                "accuracy",
                bars,
                outDir.resolve("comparison.png"));
        System.out.print(md);
        return 0;
    }

    /** Best first: by leave-one-subject-out mean where it was measured, else by the random split. */
    static Map<String, Study.Scores> ranked(Map<String, Study.Scores> scores) {
        Map<String, Study.Scores> out = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Study.Scores> e) -> rankOf(e.getValue()))
                        .reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static double rankOf(Study.Scores s) {
        return s.subjectAccuracy().isEmpty() ? s.meanSplitAccuracy() : s.meanSubjectAccuracy();
    }

    static String markdown(Map<String, Study.Scores> scores) {
        StringBuilder s = new StringBuilder();
        List<String> subjects = scores.values().iterator().next().subjectAccuracy().keySet().stream()
                .toList();
        s.append("| method | new people: mean | worst |");
        subjects.forEach(u -> s.append(' ').append(u).append(" |"));
        s.append(" people in the training data: mean ± sd | per seed |\n|---|---|---|");
        subjects.forEach(u -> s.append("---|"));
        s.append("---|---|\n");
        scores.forEach((name, r) -> {
            s.append(String.format(
                    Locale.ROOT, "| %s | %.3f | %.3f |", name, r.meanSubjectAccuracy(), r.worstSubjectAccuracy()));
            subjects.forEach(u -> s.append(
                    String.format(Locale.ROOT, " %.3f |", r.subjectAccuracy().getOrDefault(u, Double.NaN))));
            s.append(String.format(
                    Locale.ROOT,
                    " %.3f ± %.3f | %s |%n",
                    r.meanSplitAccuracy(),
                    r.sdSplitAccuracy(),
                    String.join(
                            ", ",
                            r.splitAccuracy().values().stream()
                                    .map(a -> String.format(Locale.ROOT, "%.3f", a))
                                    .toList())));
        });
        return s.toString();
    }
}
