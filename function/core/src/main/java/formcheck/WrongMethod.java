package formcheck;

/** A function called with an HTTP method it does not take. */
public final class WrongMethod extends Refusal {
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
