package io.formcheck.trainer.nn;

import io.formcheck.model.LstmSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seed's classifier, trainable: stacked LSTM with dropout between layers, then each sequence's
 * last real step (or, with mean pooling, the mean over its real steps), then the {@link ClassifierHead}.
 */
public final class LstmClassifierNet implements ClassifierNet {
    /** Sizes, dropout rate and how the sequence is read out. */
    public record Shape(int input, int hidden, int layers, int head, int classes, float dropout, boolean meanPooling) {
        public Shape(int input, int hidden, int layers, int head, int classes, float dropout) {
            this(input, hidden, layers, head, classes, dropout, false);
        }

        /** What the model file holds of it: all but the dropout rate. */
        public LstmSchema schema() {
            return new LstmSchema(
                    input,
                    hidden,
                    layers,
                    meanPooling ? LstmSchema.Pooling.MEAN : LstmSchema.Pooling.LAST,
                    head,
                    classes);
        }
    }

    public final Shape shape;
    public final LstmLayer[] lstm;
    public final ClassifierHead head;

    /** Every buffer one batch needs, allocated once for the largest batch and reused. */
    public static final class Workspace implements ClassifierNet.Workspace {
        final int maxBatch;
        final int maxRows;
        final LstmLayer.Buffers[] layers;
        final float[][] input; // [layers][rows, H] input of layer l > 0 after dropout
        final float[][] dropMask; // [layers][rows, H]
        final float[][] dH; // [layers][rows, H]
        final float[] dX; // [rows, H]
        final ClassifierHead.Buffers head;

        Workspace(Shape s, ClassifierHead classifier, int maxBatch, int maxRows) {
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
            head = classifier.buffers(maxBatch);
        }

        @Override
        public ClassifierHead.Buffers head() {
            return head;
        }
    }

    public LstmClassifierNet(Shape shape) {
        this.shape = shape;
        LstmSchema schema = shape.schema();
        this.lstm = new LstmLayer[shape.layers];
        for (int l = 0; l < shape.layers; l++) {
            lstm[l] = new LstmLayer(schema, l);
        }
        this.head = new ClassifierHead(schema.head(), shape.dropout);
    }

    private LstmClassifierNet(LstmClassifierNet of) {
        this.shape = of.shape;
        this.lstm = new LstmLayer[of.lstm.length];
        for (int l = 0; l < lstm.length; l++) {
            lstm[l] = of.lstm[l].sharingWeights();
        }
        this.head = of.head.sharingWeights();
    }

    @Override
    public LstmClassifierNet replica() {
        return new LstmClassifierNet(this);
    }

    @Override
    public int inputs() {
        return shape.input;
    }

    @Override
    public int classes() {
        return shape.classes;
    }

    @Override
    public void init(Random rng) {
        for (LstmLayer layer : lstm) {
            layer.init(rng);
        }
        head.init(rng);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (LstmLayer layer : lstm) {
            ps.addAll(List.of(layer.wIh, layer.wHh, layer.bias));
        }
        ps.addAll(head.parameters());
        return ps;
    }

    @Override
    public Workspace workspace(int maxBatch, int maxRows) {
        return new Workspace(shape, head, maxBatch, maxRows);
    }

    @Override
    public Map<String, String> architecture() {
        return shape.schema().header();
    }

    @Override
    public void forward(PackedBatch batch, ClassifierNet.Workspace workspace, Random rng) {
        Workspace ws = (Workspace) workspace;
        if (batch.size > ws.maxBatch || batch.rows > ws.maxRows) {
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
        readOut(batch, ws.layers[lstm.length - 1].h, ws.head.input);
        head.forward(batch.size, ws.head, rng);
    }

    /** out [batch, H]: each sequence's last real step, or the mean of its real steps. */
    private void readOut(PackedBatch batch, float[] top, float[] out) {
        int hs = shape.hidden;
        if (shape.meanPooling) {
            MeanPool.forward(batch, top, hs, out);
            return;
        }
        for (int b = 0; b < batch.size; b++) {
            System.arraycopy(top, batch.lastRow(b) * hs, out, b * hs, hs);
        }
    }

    /** The gradient of readOut: dOut [batch, H] into dTop [rows, H]. */
    private void readOutBackward(PackedBatch batch, float[] dOut, float[] dTop) {
        int hs = shape.hidden;
        if (shape.meanPooling) {
            MeanPool.backward(batch, dOut, hs, dTop);
            return;
        }
        Arrays.fill(dTop, 0, batch.rows * hs, 0f);
        for (int b = 0; b < batch.size; b++) {
            System.arraycopy(dOut, b * hs, dTop, batch.lastRow(b) * hs, hs);
        }
    }

    @Override
    public float forwardBackward(PackedBatch batch, ClassifierNet.Workspace workspace, Random rng, int batchTotal) {
        Workspace ws = (Workspace) workspace;
        forward(batch, ws, rng);
        int hs = shape.hidden;
        float loss = head.backward(batch.size, batch.labels, batchTotal, ws.head, rng);
        int top = lstm.length - 1;
        readOutBackward(batch, ws.head.dInput, ws.dH[top]);
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
