package io.formcheck.trainer.spec;

import io.formcheck.model.WindowFeatures;

/**
 * The window statistics a network's head reads beside its encoder ({@link io.formcheck.model.StatisticsInput}):
 * the {@link WindowFeatures} spec, and the clip of their standardized values. NONE: the head reads the
 * encoder alone.
 */
public record StatisticsSpec(String features, float clip) {
    public static final StatisticsSpec NONE = new StatisticsSpec("", 1f);

    public StatisticsSpec {
        if (!features.isEmpty()) {
            WindowFeatures.parse(features);
        }
        Checks.positive("the statistics' clip", clip);
    }

    public boolean any() {
        return !features.isEmpty();
    }

    /** S: how many statistics the head reads. */
    public int size() {
        return any() ? WindowFeatures.parse(features).size() : 0;
    }

    /** "none", or the features and the clip. */
    public String describe() {
        return any() ? features + " clipped at " + clip : "none";
    }
}
