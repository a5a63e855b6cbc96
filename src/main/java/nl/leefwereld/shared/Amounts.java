package nl.leefwereld.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Euro amounts as Dutch users type and read them, exact (never a double): the one parser and formatter behind the
 * budget's cents ({@code budget.Money}) and the monitor's reference figures.
 */
public final class Amounts {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private Amounts() {
    }

    /**
     * A non-negative amount with at most two decimals from "5.363.955", "5.363.955,00", "5363955,5", "5363955.50" or
     * "€ 12"; null when the text is no such amount (or longer than 24 characters). A dot followed by exactly three
     * digits is a thousands separator, as Dutch users write it.
     */
    public static BigDecimal parse(String text) {
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

    /** "€ 5.363.955,00" (a negative amount "−€ 12,00"); more than two decimals are rounded half-even. */
    public static String format(BigDecimal amount) {
        String sign = amount.signum() < 0 ? "−€ " : "€ ";
        BigDecimal cents = amount.abs().setScale(2, RoundingMode.HALF_EVEN);
        if (cents.unscaledValue().bitLength() < 64) {
            return sign + grouped(cents.unscaledValue().longValue());
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(NL));
        return sign + f.format(cents);
    }

    /**
     * Cents as Dutch digits, "123456" → "1.234,56" ("-5" → "-0,05"): what Java's Dutch "#,##0.00" pattern writes, without
     * building a DecimalFormat per amount (pages, exports and the generator format many).
     */
    public static String grouped(long cents) {
        String digits = Long.toString(cents);
        int start = cents < 0 ? 1 : 0;
        if (digits.length() - start < 3) {
            digits = digits.substring(0, start) + "00".substring(digits.length() - start - 1) + digits.substring(start);
        }
        int euros = digits.length() - 2;
        int group = (euros - start) % 3 == 0 ? 3 : (euros - start) % 3;
        StringBuilder b = new StringBuilder(digits.length() + 8).append(digits, 0, start + group);
        for (int i = start + group; i < euros; i += 3) {
            b.append('.').append(digits, i, i + 3);
        }
        return b.append(',').append(digits, euros, euros + 2).toString();
    }
}
