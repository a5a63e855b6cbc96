package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Dutch number formats for the monitor's pages ("12,5 %", "€ 1.234,56", "1.234"). */
public final class Formats {

    private static final DecimalFormatSymbols NL = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));

    private Formats() {
    }

    public static String percent(BigDecimal p) {
        return p == null ? "" : new DecimalFormat("#,##0.0", NL).format(p.setScale(1, RoundingMode.HALF_UP)) + " %";
    }

    public static String amount(BigDecimal a) {
        return a == null ? "" : "€ " + new DecimalFormat("#,##0.00", NL).format(a.setScale(2, RoundingMode.HALF_UP));
    }

    public static String number(BigDecimal n) {
        if (n == null) {
            return "";
        }
        return n.stripTrailingZeros().scale() <= 0 ? new DecimalFormat("#,##0", NL).format(n)
                : new DecimalFormat("#,##0.0", NL).format(n.setScale(1, RoundingMode.HALF_UP));
    }
}
