package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Exact numbers as users type them (Dutch or plain) and as screens show them. Never a double. */
final class Decimals {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private Decimals() {
    }

    /**
     * A non-negative amount with at most two decimals from "5.363.955", "5.363.955,00", "5363955,5", "5363955.50" or
     * "€ 12"; null when the text is no such amount. A dot followed by exactly three digits is a thousands separator, as
     * Dutch users write it.
     */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip();
        if (s.isEmpty() || s.length() > 24) {
            return null;
        }
        if (s.contains(",")) {
            if (!s.matches("\\d{1,3}(\\.\\d{3})*,\\d{1,2}|\\d+,\\d{1,2}")) {
                return null;
            }
            s = s.replace(".", "").replace(",", ".");
        } else if (s.matches("\\d{1,3}(\\.\\d{3})+")) {
            s = s.replace(".", "");
        } else if (!s.matches("\\d+(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(s);
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
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(NL));
        return (amount.signum() < 0 ? "−€ " : "€ ") + f.format(amount.abs());
    }

    /** "6,3" / "72": as typed in a form, without thousands separators. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
