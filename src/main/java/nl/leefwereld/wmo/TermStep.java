package nl.leefwereld.wmo;

/** The steps of the legal process that have a legal term, and the moment each term counts from. */
public enum TermStep {
    PERSOONLIJK_PLAN("Persoonlijk plan", "de melding"),
    ONDERZOEK("Onderzoek", "de melding"),
    BESCHIKKING("Beschikking", "de aanvraag"),
    BEZWAAR("Bezwaar", "het versturen van de beschikking");

    private final String label;
    private final String countsFrom;

    TermStep(String label, String countsFrom) {
        this.label = label;
        this.countsFrom = countsFrom;
    }

    public String label() {
        return label;
    }

    /** Dutch: what the term counts from ("de melding"). */
    public String countsFrom() {
        return countsFrom;
    }
}
