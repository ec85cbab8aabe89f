package io.formcheck.trainer.nn;

import java.util.Random;

/** Inverted dropout: kept values are scaled by 1/(1-p) in training so inference needs no change. */
public final class Dropout {
    private Dropout() {}

    /** Draws mask[0, n) and writes y = x * mask. */
    public static void forward(int n, float p, Random rng, float[] x, float[] mask, float[] y) {
        float keep = 1f / (1f - p);
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextFloat() < p ? 0f : keep;
            y[i] = x[i] * mask[i];
        }
    }

    /** dx = dy * mask, in place. */
    public static void backward(int n, float[] mask, float[] dy) {
        for (int i = 0; i < n; i++) {
            dy[i] *= mask[i];
        }
    }
}
