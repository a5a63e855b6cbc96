package nl.leefwereld.outcome;

/** The five levels of the Self-Sufficiency Matrix (names only; the licensed level texts are not shipped). */
public enum Level {
    ACUTE(1, "Acute problematiek"),
    NOT_SELF_SUFFICIENT(2, "Niet zelfredzaam"),
    LIMITED(3, "Beperkt zelfredzaam"),
    SUFFICIENT(4, "Voldoende zelfredzaam"),
    FULLY_SELF_SUFFICIENT(5, "Volledig zelfredzaam");

    private final int value;
    private final String label;

    Level(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    public static Level of(int value) {
        for (Level l : values()) {
            if (l.value == value) {
                return l;
            }
        }
        throw new IllegalArgumentException("level " + value);
    }
}
