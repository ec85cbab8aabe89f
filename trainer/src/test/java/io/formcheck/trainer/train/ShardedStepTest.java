package io.formcheck.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.trainer.nn.LstmClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.PackedBatch;
import io.formcheck.trainer.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two shards on two threads add up to the gradient and loss of the whole batch in one piece. */
class ShardedStepTest {
    @Test
    void shardsAddUpToTheWholeBatch() {
        int f = 6;
        LstmClassifierNet net = new LstmClassifierNet(new LstmClassifierNet.Shape(f, 8, 2, 4, 3, 0f));
        net.init(new Random(1));
        Random rng = new Random(2);
        List<float[]> seqs = new ArrayList<>();
        int[] labels = new int[7];
        for (int i = 0; i < labels.length; i++) {
            float[] s = new float[(1 + rng.nextInt(9)) * f];
            for (int j = 0; j < s.length; j++) {
                s[j] = (float) rng.nextGaussian();
            }
            seqs.add(s);
            labels[i] = i % 3;
        }
        PackedBatch whole = PackedBatch.of(seqs, labels, f);
        for (Parameter p : net.parameters()) {
            p.zeroGrad();
        }
        float loss = net.forwardBackward(whole, net.workspace(whole.size, whole.rows), Mode.EVAL, whole.size);
        List<float[]> expected =
                net.parameters().stream().map(p -> p.grad.clone()).toList();

        try (ShardedStep step = new ShardedStep(net, 7, 9)) {
            ShardedStep.Outcome outcome = step.run(new Trainer.Examples(seqs, labels), new Random(3));
            assertEquals(loss * 7, outcome.lossSum(), 1e-4);
        }
        List<Parameter> params = net.parameters();
        for (int k = 0; k < params.size(); k++) {
            for (int i = 0; i < expected.get(k).length; i++) {
                assertEquals(expected.get(k)[i], params.get(k).grad[i], 1e-6, params.get(k).name + "[" + i + "]");
            }
        }
    }
}
