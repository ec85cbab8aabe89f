package io.formcheck.model;

/** The nonlinearities, shared by training and inference so that both compute the same numbers. */
public final class Activations {
    private Activations() {
    }

    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    public static float tanh(float x) {
        // 2*sigmoid(2x)-1 needs one exp where Math.tanh is a slow non-intrinsic call
        return (float) (2.0 / (1.0 + Math.exp(-2.0 * x)) - 1.0);
    }

    /** Softmax of logits[off, off+n) into out[off, off+n), shifted by the max for stability. */
    public static void softmax(float[] logits, int off, int n, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(logits[off + i] - max);
            out[off + i] = (float) e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) (out[off + i] / sum);
        }
    }
}
