package io.formcheck.trainer.train;

import io.formcheck.model.Features;
import io.formcheck.trainer.data.RepetitionWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * The non-deep baseline, the dataset paper's approach: Smile's random forest on per-window summary
 * features (mean, standard deviation, minimum and maximum of each of the 52 readings).
 */
public final class SummaryForest {
    private static final int TREES = 200;

    private final RandomForest forest;

    private SummaryForest(RandomForest forest) {
        this.forest = forest;
    }

    /** Smile's default tree limits (depth 20, a leaf per 5 rows at most, nodes of 5), each tree seeded from seed. */
    public static SummaryForest fit(List<RepetitionWindow> train, long seed) {
        DataFrame x = DataFrame.of(summaries(train), names());
        DataFrame data = x.merge(IntVector.of(
                "classe", train.stream().mapToInt(RepetitionWindow::label).toArray()));
        return new SummaryForest(RandomForest.fit(
                Formula.lhs("classe"),
                data,
                TREES,
                ReadingForest.mtry(x.ncol()),
                SplitRule.GINI,
                20,
                Math.max(2, train.size() / 5),
                5,
                1.0,
                null,
                LongStream.of(ReadingForest.treeSeeds(seed, TREES))));
    }

    public int[] predict(List<RepetitionWindow> windows) {
        DataFrame x = DataFrame.of(summaries(windows), names());
        int[] out = new int[windows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = forest.predict(x.get(i));
        }
        return out;
    }

    static double[][] summaries(List<RepetitionWindow> windows) {
        int f = Features.COUNT;
        double[][] rows = new double[windows.size()][4 * f];
        for (int w = 0; w < rows.length; w++) {
            float[][] s = windows.get(w).samples();
            for (int j = 0; j < f; j++) {
                double sum = 0;
                double sq = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (float[] reading : s) {
                    sum += reading[j];
                    sq += (double) reading[j] * reading[j];
                    min = Math.min(min, reading[j]);
                    max = Math.max(max, reading[j]);
                }
                double mean = sum / s.length;
                rows[w][j] = mean;
                rows[w][f + j] = Math.sqrt(Math.max(0, sq / s.length - mean * mean));
                rows[w][2 * f + j] = min;
                rows[w][3 * f + j] = max;
            }
        }
        return rows;
    }

    private static String[] names() {
        List<String> names = new ArrayList<>();
        for (String stat : new String[] {"mean", "sd", "min", "max"}) {
            for (String feature : Features.NAMES) {
                names.add(stat + "_" + feature);
            }
        }
        return names.toArray(String[]::new);
    }
}
