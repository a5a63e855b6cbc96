package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Euros as typed in a Dutch form ("1.234,56", "1234,56", "1234.56", "€ 40.000") into an exact BigDecimal, and back as
 * "€ 1.234,56" for screens ({@code ${@euros.format(x)}}). Never a double.
 */
@Component("euros")
public class Amounts {

    private static final Pattern DUTCH = Pattern.compile("^-?\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?$|^-?\\d+(,\\d{1,2})?$");
    private static final Pattern DOT_THOUSANDS = Pattern.compile("^-?\\d{1,3}(\\.\\d{3})+$");
    private static final Pattern PLAIN = Pattern.compile("^-?\\d+(\\.\\d{1,2})?$");
    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    /** An amount in euros with at most two decimals, zero or more (negative only when allowed); null (and an error) otherwise. */
    static BigDecimal parse(FieldErrors errors, String field, String value, String label, boolean negativeAllowed) {
        if (value == null || value.isBlank()) {
            errors.add(field, "Vul " + label + " in.");
            return null;
        }
        BigDecimal amount = parseOrNull(value);
        if (amount == null) {
            errors.add(field, "Vul " + label + " in als bedrag in euro's, bijvoorbeeld 1.250,50.");
            return null;
        }
        if (amount.signum() < 0 && !negativeAllowed) {
            errors.add(field, "Vul bij " + label + " een bedrag van 0 of meer in.");
            return null;
        }
        if (amount.abs().compareTo(MAX) > 0) {
            errors.add(field, "Het bedrag bij " + label + " is te groot.");
            return null;
        }
        return amount;
    }

    static BigDecimal parseOrNull(String value) {
        if (value == null || value.length() > 40) {
            return null;
        }
        String v = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "");
        if (v.contains(",")) {
            return DUTCH.matcher(v).matches() ? new BigDecimal(v.replace(".", "").replace(',', '.')) : null;
        }
        if (DOT_THOUSANDS.matcher(v).matches()) {
            return new BigDecimal(v.replace(".", ""));
        }
        return PLAIN.matcher(v).matches() ? new BigDecimal(v) : null;
    }

    /** "€ 1.234,56" (no cents when they are zero: "€ 66.000"). */
    public String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(new Locale("nl", "NL")));
        f.setParseBigDecimal(true);
        return (amount.signum() < 0 ? "−€ " : "€ ") + f.format(amount.abs());
    }

    /** A share 0–1 as a percentage: "45%". */
    public String percent(BigDecimal share) {
        return share == null ? "" : share.multiply(new BigDecimal(100)).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }

    static String date(LocalDate d) {
        return d == null ? "" : String.format("%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
