package io.formcheck.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.formcheck.model.Activations;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.LstmClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.PackedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scoring in two halves (on two threads where there are two cores), each in batches, gives each
 * example what it gets scored alone, in the order given, and again on a second call.
 */
class InferenceTest {
    @Test
    void eachExampleGetsItsOwnProbabilitiesInOrder() {
        int f = 6;
        int classes = 3;
        LstmClassifierNet net = new LstmClassifierNet(new LstmClassifierNet.Shape(f, 8, 2, 4, classes, 0.5f));
        net.init(new Random(1));
        Random rng = new Random(2);
        List<float[]> seqs = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // more than two batches in each half
            float[] s = new float[(1 + rng.nextInt(9)) * f];
            for (int j = 0; j < s.length; j++) {
                s[j] = (float) rng.nextGaussian();
            }
            seqs.add(s);
        }
        Inference inference = new Inference(net);
        Trainer.Examples examples = new Trainer.Examples(seqs, new int[seqs.size()]);
        float[][] first = inference.probabilities(examples);
        float[][] again = inference.probabilities(examples);
        for (int i = 0; i < seqs.size(); i++) {
            float[] expected = alone(net, seqs.get(i), classes);
            assertArrayEquals(expected, first[i], 0f, "example " + i);
            assertArrayEquals(expected, again[i], 0f, "example " + i + ", second call");
        }
    }

    private static float[] alone(ClassifierNet net, float[] sequence, int classes) {
        PackedBatch one = PackedBatch.of(List.of(sequence), List.of(), null, net.inputs());
        ClassifierNet.Workspace ws = net.workspace(1, one.rows);
        net.forward(one, ws, Mode.EVAL);
        float[] p = new float[classes];
        Activations.softmax(ws.head().logits, 0, classes, p);
        return p;
    }
}
