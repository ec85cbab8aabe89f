package io.formcheck.trainer.nn;

import io.formcheck.model.LstmSchema;
import java.util.Arrays;
import java.util.Random;

/**
 * One LSTM layer over a {@link PackedBatch}, full backpropagation through time.
 *
 * <p>Parameters: W_ih [G, in], W_hh [G, H], b [G] with G = 4H, gate order i, f, g, o (PyTorch's; its
 * b_ih + b_hh folded into one bias). Forward: gates_t = x_t W_ih^T + h_{t-1} W_hh^T + b;
 * c_t = f * c_{t-1} + i * g; h_t = o * tanh(c_t).
 */
public final class LstmLayer {
    public final int input;
    public final int hidden;
    public final Parameter wIh;
    public final Parameter wHh;
    public final Parameter bias;

    /** Steps per chunk: 8 steps of a 16-sequence shard's gates are 256 KB, which stay in a core's L2. */
    private static final int CHUNK_STEPS = 8;

    /** Activations kept from forward for backward, packed [rows, ...]; the transposed weights; backward's per-chunk and per-step scratch. */
    public static final class Buffers {
        final float[] gates; // [rows, G] activated i, f, g, o
        final float[] c; // [rows, H]
        final float[] tanhC; // [rows, H]
        public final float[] h; // [rows, H] the layer's output
        final float[] hPrev; // [rows, H] h_{t-1} aligned with step t's rows (zero at t = 0)
        final float[] dGates; // [chunk rows, G] gradient of the pre-activation gates, one chunk of steps at a time
        final float[] dhNext; // [batch, H]
        final float[] dcNext; // [batch, H]
        final float[] zeros; // [H] the cell before the first step
        final float[] wIhT; // [input, G] W_ih transposed once per forward for the input projections
        final float[] wHhT; // [H, G] W_hh transposed once per forward for the per-step products

        public Buffers(int maxRows, int maxBatch, int input, int hidden) {
            int g = 4 * hidden;
            gates = new float[maxRows * g];
            c = new float[maxRows * hidden];
            tanhC = new float[maxRows * hidden];
            h = new float[maxRows * hidden];
            hPrev = new float[maxRows * hidden];
            dGates = new float[Math.min(maxRows, CHUNK_STEPS * maxBatch) * g];
            dhNext = new float[maxBatch * hidden];
            dcNext = new float[maxBatch * hidden];
            zeros = new float[hidden];
            wIhT = new float[input * g];
            wHhT = new float[hidden * g];
        }
    }

    /** Layer l of the schema's stack. */
    public LstmLayer(LstmSchema schema, int layer) {
        this(
                schema.layerInput(layer),
                schema.hiddenSize(),
                new Parameter(schema.weightIh(layer)),
                new Parameter(schema.weightHh(layer)),
                new Parameter(schema.bias(layer)));
    }

    private LstmLayer(int input, int hidden, Parameter wIh, Parameter wHh, Parameter bias) {
        this.input = input;
        this.hidden = hidden;
        this.wIh = wIh;
        this.wHh = wHh;
        this.bias = bias;
    }

    /** This layer's weights with gradients of its own. */
    public LstmLayer sharingWeights() {
        return new LstmLayer(input, hidden, wIh.sharingValue(), wHh.sharingValue(), bias.sharingValue());
    }

    /** PyTorch's init: every weight and both biases U(-1/sqrt(H), 1/sqrt(H)). */
    public void init(Random rng) {
        double bound = 1.0 / Math.sqrt(hidden);
        wIh.uniform(rng, bound);
        wHh.uniform(rng, bound);
        for (int j = 0; j < bias.size(); j++) {
            bias.value[j] = (float) ((rng.nextDouble() * 2 - 1) * bound + (rng.nextDouble() * 2 - 1) * bound);
        }
    }

    /**
     * x: [rows, input]. Writes buf.h [rows, H] and what backward needs. The steps go in chunks of
     * CHUNK_STEPS, each chunk's input projection computed just before its steps, so that its gates
     * are still in cache when the steps add to them (all steps' gates at once are megabytes).
     */
    public void forward(PackedBatch batch, float[] x, Buffers buf) {
        int g = 4 * hidden;
        Gemm.transpose(wIh.value, g, input, buf.wIhT);
        Gemm.transpose(wHh.value, g, hidden, buf.wHhT);
        float[] b = bias.value;
        for (int t0 = 0; t0 < batch.steps; t0 += CHUNK_STEPS) {
            int t1 = Math.min(batch.steps, t0 + CHUNK_STEPS);
            int row0 = batch.offset[t0];
            int rows = batch.offset[t1] - row0;
            // each row starts from the bias, so the product adds to it in one pass
            for (int r = row0; r < row0 + rows; r++) {
                System.arraycopy(b, 0, buf.gates, r * g, g);
            }
            Gemm.mm(rows, g, input, x, row0 * input, buf.wIhT, buf.gates, row0 * g, true);
            for (int t = t0; t < t1; t++) {
                step(batch, t, buf);
            }
        }
    }

    /** Step t's gates (input part already in buf.gates), cell and output. */
    private void step(PackedBatch batch, int t, Buffers buf) {
        int hs = hidden;
        int g = 4 * hs;
        int n = batch.active[t];
        int row0 = batch.offset[t];
        if (t > 0) {
            System.arraycopy(buf.h, batch.offset[t - 1] * hs, buf.hPrev, row0 * hs, n * hs);
            // the step's recurrent part added straight into its gates
            Gemm.mm(n, g, hs, buf.hPrev, row0 * hs, buf.wHhT, buf.gates, row0 * g, true);
        } else {
            Arrays.fill(buf.hPrev, 0, n * hs, 0f);
        }
        float[] cPrev = t > 0 ? buf.c : buf.zeros;
        for (int r = 0; r < n; r++) {
            int hRow = (row0 + r) * hs;
            int pRow = t > 0 ? (batch.offset[t - 1] + r) * hs : 0;
            LstmCell.forward(buf.gates, (row0 + r) * g, cPrev, pRow, buf.c, buf.tanhC, buf.h, hRow, hs);
        }
    }

    /**
     * Must follow {@link #forward} on the same buffers with unchanged weights. dH: [rows, H] gradient of the loss w.r.t. this layer's outputs. Accumulates the parameter
     * gradients; writes dX [rows, input] unless it is null.
     */
    public void backward(PackedBatch batch, float[] x, float[] dH, float[] dX, Buffers buf) {
        Arrays.fill(buf.dhNext, 0f);
        Arrays.fill(buf.dcNext, 0f);
        int last = (batch.steps - 1) / CHUNK_STEPS * CHUNK_STEPS;
        for (int t0 = last; t0 >= 0; t0 -= CHUNK_STEPS) {
            int t1 = Math.min(batch.steps, t0 + CHUNK_STEPS);
            int row0 = batch.offset[t0];
            for (int t = t1 - 1; t >= t0; t--) {
                stepBackward(batch, t, row0, dH, buf);
            }
            // the chunk's gate gradients go into the weights' while they are still in cache
            weightGradients(row0, batch.offset[t1] - row0, x, dX, buf);
        }
    }

    /** Step t's gate gradients into buf.dGates (from its chunk's first row, chunk0), and what it passes to step t - 1. */
    private void stepBackward(PackedBatch batch, int t, int chunk0, float[] dH, Buffers buf) {
        int hs = hidden;
        int g = 4 * hs;
        int n = batch.active[t];
        int row0 = batch.offset[t];
        float[] cPrev = t > 0 ? buf.c : buf.zeros;
        for (int r = 0; r < n; r++) {
            int hRow = (row0 + r) * hs;
            int pRow = t > 0 ? (batch.offset[t - 1] + r) * hs : 0;
            LstmCell.backward(
                    buf.gates,
                    (row0 + r) * g,
                    buf.tanhC,
                    dH,
                    hRow,
                    cPrev,
                    pRow,
                    buf.dhNext,
                    buf.dcNext,
                    r * hs,
                    buf.dGates,
                    (row0 - chunk0 + r) * g,
                    hs);
        }
        if (t > 0) {
            // rows >= n of dhNext/dcNext stay zero: sequences that end before step t get no gradient from it
            Gemm.mm(n, hs, g, buf.dGates, (row0 - chunk0) * g, wHh.value, buf.dhNext, 0, false);
        }
    }

    /** The parameter gradients and dX of rows [row0, row0 + rows), from their buf.dGates (a chunk's). */
    private void weightGradients(int row0, int rows, float[] x, float[] dX, Buffers buf) {
        int g = 4 * hidden;
        Gemm.tmmAdd(g, input, rows, buf.dGates, 0, x, row0 * input, wIh.grad);
        Gemm.tmmAdd(g, hidden, rows, buf.dGates, 0, buf.hPrev, row0 * hidden, wHh.grad);
        float[] db = bias.grad;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < g; j++) {
                db[j] += buf.dGates[r * g + j];
            }
        }
        if (dX != null) {
            Gemm.mm(rows, input, g, buf.dGates, 0, wIh.value, dX, row0 * input, false);
        }
    }
}
