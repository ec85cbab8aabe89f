package io.formcheck.trainer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The reading forest: Smile's random forest fitted on single standardized readings (each labelled with
 * its repetition's class). A repetition's verdict is the mean of its readings' probabilities, so it
 * needs no padding and takes any length.
 */
public final class ReadingForest {
    private ReadingForest() {}

    /**
     * @param windows standardized repetitions, steps x features each
     * @param treesDone told the number of trees fitted so far
     * @return the header entries and tensors of the fitted forest, ready for a model file
     */
    public static ExportedModel fit(
            List<float[][]> windows, int[] labels, int classes, int trees, long seed, IntConsumer treesDone) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            for (float[] reading : windows.get(w)) {
                rows.add(reading);
                y.add(labels[w]);
            }
        }
        SmileForests.Trees forest = SmileForests.fit(
                rows, y.stream().mapToInt(Integer::intValue).toArray(), classes, trees, seed, treesDone);
        return new ExportedModel(forest.schema().header(), forest.tensors());
    }
}
