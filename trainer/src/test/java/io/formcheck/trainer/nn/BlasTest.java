package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Smile's BLAS path against plain loops. */
class BlasTest {
    private final Random rng = new Random(7);

    @Test
    void allThreeProductsMatchPlainLoops() {
        int[][] sizes = {{1, 1, 1}, {3, 5, 7}, {32, 512, 52}, {17, 9, 128}};
        for (int[] s : sizes) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = random(m * k);
            float[] b = random(k * n);
            float[] bt = random(n * k);
            float[] at = random(k * m);
            float[] c0 = random(m * n);

            float[] c = c0.clone();
            Blas.mm(m, n, k, a, b, 1f, c);
            assertClose(reference(m, n, k, a, false, b, false, c0), c);

            c = c0.clone();
            Blas.mmT(m, n, k, a, bt, 0f, c);
            assertClose(reference(m, n, k, a, false, bt, true, null), c);

            c = c0.clone();
            Blas.tmm(m, n, k, at, b, 1f, c);
            assertClose(reference(m, n, k, at, true, b, false, c0), c);
        }
    }

    @Test
    void operandsLargerThanTheProductAreReadAndWrittenOnlyInTheirUsedPart() {
        int m = 3, n = 4, k = 5;
        float[] a = random(m * k + 7);
        float[] b = random(k * n + 9);
        float[] c = random(m * n + 11);
        float[] c0 = c.clone();
        Blas.mm(m, n, k, a, b, 1f, c);
        float[] expected = reference(m, n, k, a, false, b, false, c0);
        for (int i = 0; i < m * n; i++) {
            assertEquals(expected[i], c[i], 1e-4 * (1 + Math.abs(expected[i])), "element " + i);
        }
        for (int i = m * n; i < c.length; i++) {
            assertEquals(c0[i], c[i], 0f, "element " + i + " lies beyond the product");
        }
    }

    /** C = A.B (+ C0) with each operand optionally stored transposed, in double. */
    private static float[] reference(int m, int n, int k, float[] a, boolean aT, float[] b, boolean bT, float[] c0) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = c0 == null ? 0 : c0[i * n + j];
                for (int p = 0; p < k; p++) {
                    double av = aT ? a[p * m + i] : a[i * k + p];
                    double bv = bT ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                }
                c[i * n + j] = (float) sum;
            }
        }
        return c;
    }

    private float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static void assertClose(float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), "element " + i);
        }
    }
}
