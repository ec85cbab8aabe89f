package io.formcheck.model;

import java.util.Map;

/**
 * The window forest in a model file: what the trainer writes and {@link WindowForestForward} reads.
 *
 * <p>Header: architecture=window_forest, window_forest.features (the {@link WindowFeatures} spec), and the
 * forest's entries and tensors exactly as {@link ForestSchema} names them, its input being the window's
 * features.
 */
public record WindowForestSchema(String features, ForestSchema forest) {
    public static final String ARCHITECTURE = "window_forest";

    private static final String FEATURES = "window_forest.features";

    public WindowForestSchema {
        int size = WindowFeatures.parse(features).size();
        if (size != forest.inputSize()) {
            throw new IllegalArgumentException("the window features '" + features + "' are " + size
                    + " values but the forest reads " + forest.inputSize());
        }
    }

    public static WindowForestSchema read(ModelFile f) throws ModelFormatException {
        String features = f.get(FEATURES);
        try {
            return new WindowForestSchema(features, ForestSchema.read(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("header entry '" + FEATURES + "': " + e.getMessage());
        }
    }

    /** The header entries, architecture included. */
    public Map<String, String> header() {
        Map<String, String> m = forest.header();
        m.put(ModelFile.ARCHITECTURE, ARCHITECTURE);
        m.put(FEATURES, features);
        return m;
    }
}
