package io.formcheck.trainer.train;

import io.formcheck.model.Standardization;
import io.formcheck.trainer.data.RepetitionWindow;
import java.util.Arrays;
import java.util.List;
import smile.math.MathEx;

/** Per-feature mean and standard deviation over every reading of the training windows only. */
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
        double[] mean = MathEx.colMeans(rows);
        double[] sd = MathEx.colSds(rows);
        float[] m = new float[mean.length];
        float[] s = new float[sd.length];
        for (int j = 0; j < mean.length; j++) {
            m[j] = (float) mean[j];
            // a constant feature carries no information; dividing by 1 keeps it finite
            s[j] = sd[j] > 1e-6 && Double.isFinite(sd[j]) ? (float) sd[j] : 1f;
        }
        return new Standardization(m, s, centerEachRepetition);
    }

    private static double[] toDouble(float[] row) {
        double[] d = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            d[j] = row[j];
        }
        return d;
    }
}
