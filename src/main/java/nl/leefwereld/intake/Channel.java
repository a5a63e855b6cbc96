package nl.leefwereld.intake;

/** Where a notification came in. One access: every channel lands in the same case. */
public enum Channel {
    KCC_PHONE("KCC – telefoon"),
    KCC_DESK("KCC – balie"),
    KCC_DIGITAL("KCC – digitaal"),
    NEIGHBOURHOOD_TEAM("Wijkteam"),
    WMO_COUNTER("Wmo-loket"),
    WERKPLEIN("Werkplein"),
    GP_PRACTICE("Huisartsenpraktijk"),
    PARTNER_SIGNAL("Signaal van een partner"),
    RESIDENT("Inwoner zelf");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
