package nl.leefwereld.outcome;

/** The participation ladder (participatieladder), six steps. */
public enum ParticipationStep {
    ISOLATED(1, "Geïsoleerd"),
    SOCIAL_CONTACTS(2, "Sociale contacten buiten de deur"),
    ORGANISED_ACTIVITIES(3, "Deelname aan georganiseerde activiteiten"),
    UNPAID_WORK(4, "Onbetaald werk"),
    PAID_WORK_WITH_SUPPORT(5, "Betaald werk met ondersteuning"),
    PAID_WORK(6, "Betaald werk");

    private final int value;
    private final String label;

    ParticipationStep(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    public static ParticipationStep of(int value) {
        for (ParticipationStep s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("step " + value);
    }
}
