package io.formcheck.trainer.spec;

/** The checks the spec records share. */
final class Checks {
    private Checks() {}

    static void positive(String what, float value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
