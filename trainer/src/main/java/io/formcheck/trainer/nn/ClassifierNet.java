package io.formcheck.trainer.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trainable sequence classifier: an encoder that reads each sequence of a {@link PackedBatch} into
 * one feature vector, then the {@link ClassifierHead}. Each network supplies its encoder's parameters,
 * buffers, forward and backward; the head, the workspace and the order of the passes are here.
 *
 * <p>Shapes: x [rows, in] packed; features [batch, E] in packed order; the head reads [batch, E + S],
 * each sequence's features followed by its S window statistics (S = 0: the features alone);
 * logits [batch, C].
 */
public abstract class ClassifierNet {
    /** The encoder's activations, kept from its forward for its backward. */
    protected interface EncoderBuffers {}

    /** Every buffer one batch needs, allocated once for the largest batch and reused. */
    public static final class Workspace {
        private final int maxBatch;
        private final int maxRows;
        private final EncoderBuffers encoder;
        private final ClassifierHead.Buffers head;
        private final float[] features; // [batch, E] when S > 0; otherwise the encoder writes the head's input
        private final float[] dFeatures; // [batch, E] when S > 0
        private final float[] dX; // [rows, in] gradient w.r.t. batch.x, or null when not asked for

        private Workspace(
                int maxBatch,
                int maxRows,
                EncoderBuffers encoder,
                ClassifierHead.Buffers head,
                int encoded,
                boolean statistics,
                float[] dX) {
            this.maxBatch = maxBatch;
            this.maxRows = maxRows;
            this.encoder = encoder;
            this.head = head;
            this.features = statistics ? new float[maxBatch * encoded] : head.input;
            this.dFeatures = statistics ? new float[maxBatch * encoded] : head.dInput;
            this.dX = dX;
        }

        /** Whether a batch of that many sequences and rows fits. */
        public boolean fits(int batch, int rows) {
            return batch <= maxBatch && rows <= maxRows;
        }

        /** The head's buffers: logits and probabilities [batch, C] in packed order. */
        public ClassifierHead.Buffers head() {
            return head;
        }

        /** After {@link #forwardBackward}: the loss's gradient w.r.t. batch.x, [rows, in] packed as x. */
        public float[] inputGradient() {
            if (dX == null) {
                throw new IllegalStateException("this workspace was made without an input gradient");
            }
            return dX;
        }
    }

    private final int inputs;
    private final int statistics;
    private final ClassifierHead head;

    /** statistics: S, the window statistics the head reads after the encoder's features. */
    protected ClassifierNet(int inputs, int statistics, ClassifierHead head) {
        this.inputs = inputs;
        this.statistics = statistics;
        this.head = head;
    }

    public final int inputs() {
        return inputs;
    }

    /** S: the window statistics each sequence brings (0: none). */
    public final int statistics() {
        return statistics;
    }

    private int encoded() {
        return head.fc1.input - statistics;
    }

    public final int classes() {
        return head.fc2.output;
    }

    public final void init(Random rng) {
        initEncoder(rng);
        head.init(rng);
    }

    public final List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(encoderParameters());
        ps.addAll(head.parameters());
        return ps;
    }

    /** A network on the same weights with gradients of its own, for a second thread's share of a batch. */
    public final ClassifierNet replica() {
        return sharingWeights(head.sharingWeights());
    }

    public final Workspace workspace(int maxBatch, int maxRows) {
        return workspace(maxBatch, maxRows, null);
    }

    /** A workspace in which {@link #forwardBackward} also writes the gradient w.r.t. the inputs. */
    public final Workspace workspaceWithInputGradient(int maxBatch, int maxRows) {
        return workspace(maxBatch, maxRows, new float[maxRows * inputs]);
    }

    private Workspace workspace(int maxBatch, int maxRows, float[] inputGradient) {
        return new Workspace(
                maxBatch,
                maxRows,
                encoderBuffers(maxBatch, maxRows),
                head.buffers(maxBatch),
                encoded(),
                statistics > 0,
                inputGradient);
    }

    /** Writes the logits into ws.head(). */
    public final void forward(PackedBatch batch, Workspace ws, Mode mode) {
        if (batch.size > ws.maxBatch || batch.rows > ws.maxRows) {
            throw new IllegalArgumentException("workspace too small for " + batch);
        }
        if (batch.statisticsWidth != statistics) {
            throw new IllegalArgumentException(
                    "the network reads " + statistics + " window statistics, the batch has " + batch.statisticsWidth);
        }
        encoderForward(batch, ws.encoder, mode, ws.features);
        if (statistics > 0) {
            int e = encoded();
            for (int b = 0; b < batch.size; b++) {
                System.arraycopy(ws.features, b * e, ws.head.input, b * (e + statistics), e);
                System.arraycopy(batch.statistics, b * statistics, ws.head.input, b * (e + statistics) + e, statistics);
            }
        }
        head.forward(batch.size, ws.head, mode);
    }

    /**
     * Forward and backward: accumulates every parameter's gradient of the summed loss divided by
     * batchTotal (the whole batch, of which this may be a share); returns the mean loss of this share.
     */
    public final float forwardBackward(PackedBatch batch, Workspace ws, Mode mode, int batchTotal) {
        forward(batch, ws, mode);
        float loss = head.backward(batch.size, batch.labels, batchTotal, ws.head, mode);
        if (statistics > 0) {
            int e = encoded();
            for (int b = 0; b < batch.size; b++) {
                System.arraycopy(ws.head.dInput, b * (e + statistics), ws.dFeatures, b * e, e);
            }
        }
        encoderBackward(batch, ws.encoder, mode, ws.dFeatures, ws.dX);
        return loss;
    }

    /** The model file header entries that describe this architecture (its schema's). */
    public abstract Map<String, String> architecture();

    protected abstract List<Parameter> encoderParameters();

    protected abstract void initEncoder(Random rng);

    /** This network's encoder on the same weights with gradients of its own, ending in head. */
    protected abstract ClassifierNet sharingWeights(ClassifierHead head);

    protected abstract EncoderBuffers encoderBuffers(int maxBatch, int maxRows);

    /** batch.x [rows, in] to features [batch, E]; keeps what backward needs in buffers. */
    protected abstract void encoderForward(PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] features);

    /**
     * After encoderForward on the same buffers and weights: dFeatures [batch, E] (may be overwritten)
     * to the encoder's parameter gradients (accumulated), and dX [rows, in] unless it is null.
     */
    protected abstract void encoderBackward(
            PackedBatch batch, EncoderBuffers buffers, Mode mode, float[] dFeatures, float[] dX);
}
