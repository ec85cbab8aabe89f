package io.formcheck.trainer.nn;

/** Each thread's own arrays for a kernel's temporary copies, grown as needed and kept. */
final class Scratch {
    private final ThreadLocal<float[][]> arrays;

    Scratch(int slots) {
        arrays = ThreadLocal.withInitial(() -> new float[slots][0]);
    }

    /** The calling thread's array in that slot, of at least that many floats (its contents are left over). */
    float[] get(int slot, int size) {
        float[][] a = arrays.get();
        if (a[slot].length < size) {
            a[slot] = new float[size];
        }
        return a[slot];
    }
}
