package io.formcheck.trainer.spec;

import java.util.Map;

/**
 * Everything that decides how one kind of model is trained; the same spec gives the same model. One
 * validated record per model kind, as Smile's {@code Options} records.
 */
public sealed interface ModelSpec permits NetworkSpec, ForestSpec {
    Architecture architecture();

    /** Subtract each repetition's own mean after standardization (recorded in the model file). */
    boolean center();

    /** Seed of the split, initialization, shuffling, dropout, augmentation and trees. */
    long seed();

    ModelSpec withSeed(long seed);

    /** The same spec cut to a size for smoke runs (CI's --quick). */
    ModelSpec quick();

    /** The spec as flat key/value text, for reports and the model file header. */
    Map<String, String> describe();
}
