package nl.leefwereld.intake.internal;

/** The orders a caseload can be shown in: newest notification first (default), or by director, then newest first. */
enum CaseSort {
    NEWEST("Laatste melding, nieuwste eerst"), DIRECTOR("Regisseur (A-Z), dan nieuwste melding");

    private final String label;

    CaseSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
