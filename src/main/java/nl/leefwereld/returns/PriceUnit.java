package nl.leefwereld.returns;

/** What one unit of a price-list item is; the number of periods on a line counts these units. */
public enum PriceUnit {
    PER_TIME("per keer"),
    PER_DAY("per dag"),
    PER_MONTH("per maand"),
    PER_YEAR("per jaar"),
    PER_INTERVENTION("per interventie"),
    PER_PROCESS("per traject");

    private final String label;

    PriceUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
