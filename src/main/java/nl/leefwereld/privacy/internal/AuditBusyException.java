package nl.leefwereld.privacy.internal;

/**
 * The audit search could not run now: too many audit searches or exports at once ({@code timedOut} false), or the
 * search took longer than its statement timeout ({@code timedOut} true). Answered as 503 with Retry-After, never 500.
 */
class AuditBusyException extends RuntimeException {

    private final boolean timedOut;

    AuditBusyException(boolean timedOut) {
        super(timedOut ? "audit search timed out" : "audit search busy", null, false, false);
        this.timedOut = timedOut;
    }

    boolean timedOut() {
        return timedOut;
    }

    /** The Dutch sentence for the page and the problem's detail. */
    String dutch() {
        return timedOut
                ? "Het zoeken duurde te lang. Maak de zoekopdracht nauwkeuriger (bijvoorbeeld een kortere periode of een gebruiker) of probeer het zo opnieuw."
                : "Het is nu druk, probeer het zo opnieuw.";
    }
}
