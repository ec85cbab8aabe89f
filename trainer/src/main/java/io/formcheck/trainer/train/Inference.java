package io.formcheck.trainer.train;

import io.formcheck.model.Activations;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.PackedBatch;
import java.util.Arrays;
import java.util.List;

/** Evaluation-mode (no dropout) class probabilities of a trainable network, batch by batch. */
public final class Inference {
    private static final int BATCH = 128;

    private Inference() {}

    /** One row of class probabilities per example, in the order given (labels unused). */
    public static float[][] probabilities(ClassifierNet net, Trainer.Examples examples) {
        List<float[]> sequences = examples.sequences();
        List<float[]> statistics = examples.statistics();
        int features = net.inputs();
        int classes = net.classes();
        int maxSteps =
                sequences.stream().mapToInt(s -> s.length / features).max().orElse(0);
        int batch = Math.min(BATCH, sequences.size());
        ClassifierNet.Workspace ws = net.workspace(batch, batch * maxSteps);
        float[][] out = new float[sequences.size()][];
        for (int from = 0; from < sequences.size(); from += batch) {
            int to = Math.min(from + batch, sequences.size());
            PackedBatch b = PackedBatch.of(
                    sequences.subList(from, to),
                    statistics.isEmpty() ? List.of() : statistics.subList(from, to),
                    null,
                    features);
            net.forward(b, ws, Mode.EVAL);
            for (int r = 0; r < b.size; r++) {
                Activations.softmax(ws.head().logits, r * classes, classes, ws.head().probs);
                out[from + b.order[r]] = Arrays.copyOfRange(ws.head().probs, r * classes, (r + 1) * classes);
            }
        }
        return out;
    }
}
