package io.formcheck.trainer.train;

import io.formcheck.model.Activations;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.PackedBatch;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Evaluation-mode (no dropout) class probabilities of a trainable network, batch by batch. Where the
 * machine has two cores, the first and second half of the examples are scored at once on two threads,
 * each with its own workspace; an example's probabilities do not depend on the batch it is in.
 */
public final class Inference {
    private static final int BATCH = 128;

    private Inference() {}

    /** One row of class probabilities per example, in the order given (labels unused). */
    public static float[][] probabilities(ClassifierNet net, Trainer.Examples examples) {
        int n = examples.sequences().size();
        float[][] out = new float[n][];
        int half = Runtime.getRuntime().availableProcessors() > 1 && n > 1 ? n / 2 : 0;
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> score(net, examples, half, n, out));
        score(net, examples, 0, half, out);
        try {
            second.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return out;
    }

    /** Examples [from, to) into out[from, to). */
    private static void score(ClassifierNet net, Trainer.Examples examples, int from, int to, float[][] out) {
        if (from == to) {
            return;
        }
        List<float[]> sequences = examples.sequences().subList(from, to);
        List<float[]> statistics = examples.statistics().isEmpty()
                ? List.of()
                : examples.statistics().subList(from, to);
        int features = net.inputs();
        int classes = net.classes();
        int maxSteps =
                sequences.stream().mapToInt(s -> s.length / features).max().orElse(0);
        int batch = Math.min(BATCH, sequences.size());
        ClassifierNet.Workspace ws = net.workspace(batch, batch * maxSteps);
        for (int b0 = 0; b0 < sequences.size(); b0 += batch) {
            int b1 = Math.min(b0 + batch, sequences.size());
            PackedBatch b = PackedBatch.of(
                    sequences.subList(b0, b1),
                    statistics.isEmpty() ? List.of() : statistics.subList(b0, b1),
                    null,
                    features);
            net.forward(b, ws, Mode.EVAL);
            for (int r = 0; r < b.size; r++) {
                Activations.softmax(ws.head().logits, r * classes, classes, ws.head().probs);
                out[from + b0 + b.order[r]] = Arrays.copyOfRange(ws.head().probs, r * classes, (r + 1) * classes);
            }
        }
    }
}
