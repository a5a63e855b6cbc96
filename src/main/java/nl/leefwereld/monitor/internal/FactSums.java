package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import nl.leefwereld.monitor.MonitorFacts.Fact;

/** Sums over facts (all districts and teams the query lets through add up) and the derived figures of the tables. */
final class FactSums {

    private FactSums() {
    }

    /** A count and the sum belonging to it (null when no fact had an amount). */
    record Sum(long n, BigDecimal amount) {
        static final Sum ZERO = new Sum(0, null);

        Sum plus(long moreN, BigDecimal moreAmount) {
            return new Sum(n + moreN, moreAmount == null ? amount : amount == null ? moreAmount : amount.add(moreAmount));
        }

        /** The amount, or zero. */
        BigDecimal total() {
            return amount == null ? BigDecimal.ZERO : amount;
        }
    }

    static Sum sum(List<Fact> facts, Predicate<Fact> which) {
        Sum s = Sum.ZERO;
        for (Fact f : facts) {
            if (which.test(f)) {
                s = s.plus(f.n(), f.amount());
            }
        }
        return s;
    }

    static Predicate<Fact> key1(String key1) {
        return f -> Objects.equals(f.key1(), key1);
    }

    static Predicate<Fact> keys(String key1, String key2) {
        return f -> Objects.equals(f.key1(), key1) && Objects.equals(f.key2(), key2);
    }

    /** part / whole × 100, whole percents (half up); null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP);
    }

    /** part / whole × 100 for amounts, whole percents (half up); null when whole is 0. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || part == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP);
    }

    /** total / n with one decimal (half up); null when n is 0. */
    static BigDecimal average(BigDecimal total, long n) {
        return n == 0 || total == null ? null : total.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }
}
