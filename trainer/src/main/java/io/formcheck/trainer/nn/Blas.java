package io.formcheck.trainer.nn;

import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Row-major float32 matrix products on Smile's BLAS (OpenBLAS). Every array starts at its first
 * element: Smile's float[] BLAS takes no offsets, so callers keep gemm operands in arrays of their own.
 */
public final class Blas {
    private static final BLAS ENGINE = BLAS.engine;

    static {
        // Training runs one BLAS call per thread on each core; OpenBLAS's own threads would fight them for the cores.
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {
    }

    /** C[m, n] = beta * C + A[m, k] . B[k, n]. */
    public static void mm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1f, a, k, b, n, beta, c, n);
    }

    /** C[m, n] = beta * C + A[m, k] . B[n, k]^T. */
    public static void mmT(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1f, a, k, b, k, beta, c, n);
    }

    /** C[m, n] = beta * C + A[k, m]^T . B[k, n]. */
    public static void tmm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1f, a, m, b, n, beta, c, n);
    }
}
