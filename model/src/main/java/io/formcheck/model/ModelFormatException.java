package io.formcheck.model;

import java.io.IOException;

/** A model file that cannot be used: its message says what is wrong with it. */
public class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
