package nl.leefwereld.privacy.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The audit search exactly as the application runs it (AuditQuery behind AuditSearchGuard: a read-only transaction with
 * the statement timeout), built on a plain DataSource for {@code nl.leefwereld.bench.AuditLogBenchmark}.
 */
public final class AuditQueryBench {

    private final AuditQuery query;
    private final AuditSearchGuard guard;

    public AuditQueryBench(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.query = new AuditQuery(jdbc, dataSource);
        this.guard = new AuditSearchGuard(new DataSourceTransactionManager(dataSource), jdbc, 2, Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    public record Filter(String actor, String action, UUID householdId, UUID personId, LocalDate from, LocalDate to) {
        AuditQuery.Filter internal() {
            return new AuditQuery.Filter(actor, action, householdId, personId, from, to);
        }
    }

    /** A page as the API asks for it (no count); returns the next cursor as text, or null. */
    public String page(String m, Filter f, String after, int size) {
        return guard.search(() -> {
            AuditQuery.Page p = query.page(m, f.internal(), AuditQuery.Cursor.decode(after), size);
            return p.next() == null ? null : p.next().encode();
        });
    }

    /** A page with the screen's bounded count ("meer dan 10.000"), as the screen does it. */
    public long pageWithCount(String m, Filter f, String after, int size) {
        return guard.search(() -> {
            query.page(m, f.internal(), AuditQuery.Cursor.decode(after), size);
            return query.countUpTo(m, f.internal(), AuditQuery.COUNT_CAP + 1);
        });
    }

    /** The cursor text of a row (for a deep page: the row halfway down a filter's result). */
    public static String cursor(java.time.OffsetDateTime at, long id) {
        return new AuditQuery.Cursor(at, id).encode();
    }

    /** Streams the CSV rows of the filter (as the export does) and returns how many were handed over. */
    public long stream(String m, Filter f, long max, java.util.function.Consumer<Object> sink) {
        return guard.inTransaction(guard.exportTimeout(), () -> query.stream(m, f.internal(), max, sink::accept));
    }
}
