package io.formcheck.trainer.nn;

import io.formcheck.model.CnnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 1D-CNN classifier: temporal convolutions (ReLU) over the standardized readings, the mean over each
 * sequence's real steps (padding-aware pooling), then the same {@link ClassifierHead} as the LSTM.
 */
public final class CnnClassifierNet implements ClassifierNet {
    /** Sizes and the head's dropout rate. */
    public record Shape(int input, int filters, int kernel, int layers, int head, int classes, float dropout) {
        /** What the model file holds of it: all but the dropout rate. */
        public CnnSchema schema() {
            return new CnnSchema(input, filters, kernel, layers, head, classes);
        }
    }

    public final Shape shape;
    public final ConvLayer[] conv;
    public final ClassifierHead head;

    /** Every buffer one batch needs. */
    public static final class Workspace implements ClassifierNet.Workspace {
        final int maxBatch;
        final int maxRows;
        final ConvLayer.Buffers[] layers;
        final float[][] dY; // [layers][rows, F]
        final ClassifierHead.Buffers head;

        Workspace(Shape s, ClassifierHead classifier, int maxBatch, int maxRows) {
            this.maxBatch = maxBatch;
            this.maxRows = maxRows;
            layers = new ConvLayer.Buffers[s.layers];
            dY = new float[s.layers][];
            for (int l = 0; l < s.layers; l++) {
                layers[l] = new ConvLayer.Buffers(maxRows, l == 0 ? s.input : s.filters, s.filters, s.kernel);
                dY[l] = new float[maxRows * s.filters];
            }
            head = classifier.buffers(maxBatch);
        }

        @Override
        public ClassifierHead.Buffers head() {
            return head;
        }
    }

    public CnnClassifierNet(Shape shape) {
        this.shape = shape;
        CnnSchema schema = shape.schema();
        this.conv = new ConvLayer[shape.layers];
        for (int l = 0; l < shape.layers; l++) {
            conv[l] = new ConvLayer(schema, l);
        }
        this.head = new ClassifierHead(schema.head(), shape.dropout);
    }

    private CnnClassifierNet(CnnClassifierNet of) {
        this.shape = of.shape;
        this.conv = new ConvLayer[of.conv.length];
        for (int l = 0; l < conv.length; l++) {
            conv[l] = of.conv[l].sharingWeights();
        }
        this.head = of.head.sharingWeights();
    }

    @Override
    public CnnClassifierNet replica() {
        return new CnnClassifierNet(this);
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
        for (ConvLayer layer : conv) {
            layer.init(rng);
        }
        head.init(rng);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (ConvLayer layer : conv) {
            ps.addAll(List.of(layer.weight, layer.bias));
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
        float[] x = batch.x;
        for (int l = 0; l < conv.length; l++) {
            conv[l].forward(batch, x, ws.layers[l]);
            x = ws.layers[l].y;
        }
        MeanPool.forward(batch, x, shape.filters, ws.head.input);
        head.forward(batch.size, ws.head, rng);
    }

    @Override
    public float forwardBackward(PackedBatch batch, ClassifierNet.Workspace workspace, Random rng, int batchTotal) {
        Workspace ws = (Workspace) workspace;
        forward(batch, ws, rng);
        float loss = head.backward(batch.size, batch.labels, batchTotal, ws.head, rng);
        int top = conv.length - 1;
        MeanPool.backward(batch, ws.head.dInput, shape.filters, ws.dY[top]);
        for (int l = top; l >= 0; l--) {
            conv[l].backward(batch, ws.dY[l], l == 0 ? null : ws.dY[l - 1], ws.layers[l]);
        }
        return loss;
    }
}
