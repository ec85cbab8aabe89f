package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.model.TensorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
