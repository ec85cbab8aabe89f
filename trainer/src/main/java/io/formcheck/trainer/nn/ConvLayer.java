package io.formcheck.trainer.nn;

import io.formcheck.model.CnnSchema;
import java.util.Arrays;
import java.util.Random;

/**
 * Temporal convolution over a {@link PackedBatch} with 'same' padding inside each sequence (readings
 * past either end of a sequence are zeros, never another sequence's), then ReLU.
 *
 * <p>Parameters: W [F, K*in] (tap-major: columns j*in .. j*in+in-1 weigh the reading at offset
 * j - K/2), b [F]. Forward: y[t] = relu(b + sum_j W_j . x[t + j - K/2]), as im2col then one product.
 */
public final class ConvLayer {
    public final int input;
    public final int filters;
    public final int kernel;
    public final Parameter weight;
    public final Parameter bias;

    /** Activations kept for backward. */
    public static final class Buffers {
        final float[] cols; // [rows, K*in]
        final float[] dCols; // [rows, K*in]
        public final float[] y; // [rows, F] after ReLU

        public Buffers(int maxRows, int input, int filters, int kernel) {
            cols = new float[maxRows * kernel * input];
            dCols = new float[maxRows * kernel * input];
            y = new float[maxRows * filters];
        }
    }

    /** Layer l of the schema's stack (whose kernel is odd, for 'same' padding). */
    public ConvLayer(CnnSchema schema, int layer) {
        this(
                schema.layerInput(layer),
                schema.filters(),
                schema.kernel(),
                new Parameter(schema.weight(layer)),
                new Parameter(schema.bias(layer)));
    }

    private ConvLayer(int input, int filters, int kernel, Parameter weight, Parameter bias) {
        this.input = input;
        this.filters = filters;
        this.kernel = kernel;
        this.weight = weight;
        this.bias = bias;
    }

    public ConvLayer sharingWeights() {
        return new ConvLayer(input, filters, kernel, weight.sharingValue(), bias.sharingValue());
    }

    /** PyTorch's Conv1d init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = K*in. */
    public void init(Random rng) {
        double bound = 1.0 / Math.sqrt(kernel * input);
        weight.uniform(rng, bound);
        bias.uniform(rng, bound);
    }

    /** x: [rows, input]. Writes buf.y [rows, F]. */
    public void forward(PackedBatch batch, float[] x, Buffers buf) {
        int width = kernel * input;
        int half = kernel / 2;
        for (int t = 0; t < batch.steps; t++) {
            for (int b = 0; b < batch.active[t]; b++) {
                int row = (batch.offset[t] + b) * width;
                for (int j = 0; j < kernel; j++) {
                    int s = t + j - half;
                    int dst = row + j * input;
                    if (s >= 0 && s < batch.lengths[b]) {
                        System.arraycopy(x, (batch.offset[s] + b) * input, buf.cols, dst, input);
                    } else {
                        Arrays.fill(buf.cols, dst, dst + input, 0f);
                    }
                }
            }
        }
        Gemm.mmT(batch.rows, filters, width, buf.cols, weight.value, buf.y);
        for (int r = 0; r < batch.rows; r++) {
            for (int f = 0; f < filters; f++) {
                buf.y[r * filters + f] = Math.max(0f, buf.y[r * filters + f] + bias.value[f]);
            }
        }
    }

    /**
     * dY: [rows, F] gradient w.r.t. the ReLU output (masked in place). Accumulates dW and db; writes
     * dX [rows, input] unless it is null.
     */
    public void backward(PackedBatch batch, float[] dY, float[] dX, Buffers buf) {
        int width = kernel * input;
        int half = kernel / 2;
        int rows = batch.rows;
        for (int i = 0; i < rows * filters; i++) {
            if (buf.y[i] <= 0f) {
                dY[i] = 0f;
            }
        }
        Gemm.tmmAdd(filters, width, rows, dY, buf.cols, weight.grad);
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < filters; f++) {
                bias.grad[f] += dY[r * filters + f];
            }
        }
        if (dX == null) {
            return;
        }
        Gemm.mm(rows, width, filters, dY, weight.value, buf.dCols);
        Arrays.fill(dX, 0, rows * input, 0f);
        for (int t = 0; t < batch.steps; t++) {
            for (int b = 0; b < batch.active[t]; b++) {
                int row = (batch.offset[t] + b) * width;
                for (int j = 0; j < kernel; j++) {
                    int s = t + j - half;
                    if (s >= 0 && s < batch.lengths[b]) {
                        int src = row + j * input;
                        int dst = (batch.offset[s] + b) * input;
                        for (int c = 0; c < input; c++) {
                            dX[dst + c] += buf.dCols[src + c];
                        }
                    }
                }
            }
        }
    }
}
