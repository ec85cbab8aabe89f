package io.formcheck.function;

/**
 * A request the function refuses; the message says what is wrong and is shown to the caller. It
 * carries no stack trace: it is the caller's mistake, and a Lambda error answer would list the trace.
 */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
