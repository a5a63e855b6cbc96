package nl.leefwereld.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The full content of every municipal table as row count + md5 of all rows (every column), so a test can prove that a
 * request wrote nothing at all. A municipal table is any table with a {@code municipality_code} column, plus
 * {@code municipality}; the list is read from the database, so tables added later are covered without a change here.
 * Left out: {@link #EXCLUDED} and {@link #EXCLUDED_PREFIXES} (the audit trail and security log, which reads and
 * refusals are meant to write to).
 */
public final class DbSnapshot {

    /** Tables that requests write to by design, whatever the outcome (reads and refusals are audited). Keep it short. */
    public static final Set<String> EXCLUDED = Set.of("audit_event");
    /**
     * Name prefixes of the same kind: the audit trail's own tables (an outbox, a hash chain) and a security-event log,
     * which a refused request is meant to write to. And the council monitor's derived aggregates, which a background
     * refresh rewrites at any moment (they are computed from the other tables, never input).
     */
    public static final List<String> EXCLUDED_PREFIXES = List.of("audit_", "security_event", "monitor_");
    /**
     * Tables compared only in part. {@code form_token}: showing a form (also a refused one, shown again) issues a new
     * one-time token by design; only consumed tokens count, so a refused submit that consumed its token is still caught.
     */
    public static final Map<String, String> ONLY_ROWS = Map.of("form_token", "consumed_at IS NOT NULL");

    private DbSnapshot() {
    }

    /** The municipal tables of the current schema, sorted. */
    public static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT DISTINCT c.table_name FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                   AND (c.column_name = 'municipality_code' OR c.table_name = 'municipality')
                 ORDER BY c.table_name
                """).query(String.class).list().stream()
                .filter(t -> !EXCLUDED.contains(t) && EXCLUDED_PREFIXES.stream().noneMatch(t::startsWith)).toList();
    }

    /** Table → "rows=N md5=…" for every municipal table. Equal snapshots: nothing was inserted, changed or deleted. */
    public static Map<String, String> take(JdbcClient jdbc) {
        Map<String, String> out = new TreeMap<>();
        for (String table : tables(jdbc)) {
            String where = ONLY_ROWS.containsKey(table) ? " WHERE " + ONLY_ROWS.get(table) : "";
            out.put(table, jdbc.sql("SELECT 'rows=' || count(*) || ' md5=' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '-') FROM "
                    + table + " t" + where).query(String.class).single());
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no municipal tables found");
        }
        return out;
    }
}
