package nl.leefwereld.budget;

/** Who receives the money: an organisation's invoice, or (only as an exception, with a reason) the resident. */
public enum PayeeKind {
    ORGANISATION("Organisatie (factuur)"),
    RESIDENT("Inwoner (uitzondering)");

    private final String label;

    PayeeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
