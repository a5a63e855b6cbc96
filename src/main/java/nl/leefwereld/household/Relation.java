package nl.leefwereld.household;

/** How a member relates to the household. */
public enum Relation {
    HEAD("Hoofdbewoner"), PARTNER("Partner"), CHILD("Kind"), PARENT("Ouder"), OTHER("Ander huisgenoot");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
