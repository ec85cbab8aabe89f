package io.formcheck.trainer.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reading forest: Smile's random forest of fully grown trees on single standardized readings; a
 * repetition's verdict is the mean of its readings'. No epochs: the validation windows only score it.
 */
public record ForestSpec(int trees, boolean center, long seed) implements ModelSpec {
    public static final int DEFAULT_TREES = 100;

    public ForestSpec {
        Checks.positive("trees", trees);
    }

    @Override
    public Architecture architecture() {
        return Architecture.FOREST;
    }

    @Override
    public ForestSpec withSeed(long newSeed) {
        return new ForestSpec(trees, center, newSeed);
    }

    /** The same forest on repetitions with their own mean subtracted. */
    public ForestSpec centered() {
        return new ForestSpec(trees, true, seed);
    }

    /** 10 trees: checks the pipeline, not the model. */
    @Override
    public ForestSpec quick() {
        return new ForestSpec(10, center, seed);
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
