package nl.leefwereld.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Exact euro amounts as whole cents: parsing what a user types and formatting for screens and files. Never a double. */
public final class Money {

    private Money() {
    }

    /**
     * Cents from "1234,56", "1.234,56", "1234.56", "€ 12" (at most two decimals); null when the text is no amount.
     * A single dot followed by exactly three digits ("1.234") is read as thousands, as Dutch users write it.
     */
    public static Long parseCents(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace("€", "").replace(" ", "").replace("\u00a0", "").trim();
        if (s.isEmpty() || s.length() > 20) {
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
        BigDecimal euros = new BigDecimal(s);
        if (euros.compareTo(new BigDecimal("1000000000")) >= 0) {
            return null;
        }
        return euros.movePointRight(2).longValueExact();
    }

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "€ 1.234,56" for screens. */
    public static String format(long cents) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        return (cents < 0 ? "−€ " : "€ ") + f.format(euros(Math.abs(cents)));
    }

    /** "1234.56" for the payment file. */
    public static String plain(long cents) {
        return euros(cents).toPlainString();
    }
}
