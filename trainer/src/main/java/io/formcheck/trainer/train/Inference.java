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
 * Evaluation-mode (no dropout) class probabilities of a trainable network, batch by batch. The
 * examples are always scored as two halves, each in its own workspace (kept from call to call), so
 * the numbers do not depend on the machine; where it has two cores the halves run at once on two
 * threads.
 */
public final class Inference {
    private static final int BATCH = 128;
    private static final boolean TWO_THREADS = Runtime.getRuntime().availableProcessors() > 1;

    private final ClassifierNet net;
    private final ClassifierNet.Workspace[] workspaces = new ClassifierNet.Workspace[2];

    public Inference(ClassifierNet net) {
        this.net = net;
    }

    /** One row of class probabilities per example, in the order given (labels unused). */
    public static float[][] probabilities(ClassifierNet net, Trainer.Examples examples) {
        return new Inference(net).probabilities(examples);
    }

    /** How many threads score a call's examples. */
    public static int threads() {
        return TWO_THREADS ? 2 : 1;
    }

    /** One row of class probabilities per example, in the order given (labels unused). */
    public float[][] probabilities(Trainer.Examples examples) {
        int n = examples.sequences().size();
        int half = n / 2;
        float[][] out = new float[n][];
        if (!TWO_THREADS) {
            score(0, examples, 0, half, out);
            score(1, examples, half, n, out);
            return out;
        }
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> score(1, examples, half, n, out));
        RuntimeException failure = null;
        try {
            score(0, examples, 0, half, out);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            second.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (failure == null) {
                failure = e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** Examples [from, to) into out[from, to), in the given half's workspace. */
    private void score(int half, Trainer.Examples examples, int from, int to, float[][] out) {
        if (from == to) {
            return;
        }
        List<float[]> sequences = examples.sequences().subList(from, to);
        List<float[]> statistics = examples.statistics().isEmpty()
                ? List.of()
                : examples.statistics().subList(from, to);
        int features = net.inputs();
        int classes = net.classes();
        int size = Math.min(BATCH, sequences.size());
        int maxSteps =
                sequences.stream().mapToInt(s -> s.length / features).max().orElse(0);
        if (workspaces[half] == null || !workspaces[half].fits(size, size * maxSteps)) {
            workspaces[half] = net.workspace(size, size * maxSteps);
        }
        ClassifierNet.Workspace ws = workspaces[half];
        for (int first = 0; first < sequences.size(); first += size) {
            int end = Math.min(first + size, sequences.size());
            PackedBatch batch = PackedBatch.of(
                    sequences.subList(first, end),
                    statistics.isEmpty() ? List.of() : statistics.subList(first, end),
                    null,
                    features);
            net.forward(batch, ws, Mode.EVAL);
            for (int r = 0; r < batch.size; r++) {
                Activations.softmax(ws.head().logits, r * classes, classes, ws.head().probs);
                out[from + first + batch.order[r]] =
                        Arrays.copyOfRange(ws.head().probs, r * classes, (r + 1) * classes);
            }
        }
    }
}
