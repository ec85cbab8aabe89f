package io.formcheck.model;

/**
 * Inference of the reading forest: an ensemble of decision trees that judges each standardized reading
 * on its own; a repetition's class probabilities are the mean over its readings of the forest's.
 *
 * <p>Shapes: root [trees]; feature, threshold, left, right [nodes]; leaf [leaves, classes]. A node
 * whose feature is -1 is a leaf and its left names its row of leaf; any other node sends x to left
 * when x[feature] <= threshold, to right otherwise. Each leaf row is already weighted so that summing
 * one row per tree gives the forest's probabilities. Indices are stored as float32, exact below 2^24.
 */
public final class ForestForward implements SequenceNetwork {
    public static final String ARCHITECTURE = "forest";
    public static final String INPUT_SIZE = "forest.input_size";
    public static final String TREES = "forest.trees";
    public static final String NODES = "forest.nodes";
    public static final String LEAVES = "forest.leaves";
    public static final String CLASSES = "forest.classes";
    public static final int LEAF = -1;

    private final int[] root;
    private final int[] feature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    /** [leaves * classes], flat: the shipped model has 77,000 leaves, one small array each would double their memory. */
    private final float[] leaf;

    private final int classes;

    private ForestForward(ModelFile f) throws ModelFormatException {
        int inputs = f.intValue(INPUT_SIZE);
        int trees = f.intValue(TREES);
        int nodes = f.intValue(NODES);
        int leaves = f.intValue(LEAVES);
        classes = f.intValue(CLASSES);
        root = indices(f.tensor("forest.root", trees).data(), "forest.root", nodes);
        feature = new int[nodes];
        float[] features = f.tensor("forest.feature", nodes).data();
        threshold = f.tensor("forest.threshold", nodes).data().clone();
        left = new int[nodes];
        right = new int[nodes];
        float[] l = f.tensor("forest.left", nodes).data();
        float[] r = f.tensor("forest.right", nodes).data();
        for (int n = 0; n < nodes; n++) {
            feature[n] = index(features[n], "forest.feature", n, inputs, true);
            if (feature[n] == LEAF) {
                left[n] = index(l[n], "forest.left", n, leaves, false);
            } else {
                // Children after their parent: every walk ends, whatever the file says.
                left[n] = index(l[n], "forest.left", n, nodes, false);
                right[n] = index(r[n], "forest.right", n, nodes, false);
                if (left[n] <= n || right[n] <= n) {
                    throw new ModelFormatException("forest node " + n + " points back to an earlier node");
                }
            }
        }
        leaf = f.tensor("forest.leaf", leaves, classes).data().clone();
    }

    public static ForestForward load(ModelFile f) throws ModelFormatException {
        return new ForestForward(f);
    }

    /** Log of the mean probabilities, so the classifier's softmax gives the probabilities back. */
    @Override
    public float[] logits(float[][] x) {
        double[] sum = new double[classes];
        for (float[] reading : x) {
            for (int tree : root) {
                int row = left[walk(tree, reading)] * classes;
                for (int c = 0; c < classes; c++) {
                    sum[c] += leaf[row + c];
                }
            }
        }
        float[] out = new float[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = (float) Math.log(sum[c] / x.length);
        }
        return out;
    }

    private int walk(int node, float[] reading) {
        int n = node;
        while (feature[n] != LEAF) {
            n = reading[feature[n]] <= threshold[n] ? left[n] : right[n];
        }
        return n;
    }

    private static int[] indices(float[] values, String tensor, int bound) throws ModelFormatException {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = index(values[i], tensor, i, bound, false);
        }
        return out;
    }

    private static int index(float value, String tensor, int at, int bound, boolean leafAllowed)
            throws ModelFormatException {
        int i = (int) value;
        boolean leafMark = leafAllowed && i == LEAF;
        if (i != value || (!leafMark && (i < 0 || i >= bound))) {
            throw new ModelFormatException(
                    "tensor '" + tensor + "' holds " + value + " at " + at + "; expected an index below " + bound);
        }
        return i;
    }
}
