package formcheck;

/** No function at that path, or of that name in a direct invocation. */
public final class UnknownFunction extends Refusal {
    public UnknownFunction(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
