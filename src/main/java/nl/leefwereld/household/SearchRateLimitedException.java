package nl.leefwereld.household;

/** The user searched too often in a short time; they may search again after {@link #retryAfterSeconds()}. */
public class SearchRateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public SearchRateLimitedException(long retryAfterSeconds) {
        super("search rate limit reached");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole minutes, rounded up, for the message on the page. */
    public long retryAfterMinutes() {
        return (retryAfterSeconds + 59) / 60;
    }

    public String message() {
        long minutes = retryAfterMinutes();
        return "U heeft in korte tijd heel vaak gezocht. Probeer het over " + minutes + (minutes == 1 ? " minuut" : " minuten") + " opnieuw.";
    }
}
