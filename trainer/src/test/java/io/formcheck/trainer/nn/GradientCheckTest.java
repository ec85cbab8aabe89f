package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Analytic gradients of every parameter against central finite differences, on a tiny 2-layer network
 * with sequences of different lengths (so packing and last-step readout are exercised) and with
 * dropout on (the same seeded masks in every evaluation).
 */
class GradientCheckTest {
    static final int F = 3;

    @Test
    void everyParameterGradientMatchesFiniteDifferences() {
        for (float dropout : new float[] {0f, 0.3f}) {
            check(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 4, 2, 5, 3, dropout)), dropout);
            check(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 4, 1, 5, 3, dropout, true)), dropout);
            check(new CnnClassifierNet(new CnnClassifierNet.Shape(F, 4, 3, 2, 5, 3, dropout)), dropout);
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
        PackedBatch batch = batch();
        ClassifierNet.Workspace ws = net.workspace(batch.size, batch.rows);
        for (Parameter p : net.parameters()) {
            p.zeroGrad();
        }
        net.forwardBackward(batch, ws, new Random(11), batch.size);
        Map<Parameter, float[]> analytic = new IdentityHashMap<>();
        for (Parameter p : net.parameters()) {
            analytic.put(p, p.grad.clone());
        }
        double eps = 1e-2;
        for (Parameter p : net.parameters()) {
            double worst = 0;
            for (int i = 0; i < p.size(); i++) {
                float saved = p.value[i];
                p.value[i] = (float) (saved + eps);
                double plus = net.forwardBackward(batch, ws, new Random(11), batch.size);
                p.value[i] = (float) (saved - eps);
                double minus = net.forwardBackward(batch, ws, new Random(11), batch.size);
                p.value[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                worst = Math.max(worst, Math.abs(numeric - analytic.get(p)[i]) / (1e-3 + Math.abs(numeric)));
            }
            assertTrue(
                    worst < 2e-2,
                    net.architecture().get("architecture") + " " + p.name + " (dropout " + dropout
                            + "): worst relative error " + worst);
        }
    }

    static PackedBatch batch() {
        return PackedBatch.of(RandomSequences.of(new int[] {2, 5, 1, 4}, F, 5), new int[] {0, 2, 1, 2}, F);
    }
}
