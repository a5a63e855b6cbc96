package nl.leefwereld.budget;

import java.math.BigDecimal;
import nl.leefwereld.shared.Amounts;

/** Exact euro amounts as whole cents: parsing what a user types and formatting for screens and files. Never a double. */
public final class Money {

    private Money() {
    }

    /**
     * Cents from "1234,56", "1.234,56", "1234.56", "€ 12" (at most two decimals); null when the text is no amount.
     * A single dot followed by exactly three digits ("1.234") is read as thousands, as Dutch users write it.
     */
    public static Long parseCents(String text) {
        // at most 20 characters besides the euro sign and spaces, as before the parser moved to shared
        if (text == null || text.replace("€", "").replace(" ", "").replace("\u00a0", "").trim().length() > 20) {
            return null;
        }
        BigDecimal euros = Amounts.parse(text);
        if (euros == null || euros.compareTo(new BigDecimal("1000000000")) >= 0) {
            return null;
        }
        return euros.movePointRight(2).longValueExact();
    }

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "€ 1.234,56" for screens. */
    public static String format(long cents) {
        return Amounts.format(euros(cents));
    }

    /** "1234.56" for the payment file. */
    public static String plain(long cents) {
        return euros(cents).toPlainString();
    }
}
