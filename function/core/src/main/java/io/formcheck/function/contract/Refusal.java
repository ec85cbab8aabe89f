package io.formcheck.function.contract;

/**
 * A call the contract refuses for a reason of its own (bad input is the model's
 * {@link io.formcheck.model.InvalidInputException}): the HTTP status it is answered with and a message
 * for the caller. It carries no stack trace: a Lambda error would send it to the caller.
 */
public abstract class Refusal extends RuntimeException {
    protected Refusal(String message) {
        super(message, null, false, false);
    }

    public abstract int status();

    /** No function at that path, or of that name in a direct invocation. */
    public static final class UnknownFunction extends Refusal {
        public UnknownFunction(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** A function called with a method it does not take. */
    public static final class WrongMethod extends Refusal {
        private final String allow;

        public WrongMethod(String message, String allow) {
            super(message);
            this.allow = allow;
        }

        /** The methods the function takes, for the Allow header. */
        public String allow() {
            return allow;
        }

        @Override
        public int status() {
            return 405;
        }
    }

    /** A body over {@code formcheck.request.max-body-bytes}. */
    public static final class TooLarge extends Refusal {
        public TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes, the most either binding takes");
        }

        @Override
        public int status() {
            return 413;
        }
    }

    /** What the caller sees of a failure of ours; the failure itself is logged with its stack trace. */
    public static final class Internal extends Refusal {
        public Internal() {
            super("internal error");
        }

        @Override
        public int status() {
            return 500;
        }
    }
}
