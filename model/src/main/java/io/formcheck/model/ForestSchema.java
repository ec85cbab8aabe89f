package io.formcheck.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reading forest in a model file: what the trainer writes and {@link ForestForward} reads.
 *
 * <p>Header: architecture=forest, forest.input_size, forest.trees, forest.nodes, forest.leaves,
 * forest.classes. Tensors: forest.root [trees]; forest.feature, forest.threshold, forest.left,
 * forest.right [nodes]; forest.leaf [leaves, classes]. A node whose feature is {@link #LEAF} is a leaf
 * and its left names its row of forest.leaf; any other node sends x to left when x[feature] <=
 * threshold, to right otherwise, and its children come after it. Each leaf row is already weighted so
 * that summing one row per tree gives the forest's probabilities. Indices are float32, exact below 2^24.
 */
public record ForestSchema(int inputSize, int trees, int nodes, int leaves, int classes) {
    public static final String ARCHITECTURE = "forest";
    /** The feature index that marks a leaf. */
    public static final int LEAF = -1;

    private static final String INPUT_SIZE = "forest.input_size";
    private static final String TREES = "forest.trees";
    private static final String NODES = "forest.nodes";
    private static final String LEAVES = "forest.leaves";
    private static final String CLASSES = "forest.classes";

    public ForestSchema {
        Schemas.positive("forest input size", inputSize);
        Schemas.positive("trees", trees);
        Schemas.positive("forest nodes", nodes);
        Schemas.positive("forest leaves", leaves);
        Schemas.positive("classes", classes);
    }

    public static ForestSchema read(ModelFile f) throws ModelFormatException {
        return new ForestSchema(
                f.positiveIntValue(INPUT_SIZE),
                f.positiveIntValue(TREES),
                f.positiveIntValue(NODES),
                f.positiveIntValue(LEAVES),
                f.positiveIntValue(CLASSES));
    }

    /** The header entries, architecture included. */
    public Map<String, String> header() {
        Map<String, String> m = new TreeMap<>();
        m.put(ModelFile.ARCHITECTURE, ARCHITECTURE);
        m.put(INPUT_SIZE, String.valueOf(inputSize));
        m.put(TREES, String.valueOf(trees));
        m.put(NODES, String.valueOf(nodes));
        m.put(LEAVES, String.valueOf(leaves));
        m.put(CLASSES, String.valueOf(classes));
        return m;
    }

    public TensorSpec root() {
        return new TensorSpec("forest.root", trees);
    }

    public TensorSpec feature() {
        return new TensorSpec("forest.feature", nodes);
    }

    public TensorSpec threshold() {
        return new TensorSpec("forest.threshold", nodes);
    }

    public TensorSpec left() {
        return new TensorSpec("forest.left", nodes);
    }

    public TensorSpec right() {
        return new TensorSpec("forest.right", nodes);
    }

    public TensorSpec leaf() {
        return new TensorSpec("forest.leaf", leaves, classes);
    }
}
