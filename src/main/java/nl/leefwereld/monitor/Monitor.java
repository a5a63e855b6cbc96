package nl.leefwereld.monitor;

import java.time.Instant;
import java.util.List;

/**
 * The monitor's public API: suppressed tables, the filter choices and the refresh. Callers check nothing themselves;
 * every method enforces that the current user may see the monitor (policy officer, team lead for their own team,
 * council member) and the tables it returns are always small-cell suppressed.
 */
public interface Monitor {

    /** The table for the query, suppressed with the configured threshold (default 10, never below 5). */
    MonitorTable table(MonitorTableName name, MonitorQuery query);

    /** The years that have facts, newest first (the year filter's choices). */
    List<Integer> years();

    /** The districts (code and name) for the district filter. */
    List<Choice> districts();

    /** The default query: the newest year with facts, everything else "all". */
    MonitorQuery defaultQuery();

    /** The state of the refresh: when the current facts were made, and a running refresh's progress. */
    RefreshState refreshState();

    record Choice(String code, String label) {
    }

    record RefreshState(Instant refreshedAt, boolean running, int percent, String step) {
    }
}
