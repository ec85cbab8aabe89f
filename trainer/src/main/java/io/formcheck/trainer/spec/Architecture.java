package io.formcheck.trainer.spec;

import java.util.Locale;

/** The model kinds the trainer fits, by command-line name. */
public enum Architecture {
    LSTM,
    CNN,
    FOREST;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
