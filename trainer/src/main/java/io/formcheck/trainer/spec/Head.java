package io.formcheck.trainer.spec;

/** The classifier head every network ends in: hidden units, and the dropout in it (and between LSTM layers). */
public record Head(int hidden, float dropout) {
    public Head {
        Checks.positive("head", hidden);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
