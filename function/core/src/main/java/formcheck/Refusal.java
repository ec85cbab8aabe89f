package formcheck;

/**
 * A call the contract refuses: the HTTP status it is answered with and a message for the caller. It
 * carries no stack trace, since a Lambda error would send it to the caller.
 *
 * <p>The refusals live in this one-word package because AWS's Java runtime (and Quarkus's native runtime
 * loop) sends a Lambda error's errorType as the thrown class's name: a direct invocation's caller sees
 * {@code formcheck.BadInput}, {@code formcheck.UnknownFunction}, {@code formcheck.TooLarge} or
 * {@code formcheck.InternalFailure}, not a Java type of ours.
 */
public abstract class Refusal extends RuntimeException {
    protected Refusal(String message) {
        super(message, null, false, false);
    }

    public abstract int status();
}
