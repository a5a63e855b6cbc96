package nl.leefwereld.wmo;

/** The laws whose requests run through the same legal process and term engine. */
public enum Law {
    WMO("Wmo 2015"),
    JEUGDWET("Jeugdwet"),
    PARTICIPATIEWET("Participatiewet");

    private final String label;

    Law(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The default term of a step under this law (each municipality may configure its own): Wmo 2015 art. 2.3.2
     * (persoonlijk plan 7 days, onderzoek 6 weeks), art. 4.1.3 / Awb (beschikking 2 weeks after the aanvraag), Awb 6:7
     * (bezwaar 6 weeks). Jeugdwet and Participatiewet decisions: Awb 4:13 / Pw art. 44, 8 weeks.
     */
    public TermLength defaultTerm(TermStep step) {
        return switch (step) {
            case PERSOONLIJK_PLAN -> TermLength.days(7);
            case ONDERZOEK -> TermLength.weeks(6);
            case BESCHIKKING -> this == WMO ? TermLength.weeks(2) : TermLength.weeks(8);
            case BEZWAAR -> TermLength.weeks(6);
        };
    }
}
