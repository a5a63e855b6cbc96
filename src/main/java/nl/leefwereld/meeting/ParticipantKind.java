package nl.leefwereld.meeting;

/** Who a participant is. Inviting anyone outside the household and the municipality's own teams needs the resident's consent. */
public enum ParticipantKind {
    RESIDENT("Inwoner (hoofdpersoon)", false),
    HOUSEHOLD_MEMBER("Gezinslid", false),
    NETWORK("Familie, vriend of buur", true),
    PROFESSIONAL("Professional van een andere organisatie", true),
    MUNICIPAL("Medewerker van de gemeente", false);

    private final String label;
    private final boolean needsConsent;

    ParticipantKind(String label, boolean needsConsent) {
        this.label = label;
        this.needsConsent = needsConsent;
    }

    public String label() {
        return label;
    }

    /** True when this participant is outside the household and the municipality's teams: sharing needs consent. */
    public boolean needsConsent() {
        return needsConsent;
    }
}
