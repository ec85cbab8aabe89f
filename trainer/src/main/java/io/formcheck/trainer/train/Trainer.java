package io.formcheck.trainer.train;

import io.formcheck.model.Classifier;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Gemm;
import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.nn.Parameter;
import io.formcheck.trainer.nn.ReduceLrOnPlateau;
import io.formcheck.trainer.spec.NetworkSpec;
import io.formcheck.trainer.spec.Optimization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seed's training loop: shuffled mini-batches, the chosen optimizer, ReduceLROnPlateau on the
 * validation loss, and the weights of the best validation accuracy copied (for real) and restored.
 */
public final class Trainer {
    /** Told about each finished epoch. */
    public interface Listener {
        void epoch(EpochStats stats);
    }

    /** The trained network (best-validation weights) and how it got there. */
    public record Result(ClassifierNet net, TrainingHistory history, double bestValidationAccuracy, double seconds) {}

    /**
     * Standardized sequences (steps*features values each), their window statistics (S values each, or an
     * empty list for a network that reads none) and their class indices.
     */
    public record Examples(List<float[]> sequences, List<float[]> statistics, int[] labels) {
        public Examples(List<float[]> sequences, int[] labels) {
            this(sequences, List.of(), labels);
        }

        /** The examples ids, in that order. */
        Examples subset(List<Integer> ids) {
            return new Examples(
                    ids.stream().map(sequences::get).toList(),
                    statistics.isEmpty()
                            ? List.of()
                            : ids.stream().map(statistics::get).toList(),
                    ids.stream().mapToInt(i -> labels[i]).toArray());
        }

        public int size() {
            return labels.length;
        }

        public int maxSteps(int features) {
            return sequences.stream().mapToInt(s -> s.length / features).max().orElse(0);
        }
    }

    private static final AtomicBoolean KERNELS_TOLD = new AtomicBoolean();

    private Trainer() {}

    public static Result train(
            NetworkSpec spec, int features, int classes, Examples train, Examples validation, Listener listener) {
        if (!Gemm.VECTOR && !KERNELS_TOLD.getAndSet(true)) {
            System.err.println("matrix products on " + Gemm.kernels());
        }
        long start = System.nanoTime();
        Random rng = new Random(spec.seed());
        Optimization optimization = spec.optimization();
        ClassifierNet net = spec.network(features, classes);
        net.init(rng);
        List<Parameter> params = net.parameters();
        Optimizer optimizer = Optimizer.create(
                optimization.optimizer(), params, optimization.learningRate(), optimization.weightDecay());
        ReduceLrOnPlateau scheduler =
                new ReduceLrOnPlateau(optimizer, optimization.lrFactor(), optimization.lrPatience());
        int batchSize = Math.min(optimization.batchSize(), train.size());

        List<EpochStats> history = new ArrayList<>();
        float[][] best = snapshot(params);
        double bestAccuracy = -1;
        int bestEpoch = 0;
        Inference validationScores = new Inference(net);
        try (ShardedStep step = new ShardedStep(net, batchSize, train.maxSteps(features))) {
            for (int epoch = 1; epoch <= optimization.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                float lr = optimizer.learningRate();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, rng);
                double lossSum = 0;
                int correct = 0;
                for (int from = 0; from < order.size(); from += batchSize) {
                    Examples batch = train.subset(order.subList(from, Math.min(from + batchSize, order.size())));
                    ShardedStep.Outcome outcome = step.run(
                            new Examples(
                                    batch.sequences().stream()
                                            .map(s -> spec.augmentation().apply(s, features, rng))
                                            .toList(),
                                    batch.statistics(),
                                    batch.labels()),
                            rng,
                            optimizer);
                    lossSum += outcome.lossSum();
                    correct += outcome.correct();
                }
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                float[][] probs = validationScores.probabilities(validation);
                double valLoss = crossEntropy(probs, validation.labels());
                double valAccuracy = accuracy(probs, validation.labels());
                scheduler.step(valLoss);
                if (valAccuracy > bestAccuracy) {
                    bestAccuracy = valAccuracy;
                    bestEpoch = epoch;
                    best = snapshot(params);
                }
                EpochStats stats = new EpochStats(
                        epoch,
                        lossSum / train.size(),
                        (double) correct / train.size(),
                        valLoss,
                        valAccuracy,
                        lr,
                        trainSeconds);
                history.add(stats);
                listener.epoch(stats);
            }
        }
        for (int k = 0; k < params.size(); k++) {
            System.arraycopy(best[k], 0, params.get(k).value, 0, best[k].length);
        }
        return new Result(
                net, new TrainingHistory(history, bestEpoch), bestAccuracy, (System.nanoTime() - start) / 1e9);
    }

    /** A deep copy of every parameter's values: the seed's shallow state_dict().copy() kept nothing. */
    static float[][] snapshot(List<Parameter> params) {
        float[][] copy = new float[params.size()][];
        for (int k = 0; k < params.size(); k++) {
            copy[k] = params.get(k).value.clone();
        }
        return copy;
    }

    static double crossEntropy(float[][] probs, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(probs[i][labels[i]], 1e-30f));
        }
        return sum / labels.length;
    }

    static double accuracy(float[][] probs, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Classifier.argmax(probs[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
