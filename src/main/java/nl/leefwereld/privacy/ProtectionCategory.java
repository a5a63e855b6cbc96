package nl.leefwereld.privacy;

/** Why a person is shielded. */
public enum ProtectionCategory {
    OPVANG("Opvang (bijvoorbeeld vrouwenopvang)"),
    GETUIGE("Getuigenbescherming"),
    DREIGING("Dreiging");

    private final String label;

    ProtectionCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
