package io.formcheck.trainer.train;

import java.util.Locale;

/** One epoch: losses and accuracies, the learning rate it ran with, and the wall time of its training pass. */
public record EpochStats(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double learningRate,
        double seconds) {

    public String line(int epochs) {
        return String.format(
                Locale.ROOT,
                "epoch %3d/%d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  lr %.2e  %.2fs",
                epoch,
                epochs,
                trainLoss,
                trainAccuracy,
                validationLoss,
                validationAccuracy,
                learningRate,
                seconds);
    }
}
