package io.formcheck.trainer.spec;

import io.formcheck.model.WindowFeatures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window forest: Smile's random forest of fully grown trees on the statistics of each whole window of
 * raw readings ({@link WindowFeatures}: features names the channel groups and statistics).
 */
public record WindowForestSpec(String features, int trees, long seed) implements ModelSpec {
    /**
     * Per sensor: roll and pitch (every statistic), yaw and the magnetometer axes relative to the window's
     * own mean (their level is where the person faces), the gyroscope and accelerometer axes, and the three
     * vector magnitudes, which do not depend on how a sensor is turned on the body.
     */
    public static final String DEFAULT_FEATURES = "rp=abs;yaw=rel;amag=abs;gmag=abs;mmag=abs;gyr=abs;acc=abs;mag=rel";

    /** The random forest on summary features of earlier rounds: mean, sd, min and max of every raw reading. */
    public static final String SUMMARY_FEATURES = "eul=mm;tot=mm;gyr=mm;acc=mm;mag=mm";

    public WindowForestSpec {
        WindowFeatures.parse(features);
        Checks.positive("trees", trees);
    }

    @Override
    public Architecture architecture() {
        return Architecture.WINDOW_FOREST;
    }

    @Override
    public WindowForestSpec withSeed(long newSeed) {
        return new WindowForestSpec(features, trees, newSeed);
    }

    /** 10 trees: checks the pipeline, not the model. */
    @Override
    public WindowForestSpec quick() {
        return new WindowForestSpec(features, 10, seed);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", architecture().toString());
        m.put("features", features);
        m.put("trees", String.valueOf(trees));
        m.put("seed", String.valueOf(seed));
        return m;
    }
}
