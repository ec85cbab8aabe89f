package io.formcheck.trainer.data;

/** Data that cannot be used, with a message that names the file and the problem. */
public class DataException extends Exception {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
