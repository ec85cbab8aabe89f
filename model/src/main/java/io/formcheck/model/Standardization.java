package io.formcheck.model;

/**
 * Per-feature (x - mean) / std with statistics of the training split; with centerEachRepetition, each
 * repetition's own mean is then subtracted too, leaving how the readings move and not where a person's
 * sensors happen to sit.
 */
public record Standardization(float[] mean, float[] std, boolean centerEachRepetition) {
    public Standardization(float[] mean, float[] std) {
        this(mean, std, false);
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
