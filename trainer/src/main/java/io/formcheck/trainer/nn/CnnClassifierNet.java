package io.formcheck.trainer.nn;

import io.formcheck.model.CnnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 1D-CNN classifier: temporal convolutions (ReLU) over the standardized readings, the mean over each
 * sequence's real steps (padding-aware pooling), then the same {@link ClassifierHead} as the LSTM, which
 * may also read each window's statistics ({@link ClassifierNet}). Shapes: x [rows, in]; each layer's y
 * [rows, F]; features [batch, F].
 */
public final class CnnClassifierNet extends ClassifierNet {
    /** Sizes and the head's dropout rate; statistics: S, the window statistics the head reads too (0: none). */
    public record Shape(
            int input, int filters, int kernel, int layers, int statistics, int head, int classes, float dropout) {
        public Shape(int input, int filters, int kernel, int layers, int head, int classes, float dropout) {
            this(input, filters, kernel, layers, 0, head, classes, dropout);
        }

        /** What the model file holds of it: all but the dropout rate. */
        public CnnSchema schema() {
            return new CnnSchema(input, filters, kernel, layers, statistics, head, classes);
        }
    }

    public final Shape shape;
    public final ConvLayer[] conv;

    private static final class Buffers implements EncoderBuffers {
        final ConvLayer.Buffers[] layers;
        final float[][] dY; // [layers][rows, F]

        Buffers(Shape s, int maxRows) {
            layers = new ConvLayer.Buffers[s.layers];
            dY = new float[s.layers][];
            for (int l = 0; l < s.layers; l++) {
                layers[l] = new ConvLayer.Buffers(maxRows, l == 0 ? s.input : s.filters, s.filters, s.kernel);
                dY[l] = new float[maxRows * s.filters];
            }
        }
    }

    public CnnClassifierNet(Shape shape) {
        super(shape.input, shape.statistics, new ClassifierHead(shape.schema().head(), shape.dropout));
        this.shape = shape;
        CnnSchema schema = shape.schema();
        this.conv = new ConvLayer[shape.layers];
        for (int l = 0; l < shape.layers; l++) {
            conv[l] = new ConvLayer(schema, l);
        }
    }

    private CnnClassifierNet(CnnClassifierNet of, ClassifierHead head) {
        super(of.shape.input, of.shape.statistics, head);
        this.shape = of.shape;
        this.conv = new ConvLayer[of.conv.length];
        for (int l = 0; l < conv.length; l++) {
            conv[l] = of.conv[l].sharingWeights();
        }
    }

    @Override
    protected ClassifierNet sharingWeights(ClassifierHead head) {
        return new CnnClassifierNet(this, head);
    }

    @Override
    public Map<String, String> architecture() {
        return shape.schema().header();
    }

    @Override
    protected void initEncoder(Random rng) {
        for (ConvLayer layer : conv) {
            layer.init(rng);
        }
    }

    @Override
    protected List<Parameter> encoderParameters() {
        List<Parameter> ps = new ArrayList<>();
        for (ConvLayer layer : conv) {
            ps.addAll(List.of(layer.weight, layer.bias));
        }
        return ps;
    }

    @Override
    protected EncoderBuffers encoderBuffers(int maxBatch, int maxRows) {
        return new Buffers(shape, maxRows);
    }

    @Override
    protected void encoderForward(PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] features) {
        Buffers buf = (Buffers) buffers;
        float[] x = batch.x;
        for (int l = 0; l < conv.length; l++) {
            conv[l].forward(batch, x, buf.layers[l]);
            x = buf.layers[l].y;
        }
        MeanPool.forward(batch, x, shape.filters, features);
    }

    @Override
    protected void encoderBackward(
            PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] dFeatures, float[] dX) {
        Buffers buf = (Buffers) buffers;
        int top = conv.length - 1;
        MeanPool.backward(batch, dFeatures, shape.filters, buf.dY[top]);
        for (int l = top; l >= 0; l--) {
            conv[l].backward(batch, buf.dY[l], l == 0 ? dX : buf.dY[l - 1], buf.layers[l]);
        }
    }
}
