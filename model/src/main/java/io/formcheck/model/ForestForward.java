package io.formcheck.model;

/**
 * Inference of the reading forest: an ensemble of decision trees that judges each standardized reading
 * on its own; a repetition's class probabilities are the mean over its readings of the forest's.
 *
 * <p>Shapes: root [trees]; feature, threshold, left, right [nodes]; leaf [leaves, classes]. How a
 * walk reads them, and their names and header entries: {@link ForestSchema}.
 */
public final class ForestForward implements SequenceNetwork {
    private final int[] root;
    private final int[] feature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    /** [leaves * classes], flat: the shipped model has 77,000 leaves, one small array each would double their memory. */
    private final float[] leaf;

    private final int classes;

    private ForestForward(ModelFile f) throws ModelFormatException {
        ForestSchema schema = ForestSchema.read(f);
        int nodes = schema.nodes();
        classes = schema.classes();
        root = indices(f.tensor(schema.root()), nodes);
        feature = new int[nodes];
        float[] features = f.tensor(schema.feature()).data();
        threshold = f.tensor(schema.threshold()).data().clone();
        left = new int[nodes];
        right = new int[nodes];
        float[] l = f.tensor(schema.left()).data();
        float[] r = f.tensor(schema.right()).data();
        String leftName = schema.left().name();
        for (int n = 0; n < nodes; n++) {
            feature[n] = index(features[n], schema.feature().name(), n, schema.inputSize(), true);
            if (feature[n] == ForestSchema.LEAF) {
                left[n] = index(l[n], leftName, n, schema.leaves(), false);
            } else {
                // Children after their parent: every walk ends, whatever the file says.
                left[n] = index(l[n], leftName, n, nodes, false);
                right[n] = index(r[n], schema.right().name(), n, nodes, false);
                if (left[n] <= n || right[n] <= n) {
                    throw new ModelFormatException("forest node " + n + " points back to an earlier node");
                }
            }
        }
        leaf = f.tensor(schema.leaf()).data().clone();
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
        while (feature[n] != ForestSchema.LEAF) {
            n = reading[feature[n]] <= threshold[n] ? left[n] : right[n];
        }
        return n;
    }

    private static int[] indices(Tensor t, int bound) throws ModelFormatException {
        float[] values = t.data();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = index(values[i], t.name(), i, bound, false);
        }
        return out;
    }

    private static int index(float value, String tensor, int at, int bound, boolean leafAllowed)
            throws ModelFormatException {
        int i = (int) value;
        boolean leafMark = leafAllowed && i == ForestSchema.LEAF;
        if (i != value || (!leafMark && (i < 0 || i >= bound))) {
            throw new ModelFormatException(
                    "tensor '" + tensor + "' holds " + value + " at " + at + "; expected an index below " + bound);
        }
        return i;
    }
}
