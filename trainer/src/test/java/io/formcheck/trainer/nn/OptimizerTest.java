package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.model.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerTest {
    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        Parameter p = new Parameter(new TensorSpec("w", 2));
        p.value[0] = 1f;
        p.value[1] = -1f;
        p.grad[0] = 0.3f;
        p.grad[1] = -20f;
        Optimizer.create(Optimizer.Kind.ADAM, List.of(p), 0.1f, 0f).step();
        // bias-corrected first step: m/sqrt(v) = sign(g)
        assertEquals(0.9f, p.value[0], 1e-5);
        assertEquals(-0.9f, p.value[1], 1e-5);
    }

    @Test
    void sgdMomentumAccumulates() {
        Parameter p = new Parameter(new TensorSpec("w", 1));
        p.grad[0] = 1f;
        Optimizer sgd = Optimizer.create(Optimizer.Kind.SGD, List.of(p), 0.1f, 0f);
        sgd.step();
        sgd.step();
        assertEquals(-(0.1f + 0.19f), p.value[0], 1e-6);
    }

    @Test
    void plateauHalvesTheRateAfterPatienceBadEpochs() {
        Parameter p = new Parameter(new TensorSpec("w", 1));
        Optimizer opt = Optimizer.create(Optimizer.Kind.RMSPROP, List.of(p), 1f, 0f);
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(opt, 0.5f, 2);
        plateau.step(1.0);
        plateau.step(1.0);
        plateau.step(1.0);
        assertEquals(1f, opt.learningRate());
        plateau.step(1.0);
        assertEquals(0.5f, opt.learningRate());
        plateau.step(0.5);
        assertEquals(0.5f, opt.learningRate());
    }

    /**
     * A step taken in parts, as the trainer's shard threads take it, moves every weight to the same bits as
     * the step in one piece: sizes that the parts do not divide, a parameter smaller than the parts, and the
     * parts in reverse order.
     */
    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void aStepInPartsIsTheWholeStep(Optimizer.Kind kind) {
        for (int parts : new int[] {2, 3}) {
            int[] sizes = {7, 1, 10};
            List<Parameter> whole = parameters(sizes);
            List<Parameter> parted = parameters(sizes);
            Optimizer one = Optimizer.create(kind, whole, 0.05f, 0.01f);
            Optimizer many = Optimizer.create(kind, parted, 0.05f, 0.01f);
            Random rng = new Random(parts);
            for (int step = 0; step < 4; step++) {
                for (int k = 0; k < sizes.length; k++) {
                    for (int i = 0; i < sizes[k]; i++) {
                        whole.get(k).grad[i] = (float) rng.nextGaussian();
                    }
                    System.arraycopy(whole.get(k).grad, 0, parted.get(k).grad, 0, sizes[k]);
                }
                one.step();
                many.beginStep();
                for (int part = parts - 1; part >= 0; part--) {
                    many.update(part, parts);
                }
                for (int k = 0; k < sizes.length; k++) {
                    assertArrayEquals(
                            whole.get(k).value, parted.get(k).value, kind + " in " + parts + ", step " + step);
                }
            }
        }
    }

    /** Parameters of the sizes, with the same values every call. */
    private static List<Parameter> parameters(int... sizes) {
        Random rng = new Random(1);
        List<Parameter> ps = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            Parameter p = new Parameter(new TensorSpec("w" + k, sizes[k]));
            p.uniform(rng, 1);
            ps.add(p);
        }
        return ps;
    }
}
