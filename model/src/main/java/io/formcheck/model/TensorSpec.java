package io.formcheck.model;

import java.util.Arrays;

/** A tensor's name and row-major shape, as an architecture's schema lays it down in a model file. */
public record TensorSpec(String name, int... shape) {
    public TensorSpec {
        shape = shape.clone();
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(
                        "tensor " + name + " has a non-positive dimension " + Arrays.toString(shape));
            }
        }
    }

    /** The number of values. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The tensor of this name and shape holding data. */
    public Tensor of(float[] data) {
        return new Tensor(name, shape.clone(), data);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
