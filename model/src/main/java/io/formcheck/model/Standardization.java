package io.formcheck.model;

/** Per-feature (x - mean) / std with statistics of the training split. */
public record Standardization(float[] mean, float[] std) {
    public Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, std " + std.length);
        }
    }

    public int features() {
        return mean.length;
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
        return out;
    }
}
