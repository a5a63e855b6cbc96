package nl.leefwereld.wmo.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** dd-mm-jjjj in texts that are stored (the history) or printed (the letter). */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Dates() {
    }

    static String nl(LocalDate d) {
        return d == null ? "–" : DAY.format(d);
    }
}
