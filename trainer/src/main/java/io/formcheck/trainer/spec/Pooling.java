package io.formcheck.trainer.spec;

import java.util.Locale;

/** How the LSTM reads a sequence out: its last real step (the seed's) or the mean of its steps. */
public enum Pooling {
    LAST,
    MEAN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
