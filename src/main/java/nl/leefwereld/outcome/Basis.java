package nl.leefwereld.outcome;

/** What a score rests on, as the ZRM-Krachtenwijzer asks: the resident's own strength, the network, or professional help. */
public enum Basis {
    OWN_STRENGTH("Eigen kracht"),
    NETWORK("Netwerk"),
    PROFESSIONAL("Professionele hulp");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
