package io.formcheck.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.model.TensorSpec;
import io.formcheck.trainer.nn.LstmClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.nn.PackedBatch;
import io.formcheck.trainer.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two shards on two threads add up to the gradient and loss of the whole batch in one piece, and the
 * optimizer's step split over the threads moves the weights to the same bits as the step in one piece.
 */
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
        List<Parameter> params = net.parameters();
        Optimizer optimizer = Optimizer.create(Optimizer.Kind.ADAM, params, 0.01f, 0.001f);
        List<Parameter> reference = new ArrayList<>();
        for (Parameter p : params) {
            Parameter copy = new Parameter(new TensorSpec(p.name, p.shape));
            System.arraycopy(p.value, 0, copy.value, 0, p.size());
            reference.add(copy);
        }
        Optimizer inOnePiece = Optimizer.create(Optimizer.Kind.ADAM, reference, 0.01f, 0.001f);
        try (ShardedStep step = new ShardedStep(net, 7, 9)) {
            assertOneStep(net, step, new Trainer.Examples(seqs, labels), optimizer, reference, inOnePiece);
            // one example leaves the second shard idle, holding the last batch's gradient
            assertOneStep(
                    net,
                    step,
                    new Trainer.Examples(seqs.subList(0, 1), new int[] {labels[0]}),
                    optimizer,
                    reference,
                    inOnePiece);
        }
    }

    /**
     * The shards' loss and summed gradient are the whole batch's, and the summed gradient stepped in one
     * piece on the reference copy of the weights gives the weights' new bits.
     */
    private static void assertOneStep(
            LstmClassifierNet net,
            ShardedStep step,
            Trainer.Examples examples,
            Optimizer optimizer,
            List<Parameter> reference,
            Optimizer inOnePiece) {
        List<Parameter> params = net.parameters();
        PackedBatch whole = PackedBatch.of(examples.sequences(), examples.labels(), net.inputs());
        for (Parameter p : params) {
            p.zeroGrad();
        }
        float loss = net.forwardBackward(whole, net.workspace(whole.size, whole.rows), Mode.EVAL, whole.size);
        List<float[]> expected = params.stream().map(p -> p.grad.clone()).toList();

        ShardedStep.Outcome outcome = step.run(examples, new Random(3), optimizer);
        assertEquals(loss * whole.size, outcome.lossSum(), 1e-4);
        for (int k = 0; k < params.size(); k++) {
            for (int i = 0; i < expected.get(k).length; i++) {
                assertEquals(expected.get(k)[i], params.get(k).grad[i], 1e-6, params.get(k).name + "[" + i + "]");
            }
            System.arraycopy(
                    params.get(k).grad,
                    0,
                    reference.get(k).grad,
                    0,
                    params.get(k).size());
        }
        inOnePiece.step();
        for (int k = 0; k < params.size(); k++) {
            assertArrayEquals(reference.get(k).value, params.get(k).value, params.get(k).name);
        }
    }
}
