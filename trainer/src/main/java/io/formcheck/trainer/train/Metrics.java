package io.formcheck.trainer.train;

import smile.validation.metric.Accuracy;
import smile.validation.metric.ConfusionMatrix;

/**
 * Classification quality over all classes, whether or not each occurs in the set (a class with no
 * windows has zero support and is left out of the macro average, never a crash).
 *
 * @param confusion rows are true classes, columns predicted ones
 */
public record Metrics(
        int windows,
        double accuracy,
        double macroF1,
        int[][] confusion,
        double[] precision,
        double[] recall,
        double[] f1,
        int[] support) {

    public static Metrics of(int[] truth, int[] prediction, int classes) {
        if (truth.length != prediction.length || truth.length == 0) {
            throw new IllegalArgumentException("need as many predictions as labels, and at least one");
        }
        int[][] smileMatrix = ConfusionMatrix.of(truth, prediction).matrix;
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < Math.min(classes, smileMatrix.length); i++) {
            for (int j = 0; j < Math.min(classes, smileMatrix[i].length); j++) {
                confusion[i][j] = smileMatrix[i][j];
            }
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        int[] support = new int[classes];
        double f1Sum = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            int predicted = 0;
            for (int i = 0; i < classes; i++) {
                support[k] += confusion[k][i];
                predicted += confusion[i][k];
            }
            int tp = confusion[k][k];
            precision[k] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[k] = support[k] == 0 ? 0 : (double) tp / support[k];
            f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
            if (support[k] > 0) {
                f1Sum += f1[k];
                present++;
            }
        }
        return new Metrics(
                truth.length,
                Accuracy.of(truth, prediction),
                f1Sum / present,
                confusion,
                precision,
                recall,
                f1,
                support);
    }
}
