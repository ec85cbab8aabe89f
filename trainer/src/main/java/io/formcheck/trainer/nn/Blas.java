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
 * <p>Smile hands a Java array to native code by copying all of it in and back out on every call,
 * whatever part of it the product uses; the buffers here are sized for the largest batch, so that
 * copied several times their used part. The array forms therefore copy only the used part of each
 * operand, and only in the direction it goes, into direct buffers of the calling thread, which
 * OpenBLAS reads in place. An operand used again and again on small products (the recurrent weights,
 * once per time step) lives in a direct buffer of its caller instead.
 */
public final class Blas {
    private static final BLAS ENGINE = BLAS.engine;

    /** Each thread's direct buffers for the three operands of the array forms, grown as needed. */
    private static final ThreadLocal<FloatBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new FloatBuffer[3]);

    static {
        // Training runs one BLAS call per thread on each core; OpenBLAS's own threads would fight them for the cores.
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {}

    /** C[m, n] = beta * C + A[m, k] . B[k, n]. */
    public static void mm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        FloatBuffer[] s = operands(a, m * k, b, k * n, c, m * n, beta);
        mm(m, n, k, s[0], s[1], beta, s[2]);
        s[2].get(0, c, 0, m * n);
    }

    /** C[m, n] = beta * C + A[m, k] . B[n, k]^T. */
    public static void mmT(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        FloatBuffer[] s = operands(a, m * k, b, n * k, c, m * n, beta);
        mmT(m, n, k, s[0], s[1], beta, s[2]);
        s[2].get(0, c, 0, m * n);
    }

    /** C[m, n] = beta * C + A[k, m]^T . B[k, n]. */
    public static void tmm(int m, int n, int k, float[] a, float[] b, float beta, float[] c) {
        FloatBuffer[] s = operands(a, k * m, b, k * n, c, m * n, beta);
        ENGINE.gemm(
                Layout.ROW_MAJOR,
                Transpose.TRANSPOSE,
                Transpose.NO_TRANSPOSE,
                m,
                n,
                k,
                1f,
                s[0],
                m,
                s[1],
                n,
                beta,
                s[2],
                n);
        s[2].get(0, c, 0, m * n);
    }

    /** The calling thread's scratch holding a[0, aSize) and b[0, bSize), and c[0, cSize) where beta reads it. */
    private static FloatBuffer[] operands(
            float[] a, int aSize, float[] b, int bSize, float[] c, int cSize, float beta) {
        FloatBuffer[] s = SCRATCH.get();
        int[] sizes = {aSize, bSize, cSize};
        for (int i = 0; i < 3; i++) {
            if (s[i] == null || s[i].capacity() < sizes[i]) {
                s[i] = direct(Math.max(sizes[i], s[i] == null ? 0 : 2 * s[i].capacity()));
            }
        }
        s[0].put(0, a, 0, aSize);
        s[1].put(0, b, 0, bSize);
        if (beta != 0f) {
            s[2].put(0, c, 0, cSize);
        }
        return s;
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
}
