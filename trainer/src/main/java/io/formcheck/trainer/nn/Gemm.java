package io.formcheck.trainer.nn;

/**
 * The matrix products of the networks' layers, row-major float32. They run on the JDK's Vector API
 * ({@link VectorGemm}) when the JVM was started with {@code --add-modules jdk.incubator.vector} (as
 * the README's commands and the build's tests do), else on OpenBLAS through Smile ({@link Blas}).
 * The two sum in different orders, so a seed gives the same model again only on the same kind.
 */
public final class Gemm {
    /** Whether the Vector API kernels are in use. */
    public static final boolean VECTOR =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Room for the transposed operand of {@link #mmT}. */
    private static final Scratch TRANSPOSED = new Scratch(1);

    private Gemm() {}

    /** Which kernels run, for reports and the notice of a slower start. */
    public static String kernels() {
        return VECTOR
                ? "Vector API"
                : "OpenBLAS (start java with --add-modules jdk.incubator.vector for faster networks)";
    }

    /** C[m, n] = (accumulate ? C : 0) + A[m, k] . B[k, n], with A at a[aOff] and C at c[cOff]. */
    public static void mm(
            int m, int n, int k, float[] a, int aOff, float[] b, float[] c, int cOff, boolean accumulate) {
        if (VECTOR) {
            VectorGemm.gemm(new VectorGemm.Product(m, n, k, a, aOff, k, 1, b, 0, c, cOff, accumulate));
        } else {
            Blas.mm(m, n, k, a, aOff, b, accumulate ? 1f : 0f, c, cOff);
        }
    }

    /** C[m, n] = A[m, k] . B[k, n]. */
    public static void mm(int m, int n, int k, float[] a, float[] b, float[] c) {
        mm(m, n, k, a, 0, b, c, 0, false);
    }

    /** C[m, n] = A[m, k] . B[n, k]^T: a layer's forward through its weight [out, in]. */
    public static void mmT(int m, int n, int k, float[] a, float[] b, float[] c) {
        if (VECTOR) {
            float[] bt = TRANSPOSED.get(0, n * k);
            transpose(b, n, k, bt);
            VectorGemm.gemm(new VectorGemm.Product(m, n, k, a, 0, k, 1, bt, 0, c, 0, false));
        } else {
            Blas.mmT(m, n, k, a, b, c);
        }
    }

    /** C[m, n] += A[k, m]^T . B[k, n]: a weight's gradient over the rows of a batch. */
    public static void tmmAdd(int m, int n, int k, float[] a, float[] b, float[] c) {
        tmmAdd(m, n, k, a, 0, b, 0, c);
    }

    /** C[m, n] += A[k, m]^T . B[k, n], with A at a[aOff] and B at b[bOff]: over some of a batch's rows. */
    public static void tmmAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c) {
        if (VECTOR) {
            VectorGemm.gemm(new VectorGemm.Product(m, n, k, a, aOff, 1, m, b, bOff, c, 0, true));
        } else {
            Blas.tmmAdd(m, n, k, a, aOff, b, bOff, c);
        }
    }

    /** One core's peak on the Vector API's fused multiply-adds (GFLOP/s), or NaN without them: for benchmarks. */
    public static double peakGflops() {
        return VECTOR ? VectorGemm.peakGflops() : Double.NaN;
    }

    /** w [rows, cols] into t as [cols, rows], in tiles that stay in cache on both sides (twice as fast as row by row). */
    static void transpose(float[] w, int rows, int cols, float[] t) {
        int tile = 16;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            for (int c0 = 0; c0 < cols; c0 += tile) {
                for (int r = r0; r < Math.min(r0 + tile, rows); r++) {
                    for (int c = c0; c < Math.min(c0 + tile, cols); c++) {
                        t[c * rows + r] = w[r * cols + c];
                    }
                }
            }
        }
    }
}
