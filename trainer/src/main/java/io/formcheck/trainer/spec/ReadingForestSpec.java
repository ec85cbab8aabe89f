package io.formcheck.trainer.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reading forest: Smile's random forest of fully grown trees on single standardized readings; a
 * repetition's verdict is the mean of its readings'. No epochs, so no validation windows: the split's validation share is trained on (85/15).
 */
public record ReadingForestSpec(int trees, boolean center, long seed) implements ModelSpec {
    /** 100 trees on readings as they come (centering each repetition is an option). */
    public static final ReadingForestSpec DEFAULTS = new ReadingForestSpec(100, false, 42);

    public ReadingForestSpec {
        Checks.positive("trees", trees);
    }

    @Override
    public Architecture architecture() {
        return Architecture.READING_FOREST;
    }

    @Override
    public ReadingForestSpec withSeed(long newSeed) {
        return new ReadingForestSpec(trees, center, newSeed);
    }

    /** The same forest on repetitions with their own mean subtracted. */
    public ReadingForestSpec centered() {
        return new ReadingForestSpec(trees, true, seed);
    }

    /** 10 trees: checks the pipeline, not the model. */
    @Override
    public ReadingForestSpec quick() {
        return new ReadingForestSpec(10, center, seed);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", architecture().toString());
        m.put("trees", String.valueOf(trees));
        m.put("center", String.valueOf(center));
        m.put("seed", String.valueOf(seed));
        return m;
    }
}
