package io.formcheck.model;

/** Checks the schemas share. */
final class Schemas {
    private Schemas() {}

    static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
