package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Analytic gradients of every parameter and of the input against central finite differences, on a
 * tiny 2-layer network with sequences of different lengths (so packing and last-step readout are
 * exercised; an LSTM's are long enough for several chunks of steps, the last one partial) and with
 * dropout on (the same seeded masks in every evaluation).
 */
class GradientCheckTest {
    static final int F = 3;
    static final double EPS = 1e-2;
    static final double TOLERANCE = 2e-2;

    @Test
    void everyGradientMatchesFiniteDifferences() {
        for (float dropout : new float[] {0f, 0.3f}) {
            check(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 4, 2, 5, 3, dropout)), dropout);
            check(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 4, 1, 5, 3, dropout, true)), dropout);
            check(new CnnClassifierNet(new CnnClassifierNet.Shape(F, 4, 3, 2, 5, 3, dropout)), dropout);
            check(new CnnClassifierNet(new CnnClassifierNet.Shape(F, 4, 3, 2, 2, 5, 3, dropout)), dropout);
        }
    }

    private static void check(ClassifierNet net, float dropout) {
        net.init(new Random(3));
        if (net instanceof CnnClassifierNet cnn) {
            // keep every convolution ReLU away from its kink, where a finite difference is meaningless
            for (ConvLayer layer : cnn.conv) {
                Arrays.fill(layer.bias.value, 2f);
            }
        }
        // longer sequences would put a CNN's ReLUs at kinks, where a finite difference is meaningless
        int[] lengths = net instanceof LstmClassifierNet ? new int[] {2, 19, 1, 9} : new int[] {2, 5, 1, 4};
        PackedBatch batch = batch(lengths, net.statistics());
        ClassifierNet.Workspace ws = net.workspaceWithInputGradient(batch.size, batch.rows);
        for (Parameter p : net.parameters()) {
            p.zeroGrad();
        }
        net.forwardBackward(batch, ws, training(), batch.size);
        Map<Parameter, float[]> analytic = new IdentityHashMap<>();
        for (Parameter p : net.parameters()) {
            analytic.put(p, p.grad.clone());
        }
        String what = net.architecture().get("architecture") + " (dropout " + dropout + ") ";
        for (Parameter p : net.parameters()) {
            assertClose(analytic.get(p), p.value, net, batch, ws, what + p.name);
        }
        assertClose(ws.inputGradient().clone(), batch.x, net, batch, ws, what + "input x");
    }

    /** Each value of values nudged both ways: the loss's slope against the analytic gradient. */
    private static void assertClose(
            float[] analytic,
            float[] values,
            ClassifierNet net,
            PackedBatch batch,
            ClassifierNet.Workspace ws,
            String what) {
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + EPS);
            double plus = net.forwardBackward(batch, ws, training(), batch.size);
            values[i] = (float) (saved - EPS);
            double minus = net.forwardBackward(batch, ws, training(), batch.size);
            values[i] = saved;
            double numeric = (plus - minus) / (2 * EPS);
            worst = Math.max(worst, Math.abs(numeric - analytic[i]) / (1e-3 + Math.abs(numeric)));
        }
        assertTrue(worst < TOLERANCE, what + ": worst relative error " + worst);
    }

    /** The same dropout masks in every evaluation. */
    private static Mode training() {
        return Mode.train(new Random(11));
    }

    /** lengths: four sequences' steps; statistics: how many window statistics each sequence brings (random values, like its readings). */
    static PackedBatch batch(int[] lengths, int statistics) {
        List<float[]> side = statistics == 0 ? List.of() : RandomSequences.of(new int[] {1, 1, 1, 1}, statistics, 6);
        return PackedBatch.of(RandomSequences.of(lengths, F, 5), side, new int[] {0, 2, 1, 2}, F);
    }
}
