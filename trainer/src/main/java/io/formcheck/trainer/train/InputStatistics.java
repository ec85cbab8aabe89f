package io.formcheck.trainer.train;

import io.formcheck.model.Standardization;
import io.formcheck.model.StatisticsInput;
import io.formcheck.model.WindowFeatures;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.spec.StatisticsSpec;
import java.util.Arrays;
import java.util.List;
import smile.math.MathEx;

/**
 * Per-feature mean and standard deviation over every reading of the training windows only (and of the
 * window statistics over the training windows).
 */
public final class InputStatistics {
    private InputStatistics() {}

    public static Standardization fit(List<RepetitionWindow> training) {
        return fit(training, false);
    }

    /** With centerEachRepetition, each repetition's own mean is also subtracted (see {@link Standardization}). */
    public static Standardization fit(List<RepetitionWindow> training, boolean centerEachRepetition) {
        double[][] rows = training.stream()
                .flatMap(w -> Arrays.stream(w.samples()))
                .map(InputStatistics::toDouble)
                .toArray(double[][]::new);
        return new Standardization(
                toFloat(MathEx.colMeans(rows)), deviations(MathEx.colSds(rows)), centerEachRepetition);
    }

    /**
     * The standardization of the window statistics a network's head reads: their mean and deviation over
     * the training windows (each window one row).
     */
    public static StatisticsInput fit(List<RepetitionWindow> training, StatisticsSpec spec) {
        WindowFeatures features = WindowFeatures.parse(spec.features());
        double[][] rows =
                training.stream().map(w -> toDouble(features.of(w.samples()))).toArray(double[][]::new);
        return new StatisticsInput(
                features, spec.clip(), toFloat(MathEx.colMeans(rows)), deviations(MathEx.colSds(rows)));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            f[j] = (float) v[j];
        }
        return f;
    }

    /** A constant column carries no information; dividing it by 1 keeps it finite. */
    private static float[] deviations(double[] sd) {
        float[] s = new float[sd.length];
        for (int j = 0; j < sd.length; j++) {
            s[j] = sd[j] > 1e-6 && Double.isFinite(sd[j]) ? (float) sd[j] : 1f;
        }
        return s;
    }

    private static double[] toDouble(float[] row) {
        double[] d = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            d[j] = row[j];
        }
        return d;
    }
}
