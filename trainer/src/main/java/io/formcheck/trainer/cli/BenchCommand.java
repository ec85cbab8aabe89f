package io.formcheck.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Gemm;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.spec.LstmSpec;
import io.formcheck.trainer.spec.Preset;
import io.formcheck.trainer.train.EpochStats;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.ExportedModel;
import io.formcheck.trainer.train.Inference;
import io.formcheck.trainer.train.InputStatistics;
import io.formcheck.trainer.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measures the seed LSTM's training throughput (sequences/s), the latency of one window through the "
                        + "model module's forward and the throughput of a batch of 64 windows; with libtorch's figures from the "
                        + "same run (bench-vs-torch.sh), the ratios.")
final class BenchCommand implements Callable<Integer> {
    private static final int BATCH = 64;

    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(
            names = "--epochs",
            description = "measured training epochs, after one warm-up epoch (default: ${DEFAULT-VALUE})")
    int epochs = 8;

    @Option(
            names = "--calls",
            description = "measured single-window classifications, after as many warm-up calls; a tenth of them (at "
                    + "least 100) for the batch (default: ${DEFAULT-VALUE})")
    int calls = 2_000;

    @Option(
            names = "--steps",
            description = "readings in the windows classified (default: the median length of the data's windows)")
    Integer steps;

    @Option(
            names = "--torch-results",
            paramLabel = "FILE",
            description = "results.json of the libtorch anchor run just before on the same data: training ratio")
    Path torchResults;

    @Option(
            names = "--torch-inference",
            paramLabel = "FILE",
            description = "TorchLatency's JSON from the same run at the same --steps: inference ratios")
    Path torchInference;

    @Override
    public Integer call() throws Exception {
        Dataset ds = data.load(true);
        LstmSpec spec = ((LstmSpec) Preset.SEED.spec()).withEpochs(epochs + 1);
        Dataset.Windows cut = ds.windows(window.windowing());
        List<RepetitionWindow> windows = cut.scored();
        int[] lengths =
                windows.stream().mapToInt(RepetitionWindow::length).sorted().toArray();
        int length = steps != null ? steps : lengths[lengths.length / 2];
        // read before the long measurements, so that a wrong file is refused at once
        JsonNode torchTraining =
                torchResults == null ? null : trainingRun(Json.mapper().readTree(torchResults.toFile()));
        JsonNode torchRuns =
                torchInference == null ? null : inferenceRuns(Json.mapper().readTree(torchInference.toFile()), length);

        Splits.Split split = Splits.stratified(cut, spec.seed(), true);
        Standardization st = InputStatistics.fit(split.train());
        Trainer.Examples train = Experiment.examples(split.train(), st);
        Trainer.Examples validation = Experiment.examples(split.validation(), st);
        System.err.println("training " + (epochs + 1) + " epochs of " + train.size() + " sequences (first is warm-up)");
        Trainer.Result result = Trainer.train(
                spec,
                Features.COUNT,
                ExerciseClass.values().length,
                train,
                validation,
                s -> System.err.println("  " + s.line(epochs + 1)));
        double[] seconds = result.history().epochs().stream()
                .skip(1)
                .mapToDouble(EpochStats::seconds)
                .sorted()
                .toArray();
        double medianEpoch = seconds[seconds.length / 2];
        double seqPerSecond = train.size() / medianEpoch;

        double flops = forwardFlops(spec, length);
        List<float[][]> repetitions = repetitions(windows, length, BATCH);
        Classifier classifier = Experiment.classifier(ExportedModel.of(result.net()), st, length);
        double[] single = latency(classifier, repetitions.get(0));
        List<float[]> batch =
                repetitions.stream().map(r -> flatten(st.apply(r))).toList();
        double batchMs = batchLatency(result.net(), batch);

        System.out.printf(
                Locale.ROOT,
                "training, seed configuration, %d windows of %d..%d readings (median %d): %.0f sequences/s"
                        + " (median epoch %.3f s over %d epochs; products on %s)%n",
                train.size(),
                lengths[0],
                lengths[lengths.length - 1],
                lengths[lengths.length / 2],
                seqPerSecond,
                medianEpoch,
                epochs,
                Gemm.kernels());
        if (torchTraining != null) {
            double torch = torchTraining.get("train_seq_per_sec").asDouble();
            System.out.printf(
                    Locale.ROOT,
                    "  libtorch, same run (%d threads, oneDNN %s): %.0f sequences/s  ratio %.2fx%n",
                    torchTraining.get("threads").asInt(),
                    torchTraining.get("onednn_lstm").asBoolean() ? "on" : "off",
                    torch,
                    seqPerSecond / torch);
        }
        System.out.printf(
                Locale.ROOT,
                "one %d-reading window, seed LSTM, model module forward: median %.3f ms (%.1f GFLOP/s), p90 %.3f ms over"
                        + " %d calls%n",
                length,
                single[0],
                gflops(flops, 1, single[0]),
                single[1],
                calls);
        if (torchRuns != null) {
            double torch = best(torchRuns, 1);
            System.out.printf(
                    Locale.ROOT,
                    "  libtorch, same run, batch 1 (best of its thread counts): %.3f ms (%.1f GFLOP/s)  ratio %.2fx the time%n",
                    torch,
                    gflops(flops, 1, torch),
                    single[0] / torch);
        }
        System.out.printf(
                Locale.ROOT,
                "a batch of %d %d-reading windows, the trainer's inference (threads: %d): median %.3f ms, %.0f"
                        + " sequences/s (%.1f GFLOP/s)%n",
                BATCH,
                length,
                Inference.threads(),
                batchMs,
                BATCH / (batchMs / 1e3),
                gflops(flops, BATCH, batchMs));
        if (torchRuns != null) {
            double torch = best(torchRuns, BATCH);
            System.out.printf(
                    Locale.ROOT,
                    "  libtorch, same run, batch %d (best of its thread counts): %.3f ms, %.0f sequences/s (%.1f GFLOP/s)"
                            + "  ratio %.2fx%n",
                    BATCH,
                    torch,
                    BATCH / (torch / 1e3),
                    gflops(flops, BATCH, torch),
                    torch / batchMs);
        }
        double peak = Gemm.peakGflops();
        if (!Double.isNaN(peak)) {
            System.out.printf(
                    Locale.ROOT,
                    "one core's peak, fused multiply-adds on the Vector API: %.0f GFLOP/s (%d cores here)%n",
                    peak,
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }

    /** Multiply-adds (2 FLOPs each) of one window's forward through the seed LSTM: every layer's step, then the head. */
    private static double forwardFlops(LstmSpec spec, int steps) {
        int h = spec.hidden();
        double perStep = 0;
        for (int l = 0; l < spec.layers(); l++) {
            int in = l == 0 ? Features.COUNT : h;
            perStep += 2.0 * 4 * h * (in + h);
        }
        int head = spec.head().hidden();
        return steps * perStep + 2.0 * (h * head + head * ExerciseClass.values().length);
    }

    private static double gflops(double flopsPerWindow, int windows, double ms) {
        return flopsPerWindow * windows / (ms * 1e6);
    }

    /** The anchor's two-thread oneDNN training run (its default and fastest), else its first. */
    private static JsonNode trainingRun(JsonNode results) {
        JsonNode runs = results.path("training").path("runs");
        if (!runs.isArray() || runs.isEmpty()) {
            throw new IllegalArgumentException("--torch-results holds no training.runs: not the anchor's results.json");
        }
        for (JsonNode run : runs) {
            if (run.path("threads").asInt() == 2 && run.path("onednn_lstm").asBoolean()) {
                return run;
            }
        }
        return runs.get(0);
    }

    /** TorchLatency's runs, refused unless timed at the length timed here. */
    private static JsonNode inferenceRuns(JsonNode latency, int length) {
        if (latency.path("len").asInt() != length) {
            throw new IllegalArgumentException(
                    "--torch-inference timed " + latency.path("len").asInt() + "-reading windows; give --steps "
                            + latency.path("len").asInt() + " to time the same here");
        }
        return latency.path("runs");
    }

    /** libtorch's fastest median at that batch size over the thread counts it tried. */
    private static double best(JsonNode runs, int batch) {
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode run : runs) {
            if (run.path("batch").asInt() == batch) {
                best = Math.min(best, run.path("median_ms").asDouble());
            }
        }
        if (best == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("--torch-inference has no run at batch " + batch);
        }
        return best;
    }

    /** Median and 90th percentile milliseconds of one classification, after as many warm-up calls. */
    private double[] latency(Classifier classifier, float[][] repetition) {
        for (int i = 0; i < calls; i++) {
            classifier.probabilities(repetition);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            classifier.probabilities(repetition);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[calls / 2] / 1e6, nanos[calls * 9 / 10] / 1e6};
    }

    /**
     * Median milliseconds of the batch's class probabilities through the trainer's inference (packing,
     * the evaluation-mode forward, softmax; two threads where there are two cores), in workspaces made
     * once as a server would keep them, after as many warm-up calls.
     */
    private double batchLatency(ClassifierNet net, List<float[]> batch) {
        Trainer.Examples examples = new Trainer.Examples(batch, new int[batch.size()]);
        Inference inference = new Inference(net);
        int n = Math.max(100, calls / 10);
        long[] nanos = new long[n];
        for (int i = -n; i < n; i++) {
            long t0 = System.nanoTime();
            inference.probabilities(examples);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos[n / 2] / 1e6;
    }

    /**
     * count repetitions of exactly that many readings: real windows of at least that length cut to it
     * (repeated when there are fewer), as libtorch's benchmark cuts or pads its test windows.
     */
    private static List<float[][]> repetitions(List<RepetitionWindow> windows, int steps, int count) {
        List<float[][]> cut = new ArrayList<>();
        for (RepetitionWindow w : windows) {
            if (w.length() >= steps) {
                cut.add(Arrays.copyOf(w.samples(), steps));
            }
        }
        if (cut.isEmpty()) {
            throw new IllegalArgumentException("no window has " + steps + " readings: give a smaller --steps");
        }
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(cut.get(i % cut.size()));
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, out, t * rows[t].length, rows[t].length);
        }
        return out;
    }
}
