package nl.leefwereld.wmo.internal;

/**
 * What one decision line ({@code wmo_decision_line}) costs in one calendar year, as ONE SQL expression in whole cents, so
 * that every figure about Wmo spending (the monitor's money table, the concentration of costs) is the same sum.
 *
 * <p>The amount per period is the tariff times the volume for care in kind ({@code tariff_cents × volume}), and the
 * personal budget for a pgb ({@code pgb_amount_cents}: the capped tariff times the volume). The period is the line's
 * frequency (iWmo): {@code 1} per day, {@code 2} per week, {@code 4} per month, {@code 6} in total over the whole line.
 * The days of the line in the year (start and end date included) decide the share:
 * <pre>
 *   per day    amount × days
 *   per week   amount × days / 7
 *   per month  amount × 12 × days / days in the year
 *   in total   amount × days / days of the whole line
 * </pre>
 * rounded half away from zero to whole cents per line and year. A year the line does not touch costs 0.
 */
final class LineCost {

    private LineCost() {
    }

    /**
     * The SQL expression (type bigint, cents) for the line with alias {@code line} in the year given by the SQL
     * integer expression {@code year}.
     */
    static String yearCents(String line, String year) {
        String l = line + ".";
        String from = "make_date(" + year + ", 1, 1)";
        String to = "make_date(" + year + ", 12, 31)";
        String days = "GREATEST(0, LEAST(" + l + "end_on, " + to + ") - GREATEST(" + l + "start_on, " + from + ") + 1)";
        String amount = "(CASE WHEN " + l + "form = 'PGB' THEN CAST(" + l + "pgb_amount_cents AS numeric) ELSE "
                + l + "tariff_cents * " + l + "volume END)";
        String daysInYear = "(make_date(" + year + " + 1, 1, 1) - " + from + ")";
        return "CAST(round(CASE " + l + "frequency"
                + " WHEN '1' THEN " + amount + " * " + days
                + " WHEN '2' THEN " + amount + " * " + days + " / 7.0"
                + " WHEN '4' THEN " + amount + " * 12 * " + days + " / " + daysInYear
                + " WHEN '6' THEN " + amount + " * " + days + " / (" + l + "end_on - " + l + "start_on + 1)"
                + " END) AS bigint)";
    }
}
