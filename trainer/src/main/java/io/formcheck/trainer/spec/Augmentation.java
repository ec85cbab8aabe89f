package io.formcheck.trainer.spec;

import java.util.Random;

/**
 * Training-time variation of a repetition: a random contiguous crop keeping at least cropMin of it (a
 * repetition seen from a little later or cut a little short; 1 = off) and Gaussian noise of standard
 * deviation noise on the standardized readings (0 = off).
 */
public record Augmentation(float cropMin, float noise) {
    public static final Augmentation NONE = new Augmentation(1f, 0f);

    public Augmentation {
        if (!(cropMin > 0 && cropMin <= 1)) {
            throw new IllegalArgumentException("crop must be in (0, 1], got " + cropMin);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must not be negative, got " + noise);
        }
    }

    /** seq: steps*features standardized values. Returns seq itself when there is nothing to vary. */
    public float[] apply(float[] seq, int features, Random rng) {
        if (cropMin >= 1f && noise == 0f) {
            return seq;
        }
        int steps = seq.length / features;
        int keep = steps;
        int start = 0;
        if (cropMin < 1f) {
            int least = Math.max(1, (int) Math.ceil(steps * cropMin));
            keep = least + rng.nextInt(steps - least + 1);
            start = rng.nextInt(steps - keep + 1);
        }
        float[] out = new float[keep * features];
        System.arraycopy(seq, start * features, out, 0, out.length);
        if (noise > 0f) {
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (rng.nextGaussian() * noise);
            }
        }
        return out;
    }
}
