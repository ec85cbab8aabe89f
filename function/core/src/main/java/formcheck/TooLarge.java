package formcheck;

/** A body over {@code formcheck.request.max-body-bytes}. */
public final class TooLarge extends Refusal {
    public TooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes, the most either binding takes");
    }

    @Override
    public int status() {
        return 413;
    }
}
