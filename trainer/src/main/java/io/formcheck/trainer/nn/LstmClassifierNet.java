package io.formcheck.trainer.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The seed's classifier, trainable: stacked LSTM with dropout between layers, the last real step of
 * each sequence, Linear(H, D), ReLU, dropout, Linear(D, C), softmax cross-entropy.
 */
public final class LstmClassifierNet {
    /** Sizes and dropout rate of the network. */
    public record Shape(int input, int hidden, int layers, int head, int classes, float dropout) {
    }

    public final Shape shape;
    public final LstmLayer[] lstm;
    public final LinearLayer fc1;
    public final LinearLayer fc2;

    /** Every buffer one batch needs, allocated once for the largest batch and reused. */
    public static final class Workspace {
        final int maxBatch;
        final int maxRows;
        final LstmLayer.Buffers[] layers;
        final float[][] input;    // [layers][rows, H] input of layer l > 0 after dropout
        final float[][] dropMask; // [layers][rows, H]
        final float[][] dH;       // [layers][rows, H]
        final float[] dX;         // [rows, H]
        final float[] last;       // [batch, H]
        final float[] dLast;      // [batch, H]
        final float[] fc1Out;     // [batch, D] after ReLU
        final float[] head;       // [batch, D] after dropout
        final float[] headMask;   // [batch, D]
        final float[] dHead;      // [batch, D]
        public final float[] logits; // [batch, C]
        public final float[] probs;  // [batch, C]
        final float[] dLogits;    // [batch, C]

        public Workspace(Shape s, int maxBatch, int maxRows) {
            this.maxBatch = maxBatch;
            this.maxRows = maxRows;
            layers = new LstmLayer.Buffers[s.layers];
            input = new float[s.layers][];
            dropMask = new float[s.layers][];
            dH = new float[s.layers][];
            for (int l = 0; l < s.layers; l++) {
                layers[l] = new LstmLayer.Buffers(maxRows, maxBatch, s.hidden);
                dH[l] = new float[maxRows * s.hidden];
                if (l > 0) {
                    input[l] = new float[maxRows * s.hidden];
                    dropMask[l] = new float[maxRows * s.hidden];
                }
            }
            dX = new float[maxRows * s.hidden];
            last = new float[maxBatch * s.hidden];
            dLast = new float[maxBatch * s.hidden];
            fc1Out = new float[maxBatch * s.head];
            head = new float[maxBatch * s.head];
            headMask = new float[maxBatch * s.head];
            dHead = new float[maxBatch * s.head];
            logits = new float[maxBatch * s.classes];
            probs = new float[maxBatch * s.classes];
            dLogits = new float[maxBatch * s.classes];
        }

        boolean fits(PackedBatch b) {
            return b.size <= maxBatch && b.rows <= maxRows;
        }
    }

    public LstmClassifierNet(Shape shape) {
        this.shape = shape;
        this.lstm = new LstmLayer[shape.layers];
        for (int l = 0; l < shape.layers; l++) {
            lstm[l] = new LstmLayer("lstm." + l, l == 0 ? shape.input : shape.hidden, shape.hidden);
        }
        this.fc1 = new LinearLayer("fc1", shape.hidden, shape.head);
        this.fc2 = new LinearLayer("fc2", shape.head, shape.classes);
    }

    private LstmClassifierNet(LstmClassifierNet of) {
        this.shape = of.shape;
        this.lstm = new LstmLayer[of.lstm.length];
        for (int l = 0; l < lstm.length; l++) {
            lstm[l] = of.lstm[l].sharingWeights();
        }
        this.fc1 = of.fc1.sharingWeights();
        this.fc2 = of.fc2.sharingWeights();
    }

    /**
     * A network on the same weights (every update shows in both) with gradients of its own, so that
     * two threads can each take part of a batch; {@link #parameters()} lists both in the same order.
     */
    public LstmClassifierNet replica() {
        return new LstmClassifierNet(this);
    }

    public void init(Random rng) {
        for (LstmLayer layer : lstm) {
            layer.init(rng);
        }
        fc1.init(rng);
        fc2.init(rng);
    }

    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (LstmLayer layer : lstm) {
            ps.addAll(List.of(layer.wIh, layer.wHh, layer.bias));
        }
        ps.addAll(List.of(fc1.weight, fc1.bias, fc2.weight, fc2.bias));
        return ps;
    }

    public Workspace workspace(int maxBatch, int maxRows) {
        return new Workspace(shape, maxBatch, maxRows);
    }

    /**
     * Forward pass; writes ws.logits [batch, C] in packed order. With rng non-null, dropout is on
     * (training); with null, the network is deterministic (evaluation).
     */
    public void forward(PackedBatch batch, Workspace ws, Random rng) {
        if (!ws.fits(batch)) {
            throw new IllegalArgumentException("workspace too small for " + batch);
        }
        int hs = shape.hidden;
        float p = shape.dropout;
        float[] x = batch.x;
        for (int l = 0; l < lstm.length; l++) {
            if (l > 0) {
                float[] below = ws.layers[l - 1].h;
                if (rng != null && p > 0) {
                    Dropout.forward(batch.rows * hs, p, rng, below, ws.dropMask[l], ws.input[l]);
                } else {
                    System.arraycopy(below, 0, ws.input[l], 0, batch.rows * hs);
                }
                x = ws.input[l];
            }
            lstm[l].forward(batch, x, ws.layers[l]);
        }
        float[] top = ws.layers[lstm.length - 1].h;
        for (int b = 0; b < batch.size; b++) {
            System.arraycopy(top, batch.lastRow(b) * hs, ws.last, b * hs, hs);
        }
        int n = batch.size;
        int d = shape.head;
        fc1.forward(n, ws.last, ws.fc1Out);
        for (int i = 0; i < n * d; i++) {
            ws.fc1Out[i] = Math.max(0f, ws.fc1Out[i]);
        }
        if (rng != null && p > 0) {
            Dropout.forward(n * d, p, rng, ws.fc1Out, ws.headMask, ws.head);
        } else {
            System.arraycopy(ws.fc1Out, 0, ws.head, 0, n * d);
        }
        fc2.forward(n, ws.head, ws.logits);
    }

    /** Training step's forward and backward: accumulates every parameter's gradient, returns the mean loss. */
    public float forwardBackward(PackedBatch batch, Workspace ws, Random rng) {
        return forwardBackward(batch, ws, rng, batch.size);
    }

    /**
     * As above, for a share of a larger batch: the gradient is that of the summed loss divided by
     * batchTotal, so the shares' gradients add up to the gradient of the whole batch's mean loss.
     */
    public float forwardBackward(PackedBatch batch, Workspace ws, Random rng, int batchTotal) {
        forward(batch, ws, rng);
        int n = batch.size;
        int hs = shape.hidden;
        int d = shape.head;
        float loss = SoftmaxCrossEntropy.forward(n, shape.classes, ws.logits, batch.labels, ws.probs);
        SoftmaxCrossEntropy.backward(n, batchTotal, shape.classes, ws.probs, batch.labels, ws.dLogits);
        fc2.backward(n, ws.head, ws.dLogits, ws.dHead);
        if (rng != null && shape.dropout > 0) {
            Dropout.backward(n * d, ws.headMask, ws.dHead);
        }
        for (int i = 0; i < n * d; i++) {
            if (ws.fc1Out[i] <= 0f) {
                ws.dHead[i] = 0f;
            }
        }
        fc1.backward(n, ws.last, ws.dHead, ws.dLast);
        int top = lstm.length - 1;
        Arrays.fill(ws.dH[top], 0, batch.rows * hs, 0f);
        for (int b = 0; b < n; b++) {
            System.arraycopy(ws.dLast, b * hs, ws.dH[top], batch.lastRow(b) * hs, hs);
        }
        for (int l = top; l >= 0; l--) {
            float[] x = l == 0 ? batch.x : ws.input[l];
            lstm[l].backward(batch, x, ws.dH[l], l == 0 ? null : ws.dX, ws.layers[l]);
            if (l > 0) {
                if (rng != null && shape.dropout > 0) {
                    Dropout.backward(batch.rows * hs, ws.dropMask[l], ws.dX);
                }
                System.arraycopy(ws.dX, 0, ws.dH[l - 1], 0, batch.rows * hs);
            }
        }
        return loss;
    }
}
