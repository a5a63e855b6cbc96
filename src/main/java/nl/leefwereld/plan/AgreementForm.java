package nl.leefwereld.plan;

/** How the resident (or representative) agreed to the plan. */
public enum AgreementForm {
    ORAL("Mondeling"),
    WRITTEN("Schriftelijk, getekend"),
    DIGITAL("Digitaal");

    private final String label;

    AgreementForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
