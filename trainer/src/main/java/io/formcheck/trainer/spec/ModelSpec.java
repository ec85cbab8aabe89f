package io.formcheck.trainer.spec;

import java.util.Map;

/**
 * Everything that decides how one kind of model is trained; the same spec gives the same model. One
 * validated record per model kind, as Smile's {@code Options} records.
 */
public sealed interface ModelSpec permits NetworkSpec, ReadingForestSpec, WindowForestSpec {
    Architecture architecture();

    /** Seed of the split, initialization, shuffling, dropout, augmentation and trees. */
    long seed();

    ModelSpec withSeed(long seed);

    /** Whether training needs validation windows: a network chooses its epoch on them; a forest does not. */
    default boolean needsValidation() {
        return this instanceof NetworkSpec;
    }

    /** The same spec cut to a size for smoke runs (CI's --quick). */
    ModelSpec quick();

    /** The spec as flat key/value text, for reports and the model file header. */
    Map<String, String> describe();
}
