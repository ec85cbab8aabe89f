package io.formcheck.model;

/**
 * The products of the inference forward passes. Weights are held as one array per input unit
 * ([in][out], the transpose of PyTorch's [out, in]) so that every product is y += a * row over whole
 * arrays from index 0: the shape the JIT vectorizes (an offset into one flat array made it fall back
 * to scalar code, 6x slower).
 */
final class Matrices {
    private Matrices() {}

    /** A matrix tensor w [rows, cols], row-major, as [cols][rows]. */
    static float[][] transpose(Tensor w) {
        int rows = w.shape()[0];
        int cols = w.shape()[1];
        float[] v = w.data();
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = v[r * cols + c];
            }
        }
        return t;
    }

    /** y += a . w[first, first + a.length), four rows at a time. */
    static void accumulate(float[] a, float[][] w, int first, float[] y) {
        int n = y.length;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            float a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            float[] w0 = w[first + k], w1 = w[first + k + 1], w2 = w[first + k + 2], w3 = w[first + k + 3];
            for (int j = 0; j < n; j++) {
                y[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
            }
        }
        for (; k < a.length; k++) {
            float ak = a[k];
            float[] wk = w[first + k];
            for (int j = 0; j < n; j++) {
                y[j] += ak * wk[j];
            }
        }
    }

    /** The classifier head both networks end in: Linear, ReLU, Linear. Returns the logits. */
    static float[] head(float[] features, float[][] fc1T, float[] fc1b, float[][] fc2T, float[] fc2b) {
        float[] hidden = fc1b.clone();
        accumulate(features, fc1T, 0, hidden);
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] = Math.max(0f, hidden[j]);
        }
        float[] logits = fc2b.clone();
        accumulate(hidden, fc2T, 0, logits);
        return logits;
    }
}
