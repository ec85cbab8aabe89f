package formcheck;

/** What the caller sees of a failure of ours; the failure itself is logged with its stack trace. */
public final class InternalFailure extends Refusal {
    public InternalFailure() {
        super("internal error");
    }

    @Override
    public int status() {
        return 500;
    }
}
