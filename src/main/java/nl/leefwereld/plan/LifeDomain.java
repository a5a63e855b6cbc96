package nl.leefwereld.plan;

/**
 * The 13 life domains of the Self-Sufficiency Matrix (Zelfredzaamheid-Matrix, ZRM, 2017). Only the domain names are
 * used; the licensed level texts are not shipped.
 */
public enum LifeDomain {
    FINANCES("Financiën"),
    WORK_EDUCATION("Werk en opleiding"),
    TIME_USE("Tijdsbesteding"),
    HOUSING("Huisvesting"),
    DOMESTIC_RELATIONS("Huiselijke relaties"),
    MENTAL_HEALTH("Geestelijke gezondheid"),
    PHYSICAL_HEALTH("Lichamelijke gezondheid"),
    ADDICTION("Middelengebruik"),
    BASIC_ADL("Basale ADL"),
    INSTRUMENTAL_ADL("Instrumentele ADL"),
    SOCIAL_NETWORK("Sociaal netwerk"),
    SOCIAL_PARTICIPATION("Maatschappelijke participatie"),
    JUSTICE("Justitie");

    private final String label;

    LifeDomain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The domain for a stored code, or null for an unknown one. */
    public static LifeDomain of(String code) {
        if (code == null) {
            return null;
        }
        for (LifeDomain d : values()) {
            if (d.name().equals(code)) {
                return d;
            }
        }
        return null;
    }
}
