package io.formcheck.model;

import java.util.Arrays;

/** A named float32 array with a row-major shape, as stored in a model file. */
public record Tensor(String name, int[] shape, float[] data) {
    public Tensor {
        int size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(
                        "tensor " + name + " has a non-positive dimension " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "tensor " + name + " has shape " + Arrays.toString(shape) + " but " + data.length + " values");
        }
    }

    public static Tensor of(String name, float[] data, int... shape) {
        return new Tensor(name, shape, data);
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
