package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final int N = 20_000;

    @Test
    void trainingDropsAboutPAndScalesTheRestAndTheSameSeedDrawsTheSameMask() {
        float p = 0.3f;
        float[] x = new float[N];
        Arrays.fill(x, 2f);
        float[] mask = new float[N];
        float[] y = new float[N];
        Dropout.forward(N, p, Mode.train(new Random(5)), x, mask, y);
        int dropped = 0;
        for (int i = 0; i < N; i++) {
            if (y[i] == 0f) {
                dropped++;
            } else {
                assertEquals(2f / (1f - p), y[i], 1e-6f);
            }
        }
        // binomial: 3 standard deviations of 20,000 draws at 0.3 are about 0.01
        assertEquals(p, dropped / (double) N, 0.01);
        float[] again = new float[N];
        Dropout.forward(N, p, Mode.train(new Random(5)), x, new float[N], again);
        assertArrayEquals(y, again);
        float[] other = new float[N];
        Dropout.forward(N, p, Mode.train(new Random(6)), x, new float[N], other);
        assertTrue(!Arrays.equals(y, other), "another seed draws another mask");
    }

    /** The branch-free mask is nextFloat() < p of the mask's own generator, seeded by one draw of the shared one. */
    @Test
    void theMaskDropsExactlyWhereTheGeneratorsFloatFallsBelowP() {
        for (float p : new float[] {0.5f, 0.25f, 0.3f, 0.1f}) {
            float[] mask = new float[N];
            Dropout.forward(N, p, Mode.train(new Random(9)), new float[N], mask, new float[N]);
            SplittableRandom bits = new SplittableRandom(new Random(9).nextLong());
            for (int i = 0; i < N; i++) {
                assertEquals(bits.nextFloat() < p, mask[i] == 0f, "value " + i + " at p = " + p);
            }
        }
    }

    @Test
    void aRateOfOneIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Dropout.forward(3, 1f, Mode.train(new Random(1)), new float[3], new float[3], new float[3]));
    }

    @Test
    void backwardPassesGradientsOnlyWhereForwardKept() {
        float[] x = new float[N];
        Arrays.fill(x, 1f);
        float[] mask = new float[N];
        Mode train = Mode.train(new Random(7));
        Dropout.forward(N, 0.5f, train, x, mask, new float[N]);
        float[] dy = new float[N];
        Arrays.fill(dy, 3f);
        Dropout.backward(N, 0.5f, train, mask, dy);
        for (int i = 0; i < N; i++) {
            assertEquals(mask[i] == 0f ? 0f : 6f, dy[i], 1e-6f);
        }
    }

    @Test
    void evaluationCopiesUnchanged() {
        float[] x = {1f, -2f, 3f};
        float[] y = new float[3];
        Dropout.forward(3, 0.5f, Mode.EVAL, x, new float[3], y);
        assertArrayEquals(x, y);
    }
}
