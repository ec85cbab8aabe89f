package io.formcheck.model;

/** The nonlinearities, shared by training and inference so that both compute the same numbers. */
public final class Activations {
    private Activations() {}

    /** sigmoid(x) = (1 + tanh(x/2)) / 2: one rational function serves both gate nonlinearities. */
    public static float sigmoid(float x) {
        return 0.5f * tanh(0.5f * x) + 0.5f;
    }

    /**
     * tanh as Eigen's float rational approximation (odd degree-13 over even degree-6 polynomial on
     * [-7.9, 7.9], where tanh is 1 to float precision beyond): within 4e-7 of Math.tanh everywhere,
     * and only multiplies, adds, one divide and a clamp, which the JIT can vectorize, where
     * Math.tanh and Math.exp are calls of 5-40 ns that dominated the forward pass.
     */
    public static float tanh(float x) {
        float v = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float v2 = v * v;
        float p = v2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = v2 * p + -8.60467152213735e-11f;
        p = v2 * p + 5.12229709037114e-08f;
        p = v2 * p + 1.48572235717979e-05f;
        p = v2 * p + 6.37261928875436e-04f;
        p = v2 * p + 4.89352455891786e-03f;
        p = v * p;
        float q = v2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = v2 * q + 2.26843463243900e-03f;
        q = v2 * q + 4.89352518554385e-03f;
        return p / q;
    }

    /** a[from, to) = sigmoid(a[from, to)), in place: one plain loop, which the JIT vectorizes. */
    public static void sigmoid(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = sigmoid(a[k]);
        }
    }

    /** out[from, to) = tanh(in[from, to)); in and out may be the same array. */
    public static void tanh(float[] in, float[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = tanh(in[k]);
        }
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
