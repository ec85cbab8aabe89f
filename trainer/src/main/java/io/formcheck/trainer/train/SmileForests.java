package io.formcheck.trainer.train;

import io.formcheck.model.ForestSchema;
import io.formcheck.model.Tensor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import smile.base.cart.DecisionNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Smile's random forest of fully grown trees, fitted on rows of numbers and written out as the arrays
 * the model module's {@link io.formcheck.model.ForestForward} walks. The reading forest and the window
 * forest differ only in what a row is.
 */
final class SmileForests {
    /** Trees fitted between two progress reports (Smile fits them in parallel). */
    private static final int CHUNK = 10;
    /** Fully grown trees, as Smile grows them by default: this depth only guards against degenerate data. */
    private static final int MAX_DEPTH = 40;

    private static final int NODE_SIZE = 1;
    /** Every integer up to 2^24 is exact in float32, the model file's only number type. */
    private static final int MAX_NODES = 1 << 24;

    private SmileForests() {}

    /** A fitted forest as the model file holds it. */
    record Trees(ForestSchema schema, List<Tensor> tensors) {}

    /**
     * @param rows one row of input values per example
     * @param labels each row's class
     * @param treesDone told the number of trees fitted so far
     */
    static Trees fit(List<float[]> rows, int[] labels, int classes, int trees, long seed, IntConsumer treesDone) {
        int features = rows.get(0).length;
        double[][] x = new double[rows.size()][features];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = rows.get(i)[j];
            }
        }
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "x" + j;
        }
        DataFrame data = DataFrame.of(x, names).merge(IntVector.of("label", labels));
        long[] seeds = treeSeeds(seed, trees);
        RandomForest forest = null;
        for (int done = 0; done < trees; done += CHUNK) {
            int n = Math.min(CHUNK, trees - done);
            RandomForest part = RandomForest.fit(
                    Formula.lhs("label"),
                    data,
                    n,
                    mtry(features),
                    SplitRule.GINI,
                    MAX_DEPTH,
                    x.length,
                    NODE_SIZE,
                    1.0,
                    null,
                    LongStream.of(seeds).skip(done).limit(n));
            forest = forest == null ? part : forest.merge(part);
            treesDone.accept(done + n);
        }
        return export(forest, features, classes);
    }

    /** One seed per tree, drawn from the run's seed: Smile seeds a tree's generator only from seeds above 1. */
    static long[] treeSeeds(long seed, int trees) {
        return new Random(seed).longs(trees, 2, Long.MAX_VALUE).toArray();
    }

    /** Smile's default for classification: the square root of the feature count. */
    static int mtry(int features) {
        return Math.max(1, (int) Math.floor(Math.sqrt(features)));
    }

    /** Smile's trees as flat arrays, each tree's nodes in pre-order so that children follow their parent. */
    static Trees export(RandomForest forest, int features, int classes) {
        double total = 0;
        for (RandomForest.Model m : forest.models()) {
            total += m.weight;
        }
        List<Float> roots = new ArrayList<>();
        FlatTrees arrays = new FlatTrees();
        // the forest's own class values: a class missing from the training rows has no column
        int[] forestClasses = forest.classes();
        for (RandomForest.Model m : forest.models()) {
            roots.add((float) arrays.feature.size());
            arrays.add(m.tree.root(), forestClasses, classes, m.weight / total);
        }
        if (arrays.feature.size() > MAX_NODES) {
            throw new IllegalArgumentException("the forest has " + arrays.feature.size() + " nodes; the model file "
                    + "stores indices as float32, exact up to " + MAX_NODES + ": use fewer trees");
        }
        ForestSchema schema =
                new ForestSchema(features, roots.size(), arrays.feature.size(), arrays.leaf.size() / classes, classes);
        return new Trees(
                schema,
                List.of(
                        schema.root().of(floats(roots)),
                        schema.feature().of(floats(arrays.feature)),
                        schema.threshold().of(floats(arrays.threshold)),
                        schema.left().of(floats(arrays.left)),
                        schema.right().of(floats(arrays.right)),
                        schema.leaf().of(floats(arrays.leaf))));
    }

    private static final class FlatTrees {
        final List<Float> feature = new ArrayList<>();
        final List<Float> threshold = new ArrayList<>();
        final List<Float> left = new ArrayList<>();
        final List<Float> right = new ArrayList<>();
        final List<Float> leaf = new ArrayList<>();

        void add(Node node, int[] treeClasses, int classes, double weight) {
            int at = feature.size();
            feature.add(0f);
            threshold.add(0f);
            left.add(0f);
            right.add(0f);
            if (node instanceof DecisionNode d) {
                feature.set(at, (float) ForestSchema.LEAF);
                left.set(at, (float) (leaf.size() / classes));
                double[] p = d.posteriori(new double[treeClasses.length]);
                float[] row = new float[classes];
                for (int i = 0; i < p.length; i++) {
                    row[treeClasses[i]] = (float) (p[i] * weight);
                }
                for (float v : row) {
                    leaf.add(v);
                }
                return;
            }
            if (!(node instanceof OrdinalNode split)) {
                throw new IllegalStateException(
                        "unexpected tree node " + node.getClass().getName());
            }
            feature.set(at, (float) split.feature());
            threshold.set(at, floatThreshold(splitValue(split)));
            left.set(at, (float) feature.size());
            add(split.trueChild(), treeClasses, classes, weight);
            right.set(at, (float) feature.size());
            add(split.falseChild(), treeClasses, classes, weight);
        }
    }

    /**
     * The largest float32 t with x <= t exactly when x <= value, for every float32 x: the inputs are
     * float32, so rounding the threshold down keeps each split on the same side.
     */
    static float floatThreshold(double value) {
        float t = (float) value;
        return t > value ? Math.nextDown(t) : t;
    }

    /** Smile 3.1.1 keeps an ordinal split's value in a package-private field with no accessor. */
    private static double splitValue(OrdinalNode node) {
        try {
            Field value = OrdinalNode.class.getDeclaredField("value");
            value.setAccessible(true);
            return value.getDouble(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Smile version hides the split value differently", e);
        }
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
