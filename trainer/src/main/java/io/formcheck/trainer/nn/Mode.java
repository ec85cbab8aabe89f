package io.formcheck.trainer.nn;

import java.util.Objects;
import java.util.Random;

/**
 * Whether a pass trains (dropout on, its masks drawn from rng) or evaluates (dropout off), as
 * PyTorch's train() and eval(). Both take gradients: the libtorch reference is computed in eval mode.
 */
public sealed interface Mode {
    Mode EVAL = new Eval();

    static Mode train(Random rng) {
        return new Train(rng);
    }

    record Train(Random rng) implements Mode {
        public Train {
            Objects.requireNonNull(rng, "training draws dropout masks from a generator");
        }
    }

    record Eval() implements Mode {}
}
