package io.formcheck.trainer.train;

import java.util.Random;

/**
 * Training-time variation of a repetition: a random contiguous crop (a repetition seen from a little
 * later or cut a little short) and Gaussian noise on the standardized readings.
 */
final class Augmentation {
    private Augmentation() {}

    /** seq: steps*features standardized values. Returns seq itself when the config asks for no augmentation. */
    static float[] apply(float[] seq, int features, TrainingConfig cfg, Random rng) {
        if (cfg.cropMin() >= 1f && cfg.noise() == 0f) {
            return seq;
        }
        int steps = seq.length / features;
        int keep = steps;
        int start = 0;
        if (cfg.cropMin() < 1f) {
            int least = Math.max(1, (int) Math.ceil(steps * cfg.cropMin()));
            keep = least + rng.nextInt(steps - least + 1);
            start = rng.nextInt(steps - keep + 1);
        }
        float[] out = new float[keep * features];
        System.arraycopy(seq, start * features, out, 0, out.length);
        if (cfg.noise() > 0f) {
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (rng.nextGaussian() * cfg.noise());
            }
        }
        return out;
    }
}
