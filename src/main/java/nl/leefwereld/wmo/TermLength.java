package nl.leefwereld.wmo;

import java.time.LocalDate;

/** A legal term: a number of days or weeks. */
public record TermLength(int amount, Unit unit) {

    public enum Unit {
        DAYS("dagen", "dag"),
        WEEKS("weken", "week");

        private final String plural;
        private final String singular;

        Unit(String plural, String singular) {
            this.plural = plural;
            this.singular = singular;
        }

        public String label(int amount) {
            return amount == 1 ? singular : plural;
        }
    }

    public TermLength {
        if (amount < 1 || amount > 520) {
            throw new IllegalArgumentException("term length out of range: " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit");
        }
    }

    public static TermLength days(int n) {
        return new TermLength(n, Unit.DAYS);
    }

    public static TermLength weeks(int n) {
        return new TermLength(n, Unit.WEEKS);
    }

    public int inDays() {
        return unit == Unit.WEEKS ? amount * 7 : amount;
    }

    /**
     * The last day of the term: the term starts the day after {@code from} (Awb 6:8, Atw) and ends at the end of the
     * last day, so a term of n days ends on from + n days.
     */
    public LocalDate lastDayFrom(LocalDate from) {
        return from.plusDays(inDays());
    }

    /** "6 weken", "7 dagen". */
    public String label() {
        return amount + " " + unit.label(amount);
    }
}
