package io.formcheck.trainer.cli;

import io.formcheck.model.Classifier;
import io.formcheck.model.Features;
import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.NetworkSpec;
import io.formcheck.trainer.spec.Preset;
import io.formcheck.trainer.train.EpochStats;
import io.formcheck.trainer.train.Experiment;
import io.formcheck.trainer.train.ExportedModel;
import io.formcheck.trainer.train.InputStatistics;
import io.formcheck.trainer.train.ModelExport;
import io.formcheck.trainer.train.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measures training throughput (sequences/s, seed configuration) and the latency of one "
                        + "classification by the model module's forward pass, for the seed LSTM and the default reading forest.")
final class BenchCommand implements Callable<Integer> {
    /** PyTorch 2.10 on this kind of 2-core machine, as measured for the trainer issue. */
    private static final double TORCH_TRAIN_SEQ_PER_S = 1_900;

    private static final double TORCH_LATENCY_MS = 0.44;

    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(
            names = "--epochs",
            description = "measured training epochs, after one warm-up epoch (default: ${DEFAULT-VALUE})")
    int epochs = 5;

    @Option(
            names = "--calls",
            description = "measured classifications, after as many warm-up calls (default: ${DEFAULT-VALUE})")
    int calls = 5_000;

    @Option(names = "--steps", description = "readings in the repetition classified (default: ${DEFAULT-VALUE})")
    int steps = 23;

    @Override
    public Integer call() throws Exception {
        Dataset ds = data.load(true);
        NetworkSpec spec = ((NetworkSpec) Preset.SEED.spec()).withEpochs(epochs + 1);
        Dataset.Windows cut = ds.windows(window.windowing());
        List<RepetitionWindow> windows = cut.scored();
        Splits.Split split = Splits.stratified(cut, spec.seed(), true);
        Standardization st = InputStatistics.fit(split.train());
        Trainer.Examples train = Experiment.examples(split.train(), st);
        Trainer.Examples validation = Experiment.examples(split.validation(), st);
        System.err.println("training " + (epochs + 1) + " epochs of " + train.size() + " sequences (first is warm-up)");
        Trainer.Result result = Trainer.train(
                spec, Features.COUNT, 5, train, validation, s -> System.err.println("  " + s.line(epochs + 1)));
        double[] seconds = result.history().epochs().stream()
                .skip(1)
                .mapToDouble(EpochStats::seconds)
                .sorted()
                .toArray();
        double medianEpoch = seconds[seconds.length / 2];
        double seqPerSecond = train.size() / medianEpoch;

        float[][] repetition = repetition(windows, steps);
        double[] lstm = latency(
                new Classifier(ModelExport.toModelFile(ExportedModel.of(result.net()), st, steps, Map.of())),
                repetition);

        ModelSpec forest = Preset.DEFAULT.spec();
        long t0 = System.nanoTime();
        Experiment.Fitted trees = Experiment.fitForest(forest, split.train(), line -> {});
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        double[] forestMs = latency(Experiment.classifier(trees.model(), trees.standardization(), steps), repetition);

        System.out.printf(
                Locale.ROOT,
                "training: %.0f sequences/s (median epoch %.3fs over %d epochs, %d sequences)"
                        + "  = %.2fx PyTorch's %,.0f%n",
                seqPerSecond,
                medianEpoch,
                epochs,
                train.size(),
                seqPerSecond / TORCH_TRAIN_SEQ_PER_S,
                TORCH_TRAIN_SEQ_PER_S);
        System.out.printf(
                Locale.ROOT,
                "inference, seed LSTM: %d-reading repetition median %.3f ms, p90 %.3f ms over %d calls"
                        + "  = %.2fx faster than PyTorch's %.2f ms%n",
                steps,
                lstm[0],
                lstm[1],
                calls,
                TORCH_LATENCY_MS / lstm[0],
                TORCH_LATENCY_MS);
        System.out.printf(
                Locale.ROOT,
                "default preset (%s): fitted in %.1fs on %d repetitions; inference median %.3f ms,"
                        + " p90 %.3f ms  = %.2fx the seed LSTM's time%n",
                forest.architecture(),
                fitSeconds,
                split.train().size(),
                forestMs[0],
                forestMs[1],
                forestMs[0] / lstm[0]);
        return 0;
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

    /** A real repetition of that length where the data has one, else a longer one cut, else random readings. */
    private static float[][] repetition(List<RepetitionWindow> windows, int steps) {
        for (RepetitionWindow w : windows) {
            if (w.length() >= steps) {
                return Arrays.copyOf(w.samples(), steps);
            }
        }
        Random rng = new Random(1);
        float[][] r = new float[steps][Features.COUNT];
        for (float[] row : r) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        return r;
    }
}
