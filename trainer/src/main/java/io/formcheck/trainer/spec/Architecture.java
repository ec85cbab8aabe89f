package io.formcheck.trainer.spec;

import java.util.Locale;

/** The model kinds the trainer fits, by command-line name. */
public enum Architecture {
    LSTM,
    CNN,
    READING_FOREST,
    WINDOW_FOREST;

    /** As the command line spells it: lstm, cnn, reading-forest, window-forest. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
