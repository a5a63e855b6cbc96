package nl.leefwereld.catalog;

import java.util.Arrays;
import java.util.Optional;

/** iWmo 3.2 code list WJ756 (unit of the extent of care). */
public enum Unit {
    MINUTE("01", "minuut", "minuten"),
    HOUR("04", "uur", "uur"),
    DAY_NIGHT("14", "etmaal", "etmalen"),
    DAY_PART("16", "dagdeel (4 uur)", "dagdelen"),
    PIECE_OUTPUT("82", "stuk (output)", "stuks"),
    EURO("83", "euro", "euro"),
    PIECE_EFFORT("84", "stuk (inspanning)", "stuks");

    private final String code;
    private final String label;
    private final String plural;

    Unit(String code, String label, String plural) {
        this.code = code;
        this.label = label;
        this.plural = plural;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }

    public static Optional<Unit> ofCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
