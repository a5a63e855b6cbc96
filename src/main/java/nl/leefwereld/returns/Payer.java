package nl.leefwereld.returns;

/** Who bears a cost (and so who gains when it is avoided). The Dutch label is what screens show. */
public enum Payer {
    MUNICIPALITY_WMO("Gemeente – Wmo"),
    MUNICIPALITY_YOUTH("Gemeente – Jeugdwet"),
    MUNICIPALITY_PARTICIPATION("Gemeente – Participatiewet"),
    HEALTH_INSURER("Zorgverzekeraar (Zvw)"),
    NATIONAL_WLZ("Rijk – Wlz"),
    NATIONAL_JUSTICE("Rijk – justitie"),
    NATIONAL_BUIG("Rijk – BUIG (bijstand)"),
    HOUSING_CORPORATION("Woningcorporatie"),
    RESIDENT("Inwoner"),
    OTHER("Anders");

    private final String label;

    Payer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
