package formcheck;

/** A request the function cannot take (malformed JSON, the wrong shape, a missing feature, ...). */
public final class BadInput extends Refusal {
    public BadInput(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
