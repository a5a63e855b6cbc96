package nl.leefwereld.returns;

/** How a project's return is known. */
public enum ReturnKind {
    MEASURED("Gemeten"),
    ESTIMATED("Geschat"),
    UNKNOWN("Onbekend");

    private final String label;

    ReturnKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
