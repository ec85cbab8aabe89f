package io.formcheck.trainer.train;

import java.util.List;

/** A network's epochs, and the one whose weights were kept (best validation accuracy), counted from 1. */
public record TrainingHistory(List<EpochStats> epochs, int bestEpoch) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        if (bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " of " + epochs.size());
        }
    }

    public double bestValidationAccuracy() {
        return epochs.get(bestEpoch - 1).validationAccuracy();
    }

    public EpochStats last() {
        return epochs.get(epochs.size() - 1);
    }
}
