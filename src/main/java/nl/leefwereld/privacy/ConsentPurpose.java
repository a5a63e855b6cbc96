package nl.leefwereld.privacy;

/** Why data would be shared. Consent is recorded per purpose and per recipient organisation. */
public enum ConsentPurpose {
    SHARE_WITHIN_MUNICIPALITY("Gegevens delen binnen de gemeente"),
    REFERRAL("Doorverwijzen naar een andere organisatie"),
    PLANNING_MEETING("Gegevens delen voor een planbijeenkomst"),
    CASE_CONSULTATION("Casusoverleg met partners"),
    PROVIDER_EXCHANGE("Gegevens uitwisselen met een zorgaanbieder"),
    RESEARCH("Gebruik voor onderzoek (zonder naam)");

    private final String label;

    ConsentPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
