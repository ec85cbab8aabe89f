package io.formcheck.trainer.nn;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * C (+)= A . B on the JDK's Vector API, for {@link Gemm}: a block of C of 4 rows by 4 vectors stays
 * in 16 registers while the whole depth k streams through, so each element of B fetched from memory
 * serves 4 rows and each broadcast element of A 4 vectors. That keeps the FMA units busy where
 * OpenBLAS, on the per-step products of a recurrent layer ([16, 128] x [128, 512]), ran at under half
 * of a core's peak (measured: 115 against 53 GFLOP/s). Each C element is summed over k in order, with
 * one fused multiply-add per term, whatever the block it falls in: the result does not depend on the
 * shapes around it or on the thread.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Depth streamed at once: a k x n panel of B of about 256 KB (at least 16 rows), which stays in a core's L2. */
    private static final int PANEL_FLOATS = 64 * 1024;
    /** Padded copies of A's last rows and of C's (see lastRows). */
    private static final Scratch LAST_ROWS = new Scratch(2);
    /** Padded copies of B and C (see padded). */
    private static final Scratch PADDED = new Scratch(2);

    /** Where peakGflops leaves its result, so that the JIT cannot drop the loop that makes it. */
    private static volatile float sink;

    private VectorGemm() {}

    /**
     * C[m, n] (+)= A . B, with A(i, p) = a[aOff + i * ars + p * acs] (so one kernel serves A and A^T),
     * B [k, n] row-major from bOff and C [m, n] row-major from cOff; C's values are added to, not
     * overwritten, when accumulate is set.
     */
    record Product(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int ars,
            int acs,
            float[] b,
            int bOff,
            float[] c,
            int cOff,
            boolean accumulate) {

        /** The part of this product over depths [from, from + count), added to what the depths before it left. */
        Product depths(int from, int count) {
            return new Product(
                    m, n, count, a, aOff + from * acs, ars, acs, b, bOff + from * n, c, cOff, accumulate || from > 0);
        }

        /** Rows [from, from + count) of this product. */
        Product rows(int from, int count) {
            return new Product(count, n, k, a, aOff + from * ars, ars, acs, b, bOff, c, cOff + from * n, accumulate);
        }
    }

    static void gemm(Product p) {
        if (p.m == 0 || p.n == 0) {
            return;
        }
        if (p.k == 0) {
            if (!p.accumulate) {
                Arrays.fill(p.c, p.cOff, p.cOff + p.m * p.n, 0f);
            }
            return;
        }
        if (p.n % L != 0) {
            padded(p);
            return;
        }
        int depth = Math.max(16, PANEL_FLOATS / p.n);
        for (int from = 0; from < p.k; from += depth) {
            panel(p.depths(from, Math.min(depth, p.k - from)));
        }
    }

    /**
     * A product with n not a whole number of vectors, through copies of B and C zero-padded to one:
     * masked vector loads and stores are not compiled to vector instructions on JDK 17 (35x slower).
     */
    private static void padded(Product p) {
        int m = p.m, n = p.n, k = p.k;
        int np = n + L - n % L;
        float[] bp = PADDED.get(0, k * np);
        float[] cp = PADDED.get(1, m * np);
        for (int q = 0; q < k; q++) {
            System.arraycopy(p.b, p.bOff + q * n, bp, q * np, n);
            Arrays.fill(bp, q * np + n, (q + 1) * np, 0f);
        }
        if (p.accumulate) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(p.c, p.cOff + r * n, cp, r * np, n);
            }
        }
        gemm(new Product(m, np, k, p.a, p.aOff, p.ars, p.acs, bp, 0, cp, 0, p.accumulate));
        for (int r = 0; r < m; r++) {
            System.arraycopy(cp, r * np, p.c, p.cOff + r * n, n);
        }
    }

    private static void panel(Product p) {
        int i = 0;
        for (; i + 3 < p.m; i += 4) {
            fourRows(p.rows(i, 4));
        }
        if (i < p.m) {
            lastRows(p.rows(i, p.m - i));
        }
    }

    /** A product of four rows, in blocks of 4 vectors, then single vectors. */
    private static void fourRows(Product p) {
        int n = p.n;
        int wide = n - n % (4 * L);
        for (int j = 0; j < wide; j += 4 * L) {
            block4x4(n, p.k, p.a, p.aOff, p.ars, p.acs, p.b, p.bOff + j, p.c, p.cOff + j, p.accumulate);
        }
        for (int j = wide; j < n; j += L) {
            block4x1(n, p.k, p.a, p.aOff, p.ars, p.acs, p.b, p.bOff + j, p.c, p.cOff + j, p.accumulate);
        }
    }

    /**
     * A product of 1 to 3 rows, through copies of their A rows and C rows padded to four: one row at
     * a time would fetch every element of B for a single row, at the speed of memory.
     */
    private static void lastRows(Product p) {
        int n = p.n, k = p.k;
        float[] ap = LAST_ROWS.get(0, 4 * k);
        float[] cp = LAST_ROWS.get(1, 4 * n);
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < k; q++) {
                ap[r * k + q] = r < p.m ? p.a[p.aOff + r * p.ars + q * p.acs] : 0f;
            }
        }
        if (p.accumulate) {
            for (int r = 0; r < p.m; r++) {
                System.arraycopy(p.c, p.cOff + r * n, cp, r * n, n);
            }
        }
        fourRows(new Product(4, n, k, ap, 0, k, 1, p.b, p.bOff, cp, 0, p.accumulate));
        for (int r = 0; r < p.m; r++) {
            System.arraycopy(cp, r * n, p.c, p.cOff + r * n, n);
        }
    }

    /** C[4 rows, 4 vectors] at c[co..] from A rows at a[ai..] and B columns at b[bo..]. */
    private static void block4x4(
            int n, int k, float[] a, int ai, int ars, int acs, float[] b, int bo, float[] c, int co, boolean acc) {
        int c1 = co + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector c00 = load(c, co, acc), c01 = load(c, co + L, acc);
        FloatVector c02 = load(c, co + 2 * L, acc), c03 = load(c, co + 3 * L, acc);
        FloatVector c10 = load(c, c1, acc), c11 = load(c, c1 + L, acc);
        FloatVector c12 = load(c, c1 + 2 * L, acc), c13 = load(c, c1 + 3 * L, acc);
        FloatVector c20 = load(c, c2, acc), c21 = load(c, c2 + L, acc);
        FloatVector c22 = load(c, c2 + 2 * L, acc), c23 = load(c, c2 + 3 * L, acc);
        FloatVector c30 = load(c, c3, acc), c31 = load(c, c3 + L, acc);
        FloatVector c32 = load(c, c3 + 2 * L, acc), c33 = load(c, c3 + 3 * L, acc);
        for (int p = 0; p < k; p++) {
            int o = bo + p * n;
            FloatVector b0 = FloatVector.fromArray(S, b, o);
            FloatVector b1 = FloatVector.fromArray(S, b, o + L);
            FloatVector b2 = FloatVector.fromArray(S, b, o + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, o + 3 * L);
            int ap = ai + p * acs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, a[ap + ars]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, a[ap + 2 * ars]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, a[ap + 3 * ars]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c12.intoArray(c, c1 + 2 * L);
        c13.intoArray(c, c1 + 3 * L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c22.intoArray(c, c2 + 2 * L);
        c23.intoArray(c, c2 + 3 * L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
        c32.intoArray(c, c3 + 2 * L);
        c33.intoArray(c, c3 + 3 * L);
    }

    /** C[4 rows, one vector]. */
    private static void block4x1(
            int n, int k, float[] a, int ai, int ars, int acs, float[] b, int bo, float[] c, int co, boolean acc) {
        int c1 = co + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector v0 = load(c, co, acc), v1 = load(c, c1, acc);
        FloatVector v2 = load(c, c2, acc), v3 = load(c, c3, acc);
        for (int p = 0; p < k; p++) {
            FloatVector bp = FloatVector.fromArray(S, b, bo + p * n);
            int ap = ai + p * acs;
            v0 = bp.fma(FloatVector.broadcast(S, a[ap]), v0);
            v1 = bp.fma(FloatVector.broadcast(S, a[ap + ars]), v1);
            v2 = bp.fma(FloatVector.broadcast(S, a[ap + 2 * ars]), v2);
            v3 = bp.fma(FloatVector.broadcast(S, a[ap + 3 * ars]), v3);
        }
        v0.intoArray(c, co);
        v1.intoArray(c, c1);
        v2.intoArray(c, c2);
        v3.intoArray(c, c3);
    }

    private static FloatVector load(float[] c, int off, boolean acc) {
        return acc ? FloatVector.fromArray(S, c, off) : FloatVector.zero(S);
    }

    /**
     * One core's fused multiply-add throughput on this species, in GFLOP/s: 12 independent chains
     * with no memory traffic, the best of 30 timed runs (the first ones also compile it).
     */
    static double peakGflops() {
        int iterations = 1_000_000;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 30; run++) {
            long t0 = System.nanoTime();
            sink = chains(iterations, run);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return 12.0 * 2 * L * iterations / best;
    }

    private static float chains(int iterations, float start) {
        FloatVector m = FloatVector.broadcast(S, 0.999f), add = FloatVector.broadcast(S, 0.001f);
        FloatVector v0 = FloatVector.broadcast(S, start), v1 = v0.add(1), v2 = v0.add(2), v3 = v0.add(3);
        FloatVector v4 = v0.add(4), v5 = v0.add(5), v6 = v0.add(6), v7 = v0.add(7);
        FloatVector v8 = v0.add(8), v9 = v0.add(9), v10 = v0.add(10), v11 = v0.add(11);
        for (int i = 0; i < iterations; i++) {
            v0 = v0.fma(m, add);
            v1 = v1.fma(m, add);
            v2 = v2.fma(m, add);
            v3 = v3.fma(m, add);
            v4 = v4.fma(m, add);
            v5 = v5.fma(m, add);
            v6 = v6.fma(m, add);
            v7 = v7.fma(m, add);
            v8 = v8.fma(m, add);
            v9 = v9.fma(m, add);
            v10 = v10.fma(m, add);
            v11 = v11.fma(m, add);
        }
        return v0.add(v1)
                .add(v2)
                .add(v3)
                .add(v4)
                .add(v5)
                .add(v6)
                .add(v7)
                .add(v8)
                .add(v9)
                .add(v10)
                .add(v11)
                .reduceLanes(VectorOperators.ADD);
    }
}
