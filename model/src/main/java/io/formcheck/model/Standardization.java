package io.formcheck.model;

import java.util.Arrays;

/**
 * Per-feature (x - mean) / std with statistics of the training split; with centerEachRepetition, each
 * repetition's own mean is then subtracted too, leaving how the readings move and not where a person's
 * sensors happen to sit.
 */
public record Standardization(float[] mean, float[] std, boolean centerEachRepetition) {
    public Standardization(float[] mean, float[] std) {
        this(mean, std, false);
    }

    /** Readings as they come: mean 0, deviation 1 (models that summarise raw readings themselves). */
    public static Standardization none(int features) {
        float[] ones = new float[features];
        Arrays.fill(ones, 1f);
        return new Standardization(new float[features], ones, false);
    }

    public Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, std " + std.length);
        }
    }

    /** samples: steps x features, raw. Returns a new steps x features array of standardized values. */
    public float[][] apply(float[][] samples) {
        int f = mean.length;
        float[][] out = new float[samples.length][f];
        for (int t = 0; t < samples.length; t++) {
            for (int j = 0; j < f; j++) {
                out[t][j] = (samples[t][j] - mean[j]) / std[j];
            }
        }
        if (centerEachRepetition) {
            for (int j = 0; j < f; j++) {
                double sum = 0;
                for (float[] row : out) {
                    sum += row[j];
                }
                float m = (float) (sum / out.length);
                for (float[] row : out) {
                    row[j] -= m;
                }
            }
        }
        return out;
    }
}
