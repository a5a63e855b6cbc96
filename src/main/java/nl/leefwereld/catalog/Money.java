package nl.leefwereld.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.leefwereld.shared.Amounts;

/** Euro amounts as whole cents (exact; never floating point), read and written the Dutch way: "€ 1.234,50". */
public final class Money {

    private static final Pattern EURO = Pattern.compile("^(?:€\\s*)?(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{1,2}))?$");
    private static final Pattern ISO = Pattern.compile("^\\d+(?:\\.\\d{1,2})?$");

    private Money() {
    }

    /** "12,50", "€ 1.234,5", "12.50" (API) → cents; empty when it is no amount. At most € 10.000.000. */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace('\u00a0', ' ');
        BigDecimal value;
        java.util.regex.Matcher m = EURO.matcher(t);
        if (m.matches()) {
            String whole = m.group(1).replace(".", "");
            String cents = m.group(2) == null ? "0" : m.group(2);
            value = new BigDecimal(whole + "." + cents);
        } else if (ISO.matcher(t).matches() && t.length() <= 12) {
            value = new BigDecimal(t);
        } else {
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            return Optional.empty();
        }
        return Optional.of(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /** 123450 → "€ 1.234,50". */
    public static String format(long cents) {
        return "€ " + Amounts.grouped(cents);
    }

    /** 123450 → "1234.50" (the API's decimal string). */
    public static String decimal(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
