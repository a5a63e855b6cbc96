package nl.leefwereld.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read access to the facts of the current refresh (never to a household). */
public interface MonitorFacts {

    /** One aggregate row as a {@link MonitorSource} wrote it. */
    record Fact(String measure, int year, String district, UUID team, String law, String key1, String key2, long n,
                BigDecimal amount) {
    }

    /**
     * The facts of one measure for the query's year, district, team and law (a null filter matches everything; a
     * law filter matches the facts of that law only, so law-free facts ('') match only when the query has no law).
     */
    List<Fact> facts(String measure, MonitorQuery query);

    /**
     * The facts of one measure of exactly the query's law: that law's, or only the law-free facts ('') when the query
     * has no law (the "all laws" figures a source writes itself). The store filters in the database; this default
     * filters {@link #facts}.
     */
    default List<Fact> factsOfLaw(String measure, MonitorQuery query) {
        String wanted = query.law() == null ? "" : query.law();
        return facts(measure, query).stream().filter(f -> f.law().equals(wanted)).toList();
    }

    /** The same, for every year (for series over time), still filtered on district, team and law. */
    List<Fact> factsAllYears(String measure, MonitorQuery query);

    /** When the current refresh finished; null before the first refresh. */
    Instant refreshedAt();

    /**
     * The municipality (CBS code) these facts belong to, for a table that also shows the monitor's own reference data
     * (the budget per law, the indicators). By default the signed-in user's; an implementation used outside a request
     * (a background export) overrides it.
     */
    default String municipalityCode() {
        return nl.leefwereld.identity.CurrentUsers.get().municipalityCode();
    }
}
