package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import nl.leefwereld.shared.Amounts;

/** Exact numbers as users type them (Dutch or plain) and as screens show them (amounts: {@link Amounts}). Never a double. */
final class Decimals {

    private Decimals() {
    }

    /**
     * A non-negative amount with at most two decimals from "5.363.955", "5.363.955,00", "5363955,5", "5363955.50" or
     * "€ 12"; null when the text is no such amount. A dot followed by exactly three digits is a thousands separator, as
     * Dutch users write it.
     */
    static BigDecimal parse(String text) {
        return Amounts.parse(text);
    }

    /** A whole year 2000–2100, or null. */
    static Integer year(String text) {
        if (text == null || !text.strip().matches("\\d{4}")) {
            return null;
        }
        int y = Integer.parseInt(text.strip());
        return y < 2000 || y > 2100 ? null : y;
    }

    /** "€ 5.363.955,00". */
    static String euros(BigDecimal amount) {
        return Amounts.format(amount);
    }

    /** "6,3" / "72": as typed in a form, without thousands separators. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
