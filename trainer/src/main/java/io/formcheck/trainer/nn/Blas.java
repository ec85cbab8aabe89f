package io.formcheck.trainer.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * {@link Gemm}'s products on Smile's BLAS (OpenBLAS), where the Vector API is not available.
 *
 * <p>Smile hands a Java array to native code by copying all of it in and back out on every call,
 * whatever part of it the product uses, and takes no offsets. So each operand's used part is copied,
 * only in the direction it goes, into direct buffers of the calling thread, which OpenBLAS reads in
 * place.
 */
final class Blas {
    private static final BLAS ENGINE = BLAS.engine;

    /** Each thread's direct buffers for the three operands, grown as needed. */
    private static final ThreadLocal<FloatBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new FloatBuffer[3]);

    static {
        // Training runs one BLAS call per thread on each core; OpenBLAS's own threads would fight them for the cores.
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {}

    /** C[m, n] = beta * C + A[m, k] . B[k, n], with A at a[aOff] and C at c[cOff]. */
    static void mm(int m, int n, int k, float[] a, int aOff, float[] b, float beta, float[] c, int cOff) {
        FloatBuffer[] s = operands(a, aOff, m * k, b, 0, k * n, c, cOff, m * n, beta);
        gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, s, k, n, beta);
        s[2].get(0, c, cOff, m * n);
    }

    /** C[m, n] = A[m, k] . B[n, k]^T. */
    static void mmT(int m, int n, int k, float[] a, float[] b, float[] c) {
        FloatBuffer[] s = operands(a, 0, m * k, b, 0, n * k, c, 0, m * n, 0f);
        gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, s, k, k, 0f);
        s[2].get(0, c, 0, m * n);
    }

    /** C[m, n] += A[k, m]^T . B[k, n], with A at a[aOff] and B at b[bOff]. */
    static void tmmAdd(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c) {
        FloatBuffer[] s = operands(a, aOff, k * m, b, bOff, k * n, c, 0, m * n, 1f);
        gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, s, m, n, 1f);
        s[2].get(0, c, 0, m * n);
    }

    private static void gemm(
            Transpose ta, Transpose tb, int m, int n, int k, FloatBuffer[] s, int lda, int ldb, float beta) {
        ENGINE.gemm(Layout.ROW_MAJOR, ta, tb, m, n, k, 1f, s[0], lda, s[1], ldb, beta, s[2], n);
    }

    /** The calling thread's scratch holding A, B, and C where beta reads it. */
    private static FloatBuffer[] operands(
            float[] a,
            int aOff,
            int aSize,
            float[] b,
            int bOff,
            int bSize,
            float[] c,
            int cOff,
            int cSize,
            float beta) {
        FloatBuffer[] s = SCRATCH.get();
        int[] sizes = {aSize, bSize, cSize};
        for (int i = 0; i < 3; i++) {
            if (s[i] == null || s[i].capacity() < sizes[i]) {
                s[i] = direct(Math.max(sizes[i], s[i] == null ? 0 : 2 * s[i].capacity()));
            }
        }
        s[0].put(0, a, aOff, aSize);
        s[1].put(0, b, bOff, bSize);
        if (beta != 0f) {
            s[2].put(0, c, cOff, cSize);
        }
        return s;
    }

    /** A direct (off-heap) buffer of n floats in native byte order. */
    private static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }
}
