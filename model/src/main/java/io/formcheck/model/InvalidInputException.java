package io.formcheck.model;

/**
 * Readings a classifier cannot take (none, too many, the wrong width, a non-finite value); the message
 * says which, in words meant for whoever sent them. It carries no stack trace: it is the caller's
 * mistake, and a service that passes it on must not show the caller its internals.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
