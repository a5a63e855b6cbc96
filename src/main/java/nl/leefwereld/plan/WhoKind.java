package nl.leefwereld.plan;

/** Who carries out an agreement. */
public enum WhoKind {
    HOUSEHOLD_MEMBER("Iemand uit het huishouden"),
    NETWORK_MEMBER("Iemand uit het netwerk"),
    PROFESSIONAL("Professional"),
    ORGANISATION("Organisatie");

    private final String label;

    WhoKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
