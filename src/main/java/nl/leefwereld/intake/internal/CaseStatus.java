package nl.leefwereld.intake.internal;

/** Where a case stands on the team's caseload: without a director, with notifications nobody picked up, or picked up. */
enum CaseStatus {
    NEW("Nieuw"), PICKED_UP("Opgepakt"), NO_DIRECTOR("Geen regisseur");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
