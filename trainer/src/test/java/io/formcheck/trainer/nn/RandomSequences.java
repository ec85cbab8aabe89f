package io.formcheck.trainer.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Standard-normal test sequences of the given lengths, steps*features values each. */
final class RandomSequences {
    private RandomSequences() {}

    static List<float[]> of(int[] lengths, int features, long seed) {
        Random rng = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int len : lengths) {
            float[] s = new float[len * features];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) rng.nextGaussian();
            }
            out.add(s);
        }
        return out;
    }
}
