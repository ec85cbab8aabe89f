package io.formcheck.trainer.nn;

import io.formcheck.model.TensorSpec;
import java.util.Random;

/** y [n, out] = x [n, in] . W^T + b, with W [out, in], b [out]. */
public final class LinearLayer {
    public final int input;
    public final int output;
    public final Parameter weight;
    public final Parameter bias;

    /** weight [out, in] and bias [out], named as the model file's schema names them. */
    public LinearLayer(TensorSpec weight, TensorSpec bias) {
        this(weight.shape()[1], weight.shape()[0], new Parameter(weight), new Parameter(bias));
        if (bias.shape().length != 1 || bias.shape()[0] != output) {
            throw new IllegalArgumentException("bias " + bias + " does not fit weight " + weight);
        }
    }

    private LinearLayer(int input, int output, Parameter weight, Parameter bias) {
        this.input = input;
        this.output = output;
        this.weight = weight;
        this.bias = bias;
    }

    /** This layer's weights with gradients of its own. */
    public LinearLayer sharingWeights() {
        return new LinearLayer(input, output, weight.sharingValue(), bias.sharingValue());
    }

    /** PyTorch's default init: U(-1/sqrt(in), 1/sqrt(in)) for weight and bias. */
    public void init(Random rng) {
        double bound = 1.0 / Math.sqrt(input);
        weight.uniform(rng, bound);
        bias.uniform(rng, bound);
    }

    public void forward(int n, float[] x, float[] y) {
        Gemm.mmT(n, output, input, x, weight.value, y);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < output; j++) {
                y[r * output + j] += bias.value[j];
            }
        }
    }

    /** Accumulates dW and db from dy [n, out]; writes dx [n, in] unless it is null. */
    public void backward(int n, float[] x, float[] dy, float[] dx) {
        Gemm.tmmAdd(output, input, n, dy, x, weight.grad);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < output; j++) {
                bias.grad[j] += dy[r * output + j];
            }
        }
        if (dx != null) {
            Gemm.mm(n, input, output, dy, weight.value, dx);
        }
    }
}
