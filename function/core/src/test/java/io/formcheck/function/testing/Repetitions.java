package io.formcheck.function.testing;

import io.formcheck.model.Features;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Request bodies for the tests: repetitions of plausible raw readings. */
public final class Repetitions {
    private Repetitions() {}

    public static List<Map<String, Object>> samples(int steps, long seed) {
        Random rng = new Random(seed);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (String f : Features.NAMES) {
                sample.put(f, Math.round(rng.nextGaussian() * 100 * 100) / 100.0);
            }
            samples.add(sample);
        }
        return samples;
    }

    /** Readings (steps x the 52 features) as the JSON an app would send: every float written exactly. */
    public static List<Map<String, Object>> samples(float[][] readings) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (float[] reading : readings) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (int j = 0; j < Features.COUNT; j++) {
                sample.put(Features.NAMES.get(j), Double.parseDouble(Float.toString(reading[j])));
            }
            samples.add(sample);
        }
        return samples;
    }

    public static Map<String, Object> body(int steps, long seed) {
        return Map.of("samples", samples(steps, seed));
    }
}
