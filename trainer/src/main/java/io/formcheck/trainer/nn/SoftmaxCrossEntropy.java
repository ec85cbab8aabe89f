package io.formcheck.trainer.nn;

import io.formcheck.model.Activations;

/** Mean cross-entropy of softmax(logits) over a batch, and its gradient. Shapes: logits, probs [n, C]. */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Writes probs and returns the mean loss over the n rows. */
    public static float forward(int n, int classes, float[] logits, int[] labels, float[] probs) {
        double loss = 0;
        for (int r = 0; r < n; r++) {
            Activations.softmax(logits, r * classes, classes, probs);
            loss -= Math.log(Math.max(probs[r * classes + labels[r]], 1e-30f));
        }
        return (float) (loss / n);
    }

    /** dLogits = (probs - onehot(label)) / denominator, for the n rows (denominator: the whole batch's size). */
    public static void backward(int n, int denominator, int classes, float[] probs, int[] labels, float[] dLogits) {
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < classes; k++) {
                float target = k == labels[r] ? 1f : 0f;
                dLogits[r * classes + k] = (probs[r * classes + k] - target) / denominator;
            }
        }
    }
}
