package nl.leefwereld.monitor.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.District;
import nl.leefwereld.monitor.MonitorDimension;
import nl.leefwereld.monitor.MonitorSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The refresh: a full re-aggregation of one municipality into a new generation of {@code monitor_fact}.
 *
 * <ol>
 *   <li>One refresh per municipality at a time: a PostgreSQL advisory lock (across application instances) and, in this
 *       instance, at most one queued background refresh per municipality.</li>
 *   <li>The household dimension goes into the temporary table {@code monitor_household}; a team the dimension left null
 *       is the team that serves the district (identity's {@link Directory}).</li>
 *   <li>Each {@link MonitorSource} query is inserted under the new generation ({@code INSERT INTO monitor_fact SELECT ?,
 *       ?, q.* FROM (query) q}), with a bounded statement timeout; progress per source in {@code monitor_refresh}.</li>
 *   <li>In one transaction the new generation becomes current and the old one is deleted. When a source fails, the new
 *       rows are deleted, the old generation stays current and the state says FAILED (no personal data in the text).</li>
 * </ol>
 */
@Service
public class MonitorRefreshService implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRefreshService.class);
    /** The advisory lock's first key: "monitor refresh" (the second is the municipality's hash). */
    private static final int LOCK_CLASS = 0x4d4f4e;

    /** What a refresh call did. {@code ran} false: another refresh of the municipality was running. */
    public record Result(boolean ran, boolean ok, long generation, long rows, long millis, String error) {
    }

    private final DataSource dataSource;
    private final List<MonitorSource> sources;
    private final MonitorDimension dimension;
    private final Directory directory;
    private final Clock clock;
    private final MonitorSettings settings;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitor-refresh");
        t.setDaemon(true);
        return t;
    });

    MonitorRefreshService(DataSource dataSource, List<MonitorSource> sources, MonitorDimension dimension, Directory directory,
                          Clock clock, MonitorSettings settings) {
        this.dataSource = dataSource;
        this.sources = sources.stream().sorted(Comparator.comparing(MonitorSource::name)).toList();
        this.dimension = dimension;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
        Set<String> seen = new HashSet<>();
        for (MonitorSource s : this.sources) {
            for (String m : s.measures()) {
                if (!seen.add(m)) {
                    throw new IllegalStateException("monitor measure " + m + " is written by more than one source");
                }
            }
        }
    }

    /** The sources of every refresh, in the order they run. */
    public List<MonitorSource> sources() {
        return sources;
    }

    /**
     * Starts a refresh in the background unless one of this municipality is already queued or running here; true when
     * this call started it. {@link #busy} is true from this moment until it has finished.
     */
    public boolean start(String municipality) {
        if (!queued.add(municipality)) {
            return false;
        }
        try {
            executor.submit(() -> {
                try {
                    refresh(municipality);
                } catch (RuntimeException e) {
                    LOG.warn("monitor refresh of {} stopped: {}", municipality, e.getClass().getSimpleName());
                } finally {
                    queued.remove(municipality);
                }
            });
            return true;
        } catch (RuntimeException e) {
            queued.remove(municipality);
            throw e;
        }
    }

    /** True while a background refresh of the municipality is queued or running in this instance. */
    public boolean busy(String municipality) {
        return queued.contains(municipality);
    }

    /** Refreshes now, in this thread, with every source. */
    public Result refresh(String municipality) {
        return refresh(municipality, sources);
    }

    /** Refreshes with the given sources (tests pass a failing one). */
    Result refresh(String municipality, List<MonitorSource> run) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c, municipality)) {
                return new Result(false, false, 0, 0, 0, null);
            }
            String oldTimeout = scalar(c, "SHOW statement_timeout");
            long next = 0;
            String step = "huishoudens";
            try {
                update(c, "INSERT INTO monitor_refresh (municipality_code) VALUES (?) ON CONFLICT DO NOTHING", municipality);
                update(c, "UPDATE monitor_refresh SET status = 'RUNNING', started_at = ?, finished_at = NULL, error_text = NULL, percent = 0, "
                        + "step = ? WHERE municipality_code = ?", Timestamp.from(Instant.now(clock)), step, municipality);
                long current = number(c, "SELECT generation FROM monitor_refresh WHERE municipality_code = ?", municipality);
                // leftovers of a refresh that died half-way (a killed process) never become current: remove them
                update(c, "DELETE FROM monitor_fact WHERE municipality_code = ? AND generation <> ?", municipality, current);
                next = Math.max(current, number(c, "SELECT COALESCE(max(generation), 0) FROM monitor_fact WHERE municipality_code = ?",
                        municipality)) + 1;
                exec(c, "SET statement_timeout = '" + settings.refreshStatementTimeout().toMillis() + "ms'");
                update(c, "SELECT set_config('monitor.today', ?, false)", LocalDate.now(clock).toString());
                loadHouseholds(c, municipality);
                long rows = 0;
                for (int i = 0; i < run.size(); i++) {
                    MonitorSource source = run.get(i);
                    step = source.name();
                    progress(c, municipality, 10 + 85 * i / run.size(), "bron " + step);
                    long sourceStarted = System.nanoTime();
                    long written = update(c, "INSERT INTO monitor_fact (municipality_code, generation, measure, year, district_code, team_id, law, key1, key2, n, amount) "
                            + "SELECT ?, ?, q.* FROM (" + source.factsQuery() + ") q", municipality, next, municipality);
                    rows += written;
                    LOG.info("monitor refresh of {}: source {} wrote {} fact rows in {} ms", municipality, step, written,
                            (System.nanoTime() - sourceStarted) / 1_000_000);
                    long foreign = number(c, "SELECT count(*) FROM monitor_fact WHERE municipality_code = ? AND generation = ? AND NOT (measure = ANY (?))",
                            municipality, next, c.createArrayOf("text", allMeasures(run.subList(0, i + 1)).toArray()));
                    if (foreign > 0) {
                        throw new IllegalStateException("source " + step + " wrote a measure it does not declare");
                    }
                }
                step = "omschakelen";
                long millis = (System.nanoTime() - started) / 1_000_000;
                c.setAutoCommit(false);
                update(c, "UPDATE monitor_refresh SET generation = ?, refreshed_at = ?, finished_at = ?, status = 'OK', duration_ms = ?, fact_rows = ?, "
                        + "percent = 100, step = NULL, error_text = NULL WHERE municipality_code = ?", next, Timestamp.from(Instant.now(clock)),
                        Timestamp.from(Instant.now(clock)), millis, rows, municipality);
                update(c, "DELETE FROM monitor_fact WHERE municipality_code = ? AND generation <> ?", municipality, next);
                c.commit();
                c.setAutoCommit(true);
                LOG.info("monitor refresh of {}: generation {}, {} fact rows in {} ms", municipality, next, rows, millis);
                return new Result(true, true, next, rows, millis, null);
            } catch (SQLException | RuntimeException e) {
                String error = "Het vernieuwen is mislukt bij stap '" + step + "'" + (e instanceof SQLException s && s.getSQLState() != null
                        ? " (databasefout " + s.getSQLState() + ")." : ".");
                // the exception text may quote data; only its kind and SQL state go into the log and the state
                LOG.warn("monitor refresh of {} failed at step {}: {} {}", municipality, step, e.getClass().getSimpleName(),
                        e instanceof SQLException s ? s.getSQLState() : "");
                failed(c, municipality, next, error, started);
                return new Result(true, false, 0, 0, (System.nanoTime() - started) / 1_000_000, error);
            } finally {
                try {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                    exec(c, "DROP TABLE IF EXISTS monitor_household");
                    exec(c, "SET statement_timeout = '" + oldTimeout.replace("'", "") + "'");
                    update(c, "SELECT set_config('monitor.today', '', false)");
                } finally {
                    unlock(c, municipality);
                }
            }
        } catch (SQLException e) {
            LOG.warn("monitor refresh of {} could not run: {} {}", municipality, e.getClass().getSimpleName(), e.getSQLState());
            return new Result(false, false, 0, 0, 0, "Het vernieuwen kon niet starten.");
        }
    }

    private static List<String> allMeasures(List<MonitorSource> run) {
        List<String> all = new ArrayList<>();
        run.forEach(s -> all.addAll(s.measures()));
        return all;
    }

    private void loadHouseholds(Connection c, String municipality) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS monitor_household");
        exec(c, "CREATE TEMP TABLE monitor_household (household_id uuid NOT NULL, district_code text NOT NULL, team_id uuid)");
        // the team serving each district (identity's knowledge, asked through its API), joined in one pass: one UPDATE per
        // district would read all households once per district (200 districts × 1,000,000 households)
        exec(c, "DROP TABLE IF EXISTS monitor_district_team");
        exec(c, "CREATE TEMP TABLE monitor_district_team (district_code text PRIMARY KEY, team_id uuid NOT NULL)");
        for (District d : directory.districts(municipality)) {
            var team = directory.teamServing(municipality, d.code());
            if (team.isPresent()) {
                update(c, "INSERT INTO monitor_district_team VALUES (?, ?)", d.code(), team.get().id());
            }
        }
        update(c, "INSERT INTO monitor_household (household_id, district_code, team_id) SELECT d.household_id, d.district_code, "
                + "COALESCE(d.team_id, t.team_id) FROM (" + dimension.householdQuery() + ") d(household_id, district_code, team_id) "
                + "LEFT JOIN monitor_district_team t ON t.district_code = d.district_code", municipality);
        exec(c, "CREATE INDEX ON monitor_household (household_id)");
        exec(c, "ANALYZE monitor_household");
    }

    private void failed(Connection c, String municipality, long next, String error, long started) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            exec(c, "SET statement_timeout = '30s'");
            if (next > 0) {
                update(c, "DELETE FROM monitor_fact WHERE municipality_code = ? AND generation = ?", municipality, next);
            }
            update(c, "UPDATE monitor_refresh SET status = 'FAILED', finished_at = ?, duration_ms = ?, error_text = ?, step = NULL "
                    + "WHERE municipality_code = ?", Timestamp.from(Instant.now(clock)), (System.nanoTime() - started) / 1_000_000, error, municipality);
        } catch (SQLException e) {
            LOG.warn("monitor refresh state of {} could not be written: {}", municipality, e.getSQLState());
        }
    }

    private void progress(Connection c, String municipality, int percent, String step) throws SQLException {
        update(c, "UPDATE monitor_refresh SET percent = ?, step = ? WHERE municipality_code = ?", Math.min(99, percent), step, municipality);
    }

    private static boolean tryLock(Connection c, String municipality) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, municipality);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String municipality) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, municipality);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.warn("monitor refresh lock of {} not released: {}", municipality, e.getSQLState());
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean result = ps.execute();
            return result ? 0 : ps.getLargeUpdateCount();
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long number(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
