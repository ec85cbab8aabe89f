package io.formcheck.model;

/**
 * Inference of the reading trees: an ensemble of decision trees that judges each standardized reading
 * on its own, then combines its readings' verdicts into the repetition's.
 *
 * <p>Shapes: root [trees]; feature, threshold, left, right [nodes]; leaf [leaves, classes]. A node
 * whose feature is -1 is a leaf and its left names its row of leaf; any other node sends x to left
 * when x[feature] <= threshold, to right otherwise. Summing one leaf row per tree gives, per
 * {@code forest.leaf_values}: "probabilities" (a random forest, rows pre-weighted), averaged over the
 * readings; or "logits" (boosted trees, shrinkage folded in), whose log-softmax is averaged over the
 * readings. Indices are stored as float32, exact below 2^24.
 */
public final class ForestForward implements SequenceNetwork {
    public static final String ARCHITECTURE = "forest";
    public static final String INPUT_SIZE = "forest.input_size";
    public static final String TREES = "forest.trees";
    public static final String NODES = "forest.nodes";
    public static final String LEAVES = "forest.leaves";
    public static final String CLASSES = "forest.classes";
    /** "probabilities" (the default) or "logits". */
    public static final String LEAF_VALUES = "forest.leaf_values";
    public static final String PROBABILITIES = "probabilities";
    public static final String LOGITS = "logits";
    public static final int LEAF = -1;

    private final int[] root;
    private final int[] feature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    /** [leaves * classes], flat: the shipped model has 77,000 leaves, one small array each would double their memory. */
    private final float[] leaf;
    private final int classes;
    private final boolean logitLeaves;

    private ForestForward(ModelFile f) throws ModelFormatException {
        String values = f.header().getOrDefault(LEAF_VALUES, PROBABILITIES);
        if (!values.equals(PROBABILITIES) && !values.equals(LOGITS)) {
            throw new ModelFormatException("unknown " + LEAF_VALUES + " '" + values + "' (expected " + PROBABILITIES
                    + " or " + LOGITS + ")");
        }
        logitLeaves = values.equals(LOGITS);
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

    /**
     * Probability leaves: the log of the mean probabilities, so the classifier's softmax gives them back.
     * Logit leaves: the mean log-probability, so the softmax gives the readings' normalized geometric mean.
     */
    @Override
    public float[] logits(float[][] x) {
        double[] total = new double[classes];
        double[] sum = new double[classes];
        for (float[] reading : x) {
            java.util.Arrays.fill(sum, 0);
            for (int tree : root) {
                int row = left[walk(tree, reading)] * classes;
                for (int c = 0; c < classes; c++) {
                    sum[c] += leaf[row + c];
                }
            }
            if (logitLeaves) {
                logSoftmax(sum);
            }
            for (int c = 0; c < classes; c++) {
                total[c] += sum[c];
            }
        }
        float[] out = new float[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = (float) (logitLeaves ? total[c] / x.length : Math.log(total[c] / x.length));
        }
        return out;
    }

    private static void logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double norm = 0;
        for (double v : z) {
            norm += Math.exp(v - max);
        }
        double log = max + Math.log(norm);
        for (int c = 0; c < z.length; c++) {
            z[c] -= log;
        }
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
            throw new ModelFormatException("tensor '" + tensor + "' holds " + value + " at " + at
                    + "; expected an index below " + bound);
        }
        return i;
    }
}
