package io.formcheck.function;

/** A request the function refuses; the message says what is wrong and is shown to the caller. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
