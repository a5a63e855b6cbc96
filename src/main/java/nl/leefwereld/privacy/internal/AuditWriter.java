package nl.leefwereld.privacy.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes audit rows on connections of its own: a small second pool on the same database and role as the application,
 * in autocommit. It never takes a connection from the business pool (no pool deadlock when that pool is exhausted by
 * requests that are waiting to audit) and never rolls back with a business transaction.
 */
@Component
class AuditWriter implements DisposableBean {

    /** Rows per INSERT statement (13 parameters a row, far below PostgreSQL's 65,535). */
    static final int BATCH = 1000;

    private static final String COLUMNS = "municipality_code, actor_id, actor_username, action, record_type, record_id, household_id, "
            + "person_id, route, reason, source_address, before_value, after_value";

    /** One row as written; occurred_at and the chain are set by the database. */
    record Row(String municipalityCode, UUID actorId, String actorUsername, String action, String recordType, String recordId,
               UUID householdId, UUID personId, String route, String reason, String sourceAddress, String before, String after) {

        Row {
            actorUsername = cut(actorUsername == null || actorUsername.isBlank() ? "onbekend" : actorUsername, 60);
            recordType = cut(recordType, 40);
            recordId = cut(recordId, 64);
            route = cut(route == null ? "system" : route, 200);
            reason = cut(reason, 500);
            sourceAddress = cut(sourceAddress, 64);
            before = cut(before, 500);
            after = cut(after, 500);
        }
    }

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    AuditWriter(DataSource applicationDataSource, @Value("${leefwereld.database.audit-pool-size:4}") int poolSize) throws SQLException {
        if (!applicationDataSource.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("The audit trail needs the application's DataSource to be a Hikari pool to open its own pool");
        }
        HikariConfig config = new HikariConfig();
        applicationDataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("leefwereld-audit");
        config.setMaximumPoolSize(Math.max(1, poolSize));
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setMetricRegistry(null);
        config.setHealthCheckRegistry(null);
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(pool);
    }

    void write(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("INSERT INTO audit_event (").append(COLUMNS).append(") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(String.format(
                        "(:m%1$d, :ai%1$d, :au%1$d, :a%1$d, :t%1$d, :r%1$d, :h%1$d, :p%1$d, :ro%1$d, :re%1$d, :s%1$d, :b%1$d, :af%1$d)", i));
            }
            JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Row r = chunk.get(i);
                spec = spec.param("m" + i, r.municipalityCode()).param("ai" + i, r.actorId()).param("au" + i, r.actorUsername())
                        .param("a" + i, r.action()).param("t" + i, r.recordType()).param("r" + i, r.recordId())
                        .param("h" + i, r.householdId()).param("p" + i, r.personId()).param("ro" + i, r.route())
                        .param("re" + i, r.reason()).param("s" + i, r.sourceAddress()).param("b" + i, r.before()).param("af" + i, r.after());
            }
            spec.update();
        }
    }

    /** Reads on the audit pool (not in any business transaction). */
    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        pool.close();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
