package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForestForwardTest {
    private static final float L = ForestSchema.LEAF;
    private static final ForestSchema SCHEMA = new ForestSchema(2, 2, 6, 4, 2);

    /**
     * Two stumps over 2 inputs and 2 classes. Tree 0 (nodes 0-2): x0 <= 0.5 ? leaf 0 : leaf 1.
     * Tree 1 (nodes 3-5): x1 <= -1 ? leaf 2 : leaf 3. Leaf rows are pre-weighted (halves).
     */
    static ModelFile stumps(float[] left, float[] right) {
        return stumps(new float[] {0, L, L, 1, L, L}, left, right);
    }

    static ModelFile stumps(float[] feature, float[] left, float[] right) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        put(t, SCHEMA.root().of(new float[] {0, 3}));
        put(t, SCHEMA.feature().of(feature));
        put(t, SCHEMA.threshold().of(new float[] {0.5f, 0, 0, -1f, 0, 0}));
        put(t, SCHEMA.left().of(left));
        put(t, SCHEMA.right().of(right));
        put(t, SCHEMA.leaf().of(new float[] {0.5f, 0f, 0f, 0.5f, 0.4f, 0.1f, 0.1f, 0.4f}));
        return new ModelFile(new TreeMap<>(SCHEMA.header()), t);
    }

    private static void put(Map<String, Tensor> tensors, Tensor t) {
        tensors.put(t.name(), t);
    }

    static ModelFile stumps() {
        return stumps(LEFT, RIGHT);
    }

    private static final float[] LEFT = {1, 0, 1, 4, 2, 3};
    private static final float[] RIGHT = {2, 0, 0, 5, 0, 0};

    private static float[] probabilities(SequenceNetwork net, float[][] x) {
        float[] logits = net.logits(x);
        float[] p = new float[logits.length];
        Activations.softmax(logits, 0, logits.length, p);
        return p;
    }

    @Test
    void eachReadingWalksEveryTreeAndTheRepetitionAveragesThem() throws ModelFormatException {
        SequenceNetwork net = SequenceNetwork.load(stumps());
        // x0 <= 0.5 (class 0 for sure), x1 > -1 (0.1 / 0.4)
        assertArrayEquals(new float[] {0.6f, 0.4f}, probabilities(net, new float[][] {{0.5f, 0f}}), 1e-6f);
        // x0 > 0.5 (class 1), x1 <= -1 (0.4 / 0.1)
        assertArrayEquals(new float[] {0.4f, 0.6f}, probabilities(net, new float[][] {{0.51f, -1f}}), 1e-6f);
        // the mean of the two readings above
        assertArrayEquals(
                new float[] {0.5f, 0.5f}, probabilities(net, new float[][] {{0.5f, 0f}, {0.51f, -1f}}), 1e-6f);
    }

    @Test
    void aChildBeforeItsParentIsRefused() {
        ModelFile cyclic = stumps(new float[] {1, 0, 1, 4, 2, 3}, new float[] {2, 0, 0, 3, 0, 0});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ForestForward.load(cyclic));
        assertTrue(e.getMessage().contains("node 3"), e.getMessage());
    }

    @Test
    void indicesOutOfRangeOrFractionalAreRefused() {
        ModelFile badLeaf = stumps(new float[] {1, 0, 7, 4, 2, 3}, new float[] {2, 0, 0, 5, 0, 0});
        assertTrue(assertThrows(ModelFormatException.class, () -> ForestForward.load(badLeaf))
                .getMessage()
                .contains("forest.left"));
        ModelFile fractional = stumps(new float[] {1.5f, 0, 1, 4, 2, 3}, new float[] {2, 0, 0, 5, 0, 0});
        assertTrue(assertThrows(ModelFormatException.class, () -> ForestForward.load(fractional))
                .getMessage()
                .contains("1.5"));
    }

    @Test
    void aFeatureTheInputDoesNotHaveIsRefused() {
        ModelFile file = stumps(new float[] {2, L, L, 1, L, L}, LEFT, RIGHT);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ForestForward.load(file));
        assertEquals("tensor 'forest.feature' holds 2.0 at 0; expected an index below 2", e.getMessage());
    }
}
