package nl.leefwereld.wmo;

/** What a complaint is about, in the one register across Wmo, Jeugdwet and Participatiewet (Meppel policy, seed 003). */
public enum ComplaintCategory {
    LEVEL_OF_SUPPORT("Niveau van de ondersteuning"),
    CO_PAYMENT("Eigen bijdrage"),
    OWN_STRENGTH("Eigen kracht"),
    TREATMENT("Bejegening"),
    OTHER("Anders");

    private final String label;

    ComplaintCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
