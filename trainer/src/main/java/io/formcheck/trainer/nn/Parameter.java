package io.formcheck.trainer.nn;

import io.formcheck.model.TensorSpec;
import java.util.Arrays;
import java.util.Random;

/** A trainable tensor and its gradient, row-major, both float32. */
public final class Parameter {
    public final String name;
    public final int[] shape;
    public final float[] value;
    public final float[] grad;

    /** Zeros of the spec's name and shape. */
    public Parameter(TensorSpec spec) {
        this.name = spec.name();
        this.shape = spec.shape().clone();
        this.value = new float[spec.size()];
        this.grad = new float[spec.size()];
    }

    private Parameter(Parameter shared) {
        this.name = shared.name;
        this.shape = shared.shape;
        this.value = shared.value;
        this.grad = new float[shared.value.length];
    }

    /** The same values (not a copy) with a gradient of its own: for a worker thread's share of a batch. */
    public Parameter sharingValue() {
        return new Parameter(this);
    }

    public int size() {
        return value.length;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    /** PyTorch's default init for LSTM and Linear weights: U(-bound, bound). */
    public void uniform(Random rng, double bound) {
        for (int i = 0; i < value.length; i++) {
            value[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }
}
