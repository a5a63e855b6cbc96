package nl.leefwereld.meeting;

/** The inventory questions of a planning meeting (seed 000): who should be involved, asked with the resident. */
public enum InventoryQuestion {
    FIND_IMPORTANT("Wie vinden het belangrijk dat de situatie verbetert?"),
    SUFFER("Wie hebben last van de situatie?"),
    INVOLVED("Wie zijn er betrokken bij de situatie?"),
    HAVE_OPINION("Wie vinden iets van de situatie?"),
    COULD_HAVE_OPINION("Wie zouden er iets van kunnen vinden?"),
    HAVE_INFLUENCE("Wie hebben invloed op de situatie?"),
    COULD_THWART("Wie kunnen het plan dwarsbomen?"),
    /** Asked of every person named: "who else should think along?" */
    THINK_ALONG("Wie zou er nog meer mee moeten denken?");

    private final String label;

    InventoryQuestion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
