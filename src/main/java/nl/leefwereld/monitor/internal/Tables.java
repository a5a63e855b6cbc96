package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;

/** Helpers the table definitions share (pure). */
final class Tables {

    static final String HOUSEHOLDS_TOTAL = "households.total";
    static final String HOUSEHOLDS_NOTE = "Het aantal huishoudens is het aantal huishoudens van nu: Leefwereld houdt geen geschiedenis van "
            + "verhuizingen bij, dus voor eerdere jaren tellen we dezelfde huishoudens.";

    private Tables() {
    }

    /** The query without its law filter (for law-free measures such as the household count). */
    static MonitorQuery withoutLaw(MonitorQuery q) {
        return new MonitorQuery(q.year(), q.district(), null, q.team());
    }

    static long sum(Collection<Fact> facts) {
        return facts.stream().mapToLong(Fact::n).sum();
    }

    static long sum(Collection<Fact> facts, Predicate<Fact> which) {
        return facts.stream().filter(which).mapToLong(Fact::n).sum();
    }

    static BigDecimal amount(Collection<Fact> facts) {
        return facts.stream().map(Fact::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The households of the query's district and team (law does not apply). */
    static long households(MonitorFacts facts, MonitorQuery q) {
        return sum(facts.facts(HOUSEHOLDS_TOTAL, withoutLaw(q)));
    }

    /** n per key1, summed over districts and teams. */
    static Map<String, Long> perKey(Collection<Fact> facts) {
        Map<String, Long> out = new TreeMap<>();
        facts.forEach(f -> out.merge(f.key1(), f.n(), Long::sum));
        return out;
    }

    /** Min, median and max of a histogram of whole days (key1 = days, n = how often); null when empty. */
    record Spread(long count, BigDecimal min, BigDecimal median, BigDecimal max) {
    }

    static Spread spread(Collection<Fact> histogram) {
        TreeMap<Long, Long> days = new TreeMap<>();
        for (Fact f : histogram) {
            try {
                days.merge(Long.parseLong(f.key1()), f.n(), Long::sum);
            } catch (NumberFormatException e) {
                // not a day count: not part of the histogram
            }
        }
        long count = days.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new Spread(0, null, null, null);
        }
        long lower = (count + 1) / 2;   // 1-based positions of the middle value(s)
        long upper = count / 2 + 1;
        Long atLower = null;
        Long atUpper = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : days.entrySet()) {
            seen += e.getValue();
            if (atLower == null && seen >= lower) {
                atLower = e.getKey();
            }
            if (atUpper == null && seen >= upper) {
                atUpper = e.getKey();
            }
        }
        BigDecimal median = BigDecimal.valueOf(atLower + (count % 2 == 1 ? atLower : atUpper))
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        return new Spread(count, BigDecimal.valueOf(days.firstKey()), median, BigDecimal.valueOf(days.lastKey()));
    }

    /** part / whole as a percentage with one decimal; null when whole is 0. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0 || part == null) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    static List<String> notes(String... notes) {
        return new ArrayList<>(List.of(notes));
    }
}
