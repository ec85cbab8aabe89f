package io.formcheck.trainer.nn;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** A trainable sequence classifier: a feature extractor over a {@link PackedBatch}, then a {@link ClassifierHead}. */
public interface ClassifierNet {
    /** Every buffer one batch needs, allocated once for the largest batch and reused. */
    interface Workspace {
        /** The head's buffers: logits and probabilities [batch, C] in packed order. */
        ClassifierHead.Buffers head();
    }

    int inputs();

    int classes();

    void init(Random rng);

    List<Parameter> parameters();

    /** A network on the same weights with gradients of its own, for a second thread's share of a batch. */
    ClassifierNet replica();

    Workspace workspace(int maxBatch, int maxRows);

    /** Writes the logits into the workspace; rng non-null turns dropout on (training). */
    void forward(PackedBatch batch, Workspace ws, Random rng);

    /**
     * Forward and backward: accumulates every parameter's gradient of the summed loss divided by
     * batchTotal (the whole batch, of which this may be a share); returns the mean loss of this share.
     */
    float forwardBackward(PackedBatch batch, Workspace ws, Random rng, int batchTotal);

    /** The model file header entries that describe this architecture (read back by the model module). */
    Map<String, String> architecture();
}
