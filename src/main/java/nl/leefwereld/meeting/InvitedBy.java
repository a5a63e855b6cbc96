package nl.leefwereld.meeting;

/** Invitations go out by the resident, or by the facilitator on the resident's behalf (seed 000). */
public enum InvitedBy {
    RESIDENT("Door de inwoner zelf"),
    ON_BEHALF("Door de procesbegeleider, namens de inwoner");

    private final String label;

    InvitedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
