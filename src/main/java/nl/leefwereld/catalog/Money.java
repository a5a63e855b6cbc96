package nl.leefwereld.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

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
        // Written out by hand (the text Java's Dutch "#,##0.00" pattern gives, minus sign included): building a
        // DecimalFormat per amount cost more than the rest of a page row, and the generator formats a co-payment per request.
        String digits = Long.toString(cents);
        int start = cents < 0 ? 1 : 0;
        StringBuilder b = new StringBuilder(digits.length() + 8).append("€ ");
        if (start == 1) {
            b.append('-');
        }
        if (digits.length() - start < 3) {
            digits = digits.substring(0, start) + "00".substring(digits.length() - start - 1) + digits.substring(start);
        }
        int euros = digits.length() - 2;
        int group = (euros - start) % 3 == 0 ? 3 : (euros - start) % 3;
        b.append(digits, start, start + group);
        for (int i = start + group; i < euros; i += 3) {
            b.append('.').append(digits, i, i + 3);
        }
        return b.append(',').append(digits, euros, euros + 2).toString();
    }

    /** 123450 → "1234.50" (the API's decimal string). */
    public static String decimal(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
