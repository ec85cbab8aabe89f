package io.formcheck.trainer.nn;

/** PyTorch's ReduceLROnPlateau in 'min' mode with its default relative threshold 1e-4 and no cooldown. */
public final class ReduceLrOnPlateau {
    private final Optimizer optimizer;
    private final float factor;
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public ReduceLrOnPlateau(Optimizer optimizer, float factor, int patience) {
        this.optimizer = optimizer;
        this.factor = factor;
        this.patience = patience;
    }

    /** Called once per epoch with the monitored value (validation loss). */
    public void step(double metric) {
        if (metric < best * (1 - 1e-4)) {
            best = metric;
            badEpochs = 0;
        } else if (++badEpochs > patience) {
            optimizer.setLearningRate(optimizer.learningRate() * factor);
            badEpochs = 0;
        }
    }
}
