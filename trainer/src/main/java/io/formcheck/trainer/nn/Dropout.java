package io.formcheck.trainer.nn;

import java.util.SplittableRandom;

/** Inverted dropout: kept values are scaled by 1/(1-p) in training so evaluation needs no change. */
public final class Dropout {
    private Dropout() {}

    /** Training with p > 0: draws mask[0, n) and writes y = x * mask. Otherwise y = x. p must be below 1. */
    public static void forward(int n, float p, Mode mode, float[] x, float[] mask, float[] y) {
        if (!(p < 1)) {
            throw new IllegalArgumentException("a dropout rate must be below 1, got " + p);
        }
        if (!(p > 0 && mode instanceof Mode.Train train)) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        float keep = 1f / (1f - p);
        // u * 2^-24 < p, with u a draw's top 24 bits (as nextFloat), without a branch that a random mask mispredicts
        int threshold = (int) Math.ceil(p * 0x1p24);
        // a generator per mask, seeded by one draw of the shared one: its atomic update then runs once a mask
        SplittableRandom bits = new SplittableRandom(train.rng().nextLong());
        for (int i = 0; i < n; i++) {
            int dropped = ((bits.nextInt() >>> 8) - threshold) >>> 31;
            mask[i] = keep * (1 - dropped);
            y[i] = x[i] * mask[i];
        }
    }

    /** dx = dy * mask, in place, where forward drew a mask; otherwise dx = dy. */
    public static void backward(int n, float p, Mode mode, float[] mask, float[] dy) {
        if (!(p > 0 && mode instanceof Mode.Train)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dy[i] *= mask[i];
        }
    }
}
