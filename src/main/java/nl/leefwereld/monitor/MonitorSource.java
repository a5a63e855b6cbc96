package nl.leefwereld.monitor;

/**
 * A module's contribution to the monitor, implemented in that module's {@code internal} package (the module knows its
 * own tables; the monitor never reads them).
 *
 * <p>{@link #factsQuery()} is one SQL {@code SELECT} that returns exactly these columns, in this order:
 * <pre>
 *   measure        text     a name from this source's {@link #measures()}, e.g. 'reach.residents'
 *   year           int      the calendar year the fact belongs to
 *   district_code  text     the household's district ('' when unknown)
 *   team_id        uuid     the responsible team (null when none)
 *   law            text     'WMO', 'JEUGDWET', 'PARTICIPATIEWET' or '' (not law-bound / any law)
 *   key1, key2     text     the table's own keys ('' when unused): a provision, a combination of laws, a life domain...
 *   n              bigint   a count of people, households, requests or answers: the number small-cell suppression
 *                           protects
 *   amount         numeric  a sum belonging to n (euros with cents, days, score points) or null
 * </pre>
 * The query has one parameter, {@code ?} = the municipality code, and must group so that the result is small
 * (thousands of rows, not one per household). It may join the refresh's household dimension, a temporary table
 * {@code monitor_household (household_id uuid, district_code text, team_id uuid)} that the monitor fills from the
 * household module's {@link MonitorDimension} before the sources run; that is how a source learns a household's
 * district and team without reading another module's tables.
 *
 * <p>The refresh's date (the application's clock, not the database's) is {@code current_setting('monitor.today')::date}
 * (for "at the refresh date" measures such as a waiting list). Each query runs under a bounded statement timeout.
 *
 * <p>Counts must be additive over district and team (count each person or household in one district and team per
 * year), so that the monitor can sum them for "all districts".
 */
public interface MonitorSource {

    /** Short name, shown in the refresh progress ("wmo", "meeting"...). */
    String name();

    /** The measures this source writes; a measure belongs to one source only. */
    java.util.Set<String> measures();

    /** The aggregate query (see the class comment); parameter 1 is the municipality code. */
    String factsQuery();

    /**
     * Dutch labels for some of this source's key1 values of a measure (e.g. a provision's name for its id), for the
     * table definitions; keys without a label are shown as they are. Default: none.
     */
    default java.util.Map<String, String> keyLabels(String municipalityCode, String measure, java.util.Collection<String> keys) {
        return java.util.Map.of();
    }
}
