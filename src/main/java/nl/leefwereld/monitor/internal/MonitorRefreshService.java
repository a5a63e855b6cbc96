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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.TeamRef;
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
 *   <li>The sources run side by side on up to {@code leefwereld.monitor.refresh-parallelism} connections (the refresh's
 *       own and more from the pool). On each, the household dimension goes into the temporary table
 *       {@code monitor_household}; a team the dimension left null is the team that serves the district (identity's
 *       {@link Directory}, asked once per refresh).</li>
 *   <li>Each {@link MonitorSource} query is inserted under the new generation ({@code INSERT INTO monitor_fact SELECT ?,
 *       ?, q.* FROM (query) q}), with a bounded statement timeout and the refresh's work_mem; a source writing a measure
 *       it does not declare fails the refresh; progress per source in {@code monitor_refresh}. Every connection gets its
 *       session settings back (or leaves the pool) before it is returned.</li>
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
    /** The second, third… connection of a refresh run their sources here. */
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "monitor-refresh-worker");
        t.setDaemon(true);
        return t;
    });
    /** How long each source took in the last refresh (ms), so that the next one starts the slowest first. */
    private final java.util.Map<String, Long> lastMillis = new ConcurrentHashMap<>();

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

    private final List<java.util.function.Consumer<String>> refreshed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called with the municipality after each successful refresh (on the refreshing thread: hand long work off). */
    void onRefreshed(java.util.function.Consumer<String> listener) {
        refreshed.add(listener);
    }

    /** Work on a new generation's facts before it becomes current (see {@link #beforeSwitch}). */
    interface Preparation {
        void prepare(String municipality, long generation, Instant refreshedAt);

        /** The generation will never become current (its refresh failed after preparing): let go of what was derived. */
        default void abandoned(String municipality, long generation) {
        }
    }

    private final List<Preparation> preparations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Called with a new generation whose facts are all written, before it becomes current, on the refreshing thread (the
     * switch waits for it: what it derives from the facts is ready when the first page reads them). A failure is logged
     * and does not stop the refresh; an interrupt does (the old figures stay).
     */
    Registration beforeSwitch(Preparation preparation) {
        preparations.add(preparation);
        return () -> preparations.remove(preparation);
    }

    /** Ends a {@link #beforeSwitch} registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The sources of every refresh (they run side by side, the slowest of the previous refresh first). */
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
            SessionState saved = new SessionState(scalar(c, "SHOW statement_timeout"), scalar(c, "SHOW work_mem"));
            long next = 0;
            String step = "huishoudens";
            try {
                update(c, "INSERT INTO monitor_refresh (municipality_code) VALUES (?) ON CONFLICT DO NOTHING", municipality);
                update(c, "UPDATE monitor_refresh SET status = 'RUNNING', started_at = ?, finished_at = NULL, error_text = NULL, percent = 0, "
                        + "step = ? WHERE municipality_code = ?", Timestamp.from(Instant.now(clock)), step, municipality);
                long current = number(c, "SELECT generation FROM monitor_refresh WHERE municipality_code = ?", municipality);
                // leftovers of a refresh that died half-way (a killed process) never become current: remove them
                removeGenerations(c, municipality, current, true);
                // a number never given out before (also not by a refresh that failed), recorded before any fact is written
                // (last_generation is recorded before any fact of a generation is written, so no fact has a higher one)
                next = Math.max(current, number(c, "SELECT last_generation FROM monitor_refresh WHERE municipality_code = ?", municipality)) + 1;
                update(c, "UPDATE monitor_refresh SET last_generation = ? WHERE municipality_code = ?", next, municipality);
                long rows = runSources(c, municipality, next, run);
                // the figures are as of now; what is derived from them (the suppression cubes) is decided before they count
                Instant refreshedAt = Instant.now(clock);
                if (!preparations.isEmpty()) {
                    step = "kleine aantallen beschermen";
                    progress(c, municipality, 95, step);
                    prepare(municipality, next, refreshedAt);
                }
                step = "omschakelen";
                long millis = (System.nanoTime() - started) / 1_000_000;
                c.setAutoCommit(false);
                update(c, "UPDATE monitor_refresh SET generation = ?, refreshed_at = ?, finished_at = ?, status = 'OK', duration_ms = ?, fact_rows = ?, "
                        + "percent = 100, step = NULL, error_text = NULL WHERE municipality_code = ?", next, Timestamp.from(refreshedAt),
                        Timestamp.from(Instant.now(clock)), millis, rows, municipality);
                removeGenerations(c, municipality, next, true);
                c.commit();
                c.setAutoCommit(true);
                LOG.info("monitor refresh of {}: generation {}, {} fact rows in {} ms", municipality, next, rows, millis);
                for (var listener : refreshed) {
                    try {
                        listener.accept(municipality);
                    } catch (RuntimeException e) {
                        LOG.warn("after the monitor refresh of {}: {}", municipality, e.getClass().getSimpleName());
                    }
                }
                return new Result(true, true, next, rows, millis, null);
            } catch (SQLException | RuntimeException e) {
                Throwable cause = e instanceof SourceFailure f ? f.getCause() : e;
                if (e instanceof SourceFailure f) {
                    step = f.source;
                }
                String error = "Het vernieuwen is mislukt bij stap '" + step + "'" + (cause instanceof SQLException s && s.getSQLState() != null
                        ? " (databasefout " + s.getSQLState() + ")." : ".");
                // the exception text may quote data; only its kind and SQL state go into the log and the state
                LOG.warn("monitor refresh of {} failed at step {}: {} {}", municipality, step, cause.getClass().getSimpleName(),
                        cause instanceof SQLException s ? s.getSQLState() : "");
                failed(c, municipality, next, error, started);
                return new Result(true, false, 0, 0, (System.nanoTime() - started) / 1_000_000, error);
            } finally {
                try {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    LOG.warn("monitor refresh of {}: rollback failed: {}", municipality, e.getSQLState());
                } finally {
                    // the lock first (it belongs to this session), then the session back as it was; neither changes the result
                    unlock(c, municipality);
                    resetOrEvict(c, saved);
                }
            }
        } catch (SQLException e) {
            LOG.warn("monitor refresh of {} could not run: {} {}", municipality, e.getClass().getSimpleName(), e.getSQLState());
            return new Result(false, false, 0, 0, 0, "Het vernieuwen kon niet starten.");
        }
    }

    /**
     * A refresh that was RUNNING when its process stopped (killed, a power cut) would say "bezig" for ever: every such
     * state whose lock nobody holds becomes FAILED with the reason. Called once when the application is ready.
     */
    void markInterrupted() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<String> running = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT municipality_code FROM monitor_refresh WHERE status = 'RUNNING'")) {
                while (rs.next()) {
                    running.add(rs.getString(1));
                }
            }
            for (String m : running) {
                if (tryLock(c, m)) {
                    try {
                        update(c, "UPDATE monitor_refresh SET status = 'FAILED', finished_at = ?, step = NULL, error_text = ? "
                                + "WHERE municipality_code = ? AND status = 'RUNNING'", Timestamp.from(Instant.now(clock)),
                                "Het vernieuwen is onderbroken: de toepassing stopte tijdens het vernieuwen.", m);
                        LOG.info("monitor refresh of {} was interrupted by a stop; marked failed", m);
                    } finally {
                        unlock(c, m);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("interrupted monitor refreshes not checked: {}", e.getSQLState());
        }
    }

    /** Runs every preparation of a new generation; an interrupt stops the refresh, a failure only its preparation. */
    private void prepare(String municipality, long next, Instant refreshedAt) {
        for (Preparation p : preparations) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                p.prepare(municipality, next, refreshedAt);
            } catch (RuntimeException | Error e) {
                // pages decide what is missing on demand; an interrupt (checked below) does stop the refresh
                LOG.warn("monitor refresh of {}: preparing generation {} failed: {}", municipality, next, e.getClass().getSimpleName());
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new SourceFailure("onderbroken", new InterruptedException());
        }
    }

    /** A source that failed: its name (for the state shown on the page) and the cause. */
    private static final class SourceFailure extends RuntimeException {
        private final String source;

        SourceFailure(String source, Exception cause) {
            super(cause);
            this.source = source;
        }
    }

    /** What the connections of one refresh share. */
    private final class Run {
        final String municipality;
        final long next;
        final int total;
        final Map<String, TeamRef> teams;
        final java.util.Queue<MonitorSource> queue;
        final java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<SourceFailure> failure = new java.util.concurrent.atomic.AtomicReference<>();
        final Set<Statement> running = ConcurrentHashMap.newKeySet();

        Run(String municipality, long next, List<MonitorSource> sources, Map<String, TeamRef> teams) {
            this.municipality = municipality;
            this.next = next;
            this.total = sources.size();
            this.teams = teams;
            this.queue = new java.util.concurrent.ConcurrentLinkedQueue<>(sources.stream()
                    .sorted(Comparator.comparing((MonitorSource x) -> -lastMillis.getOrDefault(x.name(), Long.MAX_VALUE / 2))
                            .thenComparing(MonitorSource::name)).toList());
        }

        boolean stopped() {
            return failure.get() != null || Thread.currentThread().isInterrupted();
        }

        /** The first failure wins; it cancels the statements the other connections are running. */
        void fail(SourceFailure f) {
            if (failure.compareAndSet(null, f)) {
                for (Statement other : running) {
                    try {
                        other.cancel();
                    } catch (SQLException ignored) {
                        // that source ends by its own statement timeout
                    }
                }
            }
        }
    }

    /**
     * Runs the sources on up to {@link MonitorSettings#refreshParallelism()} connections at the same time (the refresh's own
     * connection {@code c} and more from the pool; fewer when the pool has none to spare), the slowest of the previous
     * refresh first. Each connection gets its own household dimension. The first failure stops the others (their running
     * statements are cancelled) and is thrown as a {@link SourceFailure}. Every helper connection is back in the pool,
     * reset, before this returns or throws (also when this thread is interrupted). Returns the fact rows written.
     */
    private long runSources(Connection c, String municipality, long next, List<MonitorSource> sources) throws SQLException {
        // identity's knowledge, asked once and before more connections are taken (a worker holding its connection and
        // asking the pool for a second one could wait for a connection that never comes)
        Run run = new Run(municipality, next, sources, directory.teamsServing(municipality));
        List<java.util.concurrent.Future<?>> helpers = new ArrayList<>();
        try {
            for (int i = 1; i < Math.min(settings.refreshParallelism(), sources.size()); i++) {
                Connection w;
                try {
                    w = dataSource.getConnection();
                } catch (SQLException e) {
                    LOG.info("monitor refresh of {} runs on {} connection(s): the pool has none to spare", municipality, helpers.size() + 1);
                    break;
                }
                try {
                    helpers.add(workers.submit(() -> {
                        try (w) {
                            work(w, run, false);
                        } catch (SQLException e) {
                            LOG.debug("refresh connection not closed: {}", e.getSQLState());
                        }
                    }));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    w.close();
                    break;
                }
            }
            progress(c, municipality, 5, "huishoudens");
            // the refresh's own connection works on a worker thread too, so that this thread can be interrupted while
            // waiting and cancel every running statement (a thread inside a JDBC call does not notice an interrupt)
            try {
                helpers.add(0, workers.submit(() -> work(c, run, true)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                work(c, run, true);
            }
        } finally {
            // wait for every helper, even when interrupted: their connections must not go back to the pool mid-statement
            boolean interrupted = false;
            for (java.util.concurrent.Future<?> h : helpers) {
                while (true) {
                    try {
                        h.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        run.fail(new SourceFailure("onderbroken", e));
                    } catch (java.util.concurrent.ExecutionException e) {
                        run.fail(new SourceFailure("bronnen", e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause())));
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            run.fail(new SourceFailure("onderbroken", new InterruptedException()));
        }
        if (run.failure.get() != null) {
            throw run.failure.get();
        }
        return run.rows.get();
    }

    /**
     * One connection's share of the sources: takes the next source until none is left, one has failed or the thread is
     * interrupted. A helper connection ({@code own} false) that cannot be prepared leaves the sources to the others; it is
     * reset (or evicted from the pool when that fails) before it goes back.
     */
    private void work(Connection w, Run run, boolean own) {
        SessionState saved = null;
        try {
            saved = prepare(w, run);
            MonitorSource source;
            while (!run.stopped() && (source = run.queue.poll()) != null) {
                long sourceStarted = System.nanoTime();
                try (PreparedStatement ps = w.prepareStatement("WITH ins AS (INSERT INTO monitor_fact (municipality_code, generation, measure, year, "
                        + "district_code, team_id, law, key1, key2, n, amount) SELECT ?, ?, q.* FROM (" + source.factsQuery() + ") q RETURNING measure) "
                        + "SELECT count(*), count(*) FILTER (WHERE NOT (measure = ANY (?))) FROM ins")) {
                    ps.setString(1, run.municipality);
                    ps.setLong(2, run.next);
                    ps.setString(3, run.municipality);
                    ps.setArray(4, w.createArrayOf("text", source.measures().toArray()));
                    long written;
                    long foreign;
                    run.running.add(ps);
                    try {
                        if (run.stopped()) {
                            // failed while this one was being prepared: a cancel sent before it ran would have been lost
                            return;
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            written = rs.getLong(1);
                            foreign = rs.getLong(2);
                        }
                    } finally {
                        run.running.remove(ps);
                    }
                    if (foreign > 0) {
                        throw new SourceFailure(source.name(), new IllegalStateException("source " + source.name() + " wrote a measure it does not declare"));
                    }
                    run.rows.addAndGet(written);
                    long millis = (System.nanoTime() - sourceStarted) / 1_000_000;
                    lastMillis.put(source.name(), millis);
                    LOG.info("monitor refresh of {}: source {} wrote {} fact rows in {} ms", run.municipality, source.name(), written, millis);
                    int finished = run.done.incrementAndGet();
                    progress(w, run.municipality, 10 + 85 * finished / run.total,
                            "bron " + source.name() + " klaar (" + finished + " van " + run.total + ")");
                } catch (SQLException | RuntimeException e) {
                    run.fail(e instanceof SourceFailure sf ? sf : new SourceFailure(source.name(), e));
                    return;
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (own) {
                run.fail(new SourceFailure("huishoudens", e));
            } else {
                // the refresh's own connection and any other helper take the sources
                LOG.warn("monitor refresh of {}: a helper connection could not be prepared ({}); the others go on", run.municipality,
                        e instanceof SQLException x ? x.getSQLState() : e.getClass().getSimpleName());
            }
        } finally {
            if (!own) {
                resetOrEvict(w, saved);
            }
        }
    }

    /** A pooled connection's own session settings, restored after the refresh. */
    record SessionState(String statementTimeout, String workMem) {
    }

    /** The refresh's session settings and the household dimension on this connection; returns what to restore. */
    private SessionState prepare(Connection w, Run run) throws SQLException {
        w.setAutoCommit(true);
        SessionState saved = new SessionState(scalar(w, "SHOW statement_timeout"), scalar(w, "SHOW work_mem"));
        exec(w, "SET statement_timeout = '" + settings.refreshStatementTimeout().toMillis() + "ms'");
        exec(w, "SET work_mem = '" + settings.refreshWorkMem() + "'");
        update(w, "SELECT set_config('monitor.today', ?, false)", LocalDate.now(clock).toString());
        loadHouseholds(w, run.municipality, run.teams);
        return saved;
    }

    /**
     * Back to the pool's session state: no dimension, the connection's own statement timeout and work_mem, no refresh
     * date. Each step on its own; when any fails the connection is evicted from the pool instead (a web request must
     * never inherit a refresh's 120 s timeout).
     */
    private void resetOrEvict(Connection w, SessionState saved) {
        String timeout = saved == null ? "5s" : saved.statementTimeout();
        String workMem = saved == null ? null : saved.workMem();
        boolean clean = true;
        for (String sql : new String[] {"DROP TABLE IF EXISTS monitor_household", "DROP TABLE IF EXISTS monitor_district_team",
                "SET statement_timeout = '" + timeout.replace("'", "") + "'",
                workMem == null ? "RESET work_mem" : "SET work_mem = '" + workMem.replace("'", "") + "'",
                "SELECT set_config('monitor.today', '', false)"}) {
            try {
                exec(w, sql);
            } catch (SQLException | RuntimeException e) {
                clean = false;
            }
        }
        if (!clean) {
            try {
                if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                    dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).evictConnection(w);
                } else {
                    w.abort(Runnable::run);
                }
                LOG.warn("a monitor refresh connection could not be reset and was taken out of the pool");
            } catch (SQLException | RuntimeException e) {
                LOG.warn("a monitor refresh connection could not be reset or evicted: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void loadHouseholds(Connection c, String municipality, Map<String, TeamRef> teams) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS monitor_household");
        exec(c, "CREATE TEMP TABLE monitor_household (household_id uuid NOT NULL, district_code text NOT NULL, team_id uuid)");
        // the team serving each district (identity's knowledge, asked through its API), joined in one pass: one UPDATE per
        // district would read all households once per district (200 districts × 1,000,000 households)
        exec(c, "DROP TABLE IF EXISTS monitor_district_team");
        exec(c, "CREATE TEMP TABLE monitor_district_team (district_code text PRIMARY KEY, team_id uuid NOT NULL)");
        for (var served : teams.entrySet()) {
            update(c, "INSERT INTO monitor_district_team VALUES (?, ?)", served.getKey(), served.getValue().id());
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
                for (Preparation p : preparations) {
                    try {
                        p.abandoned(municipality, next);
                    } catch (RuntimeException e) {
                        LOG.warn("monitor refresh of {}: letting go of generation {} failed: {}", municipality, next, e.getClass().getSimpleName());
                    }
                }
                removeGenerations(c, municipality, next, false);
            }
            update(c, "UPDATE monitor_refresh SET status = 'FAILED', finished_at = ?, duration_ms = ?, error_text = ?, step = NULL "
                    + "WHERE municipality_code = ?", Timestamp.from(Instant.now(clock)), (System.nanoTime() - started) / 1_000_000, error, municipality);
        } catch (SQLException e) {
            LOG.warn("monitor refresh state of {} could not be written: {}", municipality, e.getSQLState());
        }
    }

    /** Removes the facts and the kept cubes of one generation, or ({@code allOthers}) of every generation but that one. */
    private static void removeGenerations(Connection c, String municipality, long generation, boolean allOthers) throws SQLException {
        for (String table : List.of("monitor_fact", "monitor_cube")) {
            update(c, "DELETE FROM " + table + " WHERE municipality_code = ? AND generation " + (allOthers ? "<>" : "=") + " ?", municipality,
                    generation);
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
        workers.shutdownNow();
    }
}
