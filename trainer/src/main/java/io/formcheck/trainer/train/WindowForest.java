package io.formcheck.trainer.train;

import io.formcheck.model.WindowFeatures;
import io.formcheck.model.WindowForestSchema;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The window forest: Smile's random forest fitted on the statistics of whole windows of raw readings
 * ({@link WindowFeatures}), one row per window.
 */
public final class WindowForest {
    private WindowForest() {}

    /**
     * @param windows raw repetitions, steps x 52 each
     * @param features the {@link WindowFeatures} spec
     * @param treesDone told the number of trees fitted so far
     */
    public static ExportedModel fit(
            List<float[][]> windows,
            int[] labels,
            int classes,
            String features,
            int trees,
            long seed,
            IntConsumer treesDone) {
        WindowFeatures statistics = WindowFeatures.parse(features);
        SmileForests.Trees forest = SmileForests.fit(
                windows.stream().map(statistics::of).toList(), labels, classes, trees, seed, treesDone);
        return new ExportedModel(new WindowForestSchema(features, forest.schema()).header(), forest.tensors());
    }
}
