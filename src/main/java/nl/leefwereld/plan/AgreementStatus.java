package nl.leefwereld.plan;

/** Where an agreement stands. An agreement that is not done says whether the fallback was used. */
public enum AgreementStatus {
    OPEN("Open"),
    DONE("Gedaan"),
    NOT_DONE("Niet gedaan"),
    REPLACED("Vervangen");

    private final String label;

    AgreementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
