package nl.leefwereld.meeting;

/** Where a planning meeting stands: being prepared (inventory, invitations, preparation) or held and recorded. */
public enum MeetingStage {
    PREPARING("In voorbereiding"),
    HELD("Gehouden");

    private final String label;

    MeetingStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
