package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both kinds of product against plain loops, on shapes that exercise every block and tail. */
class GemmTest {
    /** m, n, k: blocks of 4 rows and 4 vectors, single rows and vectors, masked tails, several depth panels. */
    private static final int[][] SIZES = {
        {1, 1, 1},
        {3, 5, 7},
        {4, 64, 3},
        {16, 512, 128},
        {15, 128, 512},
        {32, 52, 512},
        {17, 9, 128},
        {6, 128, 1100},
        {5, 80, 0},
        {2, 0, 3}
    };

    private final Random rng = new Random(7);

    @Test
    void vectorKernelSumsEachElementInOrderWithFusedMultiplyAdds() {
        for (int[] s : SIZES) {
            int m = s[0], n = s[1], k = s[2];
            int aOff = 3, cOff = 5;
            float[] a = random(aOff + m * k);
            float[] at = random(k * m);
            float[] b = random(k * n);
            float[] c0 = random(cOff + m * n + 4);
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] c = c0.clone();
                VectorGemm.gemm(new VectorGemm.Product(m, n, k, a, aOff, k, 1, b, 0, c, cOff, accumulate));
                assertExact(fmaLoop(m, n, k, a, aOff, k, 1, b, c0, cOff, accumulate), c, s);

                c = c0.clone();
                VectorGemm.gemm(new VectorGemm.Product(m, n, k, at, 0, 1, m, b, 0, c, cOff, accumulate));
                assertExact(fmaLoop(m, n, k, at, 0, 1, m, b, c0, cOff, accumulate), c, s);
            }
        }
    }

    @Test
    void blasMatchesPlainLoops() {
        for (int[] s : SIZES) {
            int m = s[0], n = s[1], k = s[2];
            if (k == 0 || n == 0) {
                continue; // OpenBLAS's gemm refuses an empty product; the networks never ask for one
            }
            float[] a = random(2 + m * k);
            float[] b = random(k * n);
            float[] bt = random(n * k);
            float[] c0 = random(1 + m * n);

            float[] c = c0.clone();
            Blas.mm(m, n, k, a, 2, b, 1f, c, 1);
            assertClose(reference(m, n, k, a, 2, false, b, false, c0, 1), c, 1);

            c = c0.clone();
            Blas.mmT(m, n, k, a, bt, c);
            float[] a0 = Arrays.copyOf(a, m * k);
            assertClose(reference(m, n, k, a0, 0, false, bt, true, null, 0), c, 0);

            c = c0.clone();
            float[] atOff = random(3 + k * m);
            float[] bOff = random(2 + k * n);
            Blas.tmmAdd(m, n, k, atOff, 3, bOff, 2, c);
            float[] bRows = Arrays.copyOfRange(bOff, 2, bOff.length);
            assertClose(reference(m, n, k, atOff, 3, true, bRows, false, c0, 0), c, 0);
        }
    }

    @Test
    void facadeProductsMatchPlainLoops() {
        int m = 7, n = 70, k = 33;
        float[] a = random(m * k);
        float[] bt = random(n * k);
        float[] b = random(k * n);
        float[] at = random(k * m);
        float[] c = random(m * n);
        float[] c0 = c.clone();
        Gemm.mmT(m, n, k, a, bt, c);
        assertClose(reference(m, n, k, a, 0, false, bt, true, null, 0), c, 0);
        c = c0.clone();
        Gemm.tmmAdd(m, n, k, at, b, c);
        assertClose(reference(m, n, k, at, 0, true, b, false, c0, 0), c, 0);
        float[] atOff = random(3 + k * m);
        float[] bOff = random(2 + k * n);
        c = c0.clone();
        Gemm.tmmAdd(m, n, k, atOff, 3, bOff, 2, c);
        float[] bRows = Arrays.copyOfRange(bOff, 2, bOff.length);
        assertClose(reference(m, n, k, atOff, 3, true, bRows, false, c0, 0), c, 0);
    }

    @Test
    void facadeProductWithOffsetsWritesOnlyItsElements() {
        int m = 3, n = 20, k = 5, aOff = 2, cOff = 4;
        float[] a = random(aOff + m * k);
        float[] b = random(k * n);
        float[] c = random(cOff + m * n + 11);
        float[] c0 = c.clone();
        Gemm.mm(m, n, k, a, aOff, b, c, cOff, true);
        float[] expected = c0.clone();
        float[] product = reference(m, n, k, Arrays.copyOfRange(a, aOff, a.length), 0, false, b, false, c0, cOff);
        System.arraycopy(product, cOff, expected, cOff, m * n);
        assertClose(expected, c, 0);
    }

    /** C = (accumulate ? C0 : 0) + A.B, each element summed over k in order with Math.fma. */
    private static float[] fmaLoop(
            int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, float[] c0, int cOff, boolean acc) {
        float[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = acc ? c0[cOff + i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * ars + p * acs], b[p * n + j], sum);
                }
                c[cOff + i * n + j] = sum;
            }
        }
        return c;
    }

    /** C = A.B (+ C0) in double, each operand optionally stored transposed; C at cOff of a copy of c0. */
    private static float[] reference(
            int m, int n, int k, float[] a, int aOff, boolean aT, float[] b, boolean bT, float[] c0, int cOff) {
        float[] c = new float[cOff + m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = c0 == null ? 0 : c0[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    double av = a[aOff + (aT ? p * m + i : i * k + p)];
                    double bv = bT ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                }
                c[cOff + i * n + j] = (float) sum;
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

    private static void assertExact(float[] expected, float[] actual, int[] size) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0f, "element " + i + " of m, n, k = " + Arrays.toString(size));
        }
    }

    private static void assertClose(float[] expected, float[] actual, int from) {
        for (int i = from; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), "element " + i);
        }
    }
}
