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
 * Shapes: x [rows, in]; each layer's h [rows, H]; features [batch, H].
 */
public final class LstmClassifierNet extends ClassifierNet {
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

    private static final class Buffers implements EncoderBuffers {
        final LstmLayer.Buffers[] layers;
        final float[][] input; // [layers][rows, H] input of layer l > 0 after dropout
        final float[][] dropMask; // [layers][rows, H]
        final float[][] dH; // [layers][rows, H]
        final float[] dX; // [rows, H]

        Buffers(Shape s, int maxBatch, int maxRows) {
            layers = new LstmLayer.Buffers[s.layers];
            input = new float[s.layers][];
            dropMask = new float[s.layers][];
            dH = new float[s.layers][];
            for (int l = 0; l < s.layers; l++) {
                layers[l] = new LstmLayer.Buffers(maxRows, maxBatch, l == 0 ? s.input : s.hidden, s.hidden);
                dH[l] = new float[maxRows * s.hidden];
                if (l > 0) {
                    input[l] = new float[maxRows * s.hidden];
                    dropMask[l] = new float[maxRows * s.hidden];
                }
            }
            dX = new float[maxRows * s.hidden];
        }
    }

    public LstmClassifierNet(Shape shape) {
        super(shape.input, 0, new ClassifierHead(shape.schema().head(), shape.dropout));
        this.shape = shape;
        LstmSchema schema = shape.schema();
        this.lstm = new LstmLayer[shape.layers];
        for (int l = 0; l < shape.layers; l++) {
            lstm[l] = new LstmLayer(schema, l);
        }
    }

    private LstmClassifierNet(LstmClassifierNet of, ClassifierHead head) {
        super(of.shape.input, 0, head);
        this.shape = of.shape;
        this.lstm = new LstmLayer[of.lstm.length];
        for (int l = 0; l < lstm.length; l++) {
            lstm[l] = of.lstm[l].sharingWeights();
        }
    }

    @Override
    protected ClassifierNet sharingWeights(ClassifierHead head) {
        return new LstmClassifierNet(this, head);
    }

    @Override
    public Map<String, String> architecture() {
        return shape.schema().header();
    }

    @Override
    protected void initEncoder(Random rng) {
        for (LstmLayer layer : lstm) {
            layer.init(rng);
        }
    }

    @Override
    protected List<Parameter> encoderParameters() {
        List<Parameter> ps = new ArrayList<>();
        for (LstmLayer layer : lstm) {
            ps.addAll(List.of(layer.wIh, layer.wHh, layer.bias));
        }
        return ps;
    }

    @Override
    protected EncoderBuffers encoderBuffers(int maxBatch, int maxRows) {
        return new Buffers(shape, maxBatch, maxRows);
    }

    @Override
    protected void encoderForward(PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] features) {
        Buffers buf = (Buffers) buffers;
        int hs = shape.hidden;
        float[] x = batch.x;
        for (int l = 0; l < lstm.length; l++) {
            if (l > 0) {
                Dropout.forward(
                        batch.rows * hs, shape.dropout, mode, buf.layers[l - 1].h, buf.dropMask[l], buf.input[l]);
                x = buf.input[l];
            }
            lstm[l].forward(batch, x, buf.layers[l]);
        }
        readOut(batch, buf.layers[lstm.length - 1].h, features);
    }

    @Override
    protected void encoderBackward(
            PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] dFeatures, float[] dX) {
        Buffers buf = (Buffers) buffers;
        int hs = shape.hidden;
        int top = lstm.length - 1;
        readOutBackward(batch, dFeatures, buf.dH[top]);
        for (int l = top; l >= 0; l--) {
            float[] x = l == 0 ? batch.x : buf.input[l];
            lstm[l].backward(batch, x, buf.dH[l], l == 0 ? dX : buf.dX, buf.layers[l]);
            if (l > 0) {
                Dropout.backward(batch.rows * hs, shape.dropout, mode, buf.dropMask[l], buf.dX);
                System.arraycopy(buf.dX, 0, buf.dH[l - 1], 0, batch.rows * hs);
            }
        }
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
}
