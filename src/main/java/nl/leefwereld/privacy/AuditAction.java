package nl.leefwereld.privacy;

/**
 * What an audit row records. Reads, searches, exports and security events are written at once (what a user saw, or
 * tried, is logged even when the business transaction rolls back); changes are written after the transaction commits,
 * so a rolled-back change is never claimed as done.
 */
public enum AuditAction {
    READ("Bekeken", false),
    CREATE("Aangemaakt", true),
    UPDATE("Gewijzigd", true),
    DELETE("Verwijderd", true),
    EXPORT("Geëxporteerd", false),
    SEARCH("Gezocht", false),
    BREAK_GLASS("Noodtoegang", true),
    LOGIN("Ingelogd", false),
    LOGIN_FAILED("Inloggen mislukt", false),
    LOCKOUT("Geblokkeerd", false),
    LOGOUT("Uitgelogd", false),
    SESSION_REVOKED("Sessie beëindigd", false),
    ACCESS_DENIED("Toegang geweigerd", false),
    RATE_LIMITED("Te veel verzoeken", false),
    ACCESS_CHANGE("Toegangswijziging", true);

    private final String label;
    private final boolean change;

    AuditAction(String label, boolean change) {
        this.label = label;
        this.change = change;
    }

    /** The Dutch label on the privacy officer's screens. */
    public String label() {
        return label;
    }

    /** True for changes, which are audited only once their transaction has committed. */
    public boolean isChange() {
        return change;
    }
}
