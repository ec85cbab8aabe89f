package io.formcheck.trainer.nn;

import io.formcheck.model.HeadSchema;
import java.util.List;
import java.util.Random;

/**
 * The classifier both networks end in: Linear(in, D), ReLU, dropout, Linear(D, C), softmax
 * cross-entropy. Shapes: input [n, in], hidden [n, D], logits [n, C].
 */
public final class ClassifierHead {
    public final LinearLayer fc1;
    public final LinearLayer fc2;
    private final float dropout;

    /** The head's activations and gradients for up to maxBatch rows. */
    public static final class Buffers {
        public final float[] input; // [batch, in] filled by the network before forward
        public final float[] dInput; // [batch, in]
        final float[] fc1Out; // [batch, D] after ReLU
        final float[] hidden; // [batch, D] after dropout
        final float[] mask; // [batch, D]
        final float[] dHidden; // [batch, D]
        public final float[] logits; // [batch, C]
        public final float[] probs; // [batch, C]
        final float[] dLogits; // [batch, C]

        Buffers(int maxBatch, int in, int d, int classes) {
            input = new float[maxBatch * in];
            dInput = new float[maxBatch * in];
            fc1Out = new float[maxBatch * d];
            hidden = new float[maxBatch * d];
            mask = new float[maxBatch * d];
            dHidden = new float[maxBatch * d];
            logits = new float[maxBatch * classes];
            probs = new float[maxBatch * classes];
            dLogits = new float[maxBatch * classes];
        }
    }

    public ClassifierHead(HeadSchema schema, float dropout) {
        this(
                new LinearLayer(schema.fc1Weight(), schema.fc1Bias()),
                new LinearLayer(schema.fc2Weight(), schema.fc2Bias()),
                dropout);
    }

    private ClassifierHead(LinearLayer fc1, LinearLayer fc2, float dropout) {
        this.fc1 = fc1;
        this.fc2 = fc2;
        this.dropout = dropout;
    }

    ClassifierHead sharingWeights() {
        return new ClassifierHead(fc1.sharingWeights(), fc2.sharingWeights(), dropout);
    }

    void init(Random rng) {
        fc1.init(rng);
        fc2.init(rng);
    }

    List<Parameter> parameters() {
        return List.of(fc1.weight, fc1.bias, fc2.weight, fc2.bias);
    }

    Buffers buffers(int maxBatch) {
        return new Buffers(maxBatch, fc1.input, fc1.output, fc2.output);
    }

    /** Reads b.input [n, in]; writes b.logits. */
    void forward(int n, Buffers b, Mode mode) {
        int d = fc1.output;
        fc1.forward(n, b.input, b.fc1Out);
        for (int i = 0; i < n * d; i++) {
            b.fc1Out[i] = Math.max(0f, b.fc1Out[i]);
        }
        Dropout.forward(n * d, dropout, mode, b.fc1Out, b.mask, b.hidden);
        fc2.forward(n, b.hidden, b.logits);
    }

    /** After forward: the loss of labels, its gradients (divided by batchTotal), and b.dInput. Returns the mean loss. */
    float backward(int n, int[] labels, int batchTotal, Buffers b, Mode mode) {
        int d = fc1.output;
        int classes = fc2.output;
        float loss = SoftmaxCrossEntropy.forward(n, classes, b.logits, labels, b.probs);
        SoftmaxCrossEntropy.backward(n, batchTotal, classes, b.probs, labels, b.dLogits);
        fc2.backward(n, b.hidden, b.dLogits, b.dHidden);
        Dropout.backward(n * d, dropout, mode, b.mask, b.dHidden);
        for (int i = 0; i < n * d; i++) {
            if (b.fc1Out[i] <= 0f) {
                b.dHidden[i] = 0f;
            }
        }
        fc1.backward(n, b.input, b.dHidden, b.dInput);
        return loss;
    }
}
