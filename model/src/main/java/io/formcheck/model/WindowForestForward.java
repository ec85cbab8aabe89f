package io.formcheck.model;

/**
 * Inference of the window forest: the statistics of the whole window ({@link WindowFeatures}), then one
 * walk of each tree. It reads raw readings: its model file standardizes nothing (mean 0, deviation 1).
 */
public final class WindowForestForward implements SequenceNetwork {
    private final WindowFeatures features;
    private final ForestForward forest;

    private WindowForestForward(ModelFile f) throws ModelFormatException {
        features = WindowFeatures.parse(WindowForestSchema.read(f).features());
        forest = ForestForward.load(f);
    }

    public static WindowForestForward load(ModelFile f) throws ModelFormatException {
        return new WindowForestForward(f);
    }

    /** Log of the forest's probabilities for the window, so the classifier's softmax gives them back. */
    @Override
    public float[] logits(float[][] x) {
        return forest.logits(new float[][] {features.of(x)});
    }
}
