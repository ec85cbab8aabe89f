package io.formcheck.trainer.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Row-major float32 matrix products on Smile's BLAS (OpenBLAS). Every operand starts at its first
 * element: Smile's BLAS takes no offsets, so callers keep gemm operands in arrays of their own.
 *
 * <p>A Java array is copied to native memory and back whole on every call, so an operand used
 * again and again on small products (the recurrent weights, once per time step) lives in a direct
 * buffer instead, which OpenBLAS reads in place.
 */
public final class Blas {
    private static final BLAS ENGINE = BLAS.engine;

    static {
        // Training runs one BLAS call per thread on each core; OpenBLAS's own threads would fight them for the cores.
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {}

    /** C[m, n] = beta * C + A[m, k] . B[k, n]. */
    public static void mm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(
                Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1f, a, k, b, n, beta, c, n);
    }

    /** C[m, n] = beta * C + A[m, k] . B[n, k]^T. */
    public static void mmT(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1f, a, k, b, k, beta, c, n);
    }

    /** C[m, n] = beta * C + A[m, k] . B[k, n], on direct buffers. */
    public static void mm(int m, int n, int k, FloatBuffer a, FloatBuffer b, float beta, FloatBuffer c) {
        ENGINE.gemm(
                Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1f, a, k, b, n, beta, c, n);
    }

    /** C[m, n] = beta * C + A[m, k] . B[n, k]^T, on direct buffers. */
    public static void mmT(int m, int n, int k, FloatBuffer a, FloatBuffer b, float beta, FloatBuffer c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, 1f, a, k, b, k, beta, c, n);
    }

    /** A direct (off-heap) buffer of n floats in native byte order. */
    public static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** C[m, n] = beta * C + A[k, m]^T . B[k, n]. */
    public static void tmm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        ENGINE.gemm(Layout.ROW_MAJOR, Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1f, a, m, b, n, beta, c, n);
    }
}
