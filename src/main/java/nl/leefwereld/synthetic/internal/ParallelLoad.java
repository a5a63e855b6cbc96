package nl.leefwereld.synthetic.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;

/**
 * The work of a generator run spread over several sessions of the database owner: the parts (each in a transaction of
 * its own, started once the parts it requires are committed; of the parts ready, the one most others wait for first,
 * then the lowest order) and the secondary index builds of the
 * tables whose parts are all committed, each table's ANALYZE after its last index. A session takes a part when one is
 * ready, else an index, else waits. With one session and no parts it only builds indexes (and, inside the caller's
 * transaction, the indexes of a one-transaction run).
 *
 * <p>Why: a COPY is one PostgreSQL backend on one core, and the index builds after the load used the two cores only
 * partly. Two sessions keep both cores busy from the first committed part to the last index.
 */
final class ParallelLoad {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ParallelLoad.class);

    /** What happens in the transaction of the last part to commit (before the remaining index builds): the run records it. */
    interface RowsCommitted {
        void on(Connection c) throws SQLException;
    }

    private sealed interface Task permits PartTask, IndexTask, AnalyzeTask {
    }

    private record PartTask(SyntheticPart part) implements Task {
    }

    /** {@code gin}: a GIN (trigram) index, the slowest kind per row: built first. */
    private record IndexTask(String name, String definition, String table, long tableBytes, boolean gin) implements Task {
    }

    private record AnalyzeTask(String table, long tableBytes) implements Task {
    }

    private final List<SyntheticPart> parts;
    private final Map<String, Set<String>> readable;
    /** Per part: how many parts require it, directly or through others. Of the parts ready, the one most wait for goes first. */
    private final Map<String, Integer> dependents = new HashMap<>();
    private final GenerationContext run;
    private final boolean replica;
    private final RowsCommitted rowsCommitted;
    private final Consumer<String> progress;
    /** Per table (bare name): its secondary indexes not yet queued, queued once all parts writing the table are committed. */
    private final Map<String, List<String[]>> indexesOf = new HashMap<>();
    /** Per table: the parts still to commit that write it. */
    private final Map<String, Integer> writers = new HashMap<>();
    /** Per table: the indexes queued or building; the ANALYZE follows the last. */
    private final Map<String, Integer> unbuilt = new HashMap<>();
    private final Set<String> analyzed;
    private final Set<String> started = new HashSet<>();
    private final Set<String> committed = new HashSet<>();
    private final PriorityQueue<Task> ready = new PriorityQueue<>(Comparator.comparingInt(ParallelLoad::rank)
            .thenComparing(ParallelLoad::bytes, Comparator.reverseOrder()).thenComparing(ParallelLoad::key));
    private final Map<String, Long> millis = new ConcurrentHashMap<>();
    private int running;
    private Throwable failure;
    /** Held while a part commits (then {@link #committed} and its lock). */
    private final Object commits = new Object();
    /** The sessions at work (their running statement is cancelled when another fails). */
    private final List<Connection> sessions = new ArrayList<>();

    /**
     * @param parts         the parts to write, in order (empty: indexes only)
     * @param indexes       {name, definition} of the secondary indexes to build (an existing one is skipped)
     * @param analyze       the tables to ANALYZE (each after its last index); empty: none
     * @param run           the run's context (null without parts)
     * @param replica       run each part's transaction with {@code session_replication_role = replica} (no row triggers)
     * @param rowsCommitted called in the transaction of the last part, before its commit (null: nothing to record)
     */
    ParallelLoad(List<SyntheticPart> parts, List<String[]> indexes, List<String> analyze, GenerationContext run, boolean replica,
                 RowsCommitted rowsCommitted, Consumer<String> progress) {
        this.parts = List.copyOf(parts);
        this.readable = readable(parts);
        for (SyntheticPart part : parts) {
            dependents.putIfAbsent(part.name(), 0);
            for (String required : readable.get(part.name())) {
                dependents.merge(required, 1, Integer::sum);
            }
        }
        this.run = run;
        this.replica = replica;
        this.rowsCommitted = rowsCommitted;
        this.progress = progress;
        this.analyzed = new HashSet<>(analyze.stream().map(SyntheticMunicipalityGenerator::bare).toList());
        for (SyntheticPart part : parts) {
            for (String table : part.tables()) {
                writers.merge(table, 1, Integer::sum);
            }
        }
        for (String[] index : indexes) {
            indexesOf.computeIfAbsent(SyntheticMunicipalityGenerator.bare(SyntheticMunicipalityGenerator.tableOf(index[1])),
                    t -> new ArrayList<>()).add(index);
        }
    }

    /**
     * For each part the parts whose facts it may read: those it requires, directly or through them. Fails when a part
     * requires one that is unknown or not earlier in the order (it could never start, or would wait for itself).
     */
    static Map<String, Set<String>> readable(List<SyntheticPart> parts) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (SyntheticPart part : parts) {
            Set<String> closure = new HashSet<>();
            for (String required : part.requires()) {
                Set<String> earlier = result.get(required);
                if (earlier == null) {
                    throw new IllegalStateException("synthetic part '" + part.name() + "' requires '" + required
                            + "', which is no earlier part");
                }
                closure.add(required);
                closure.addAll(earlier);
            }
            result.put(part.name(), Set.copyOf(closure));
        }
        return result;
    }

    /**
     * Does all the work on {@code first} (this thread) and {@code sessions - 1} more connections of {@code owner}; returns
     * the progress line of the index builds. The first failure stops every session after its current task and is thrown.
     */
    String run(Connection first, DataSource owner, int sessions, String memory) throws SQLException, IOException {
        synchronized (this) {
            for (String table : List.copyOf(indexesOf.keySet())) {
                if (!writers.containsKey(table)) {
                    release(table, sizes(first, List.of(table)).getOrDefault(table, 0L));
                }
            }
            for (String table : analyzed) {
                if (!writers.containsKey(table) && !indexesOf.containsKey(table) && !unbuilt.containsKey(table)) {
                    ready.add(new AnalyzeTask(table, 0));
                }
            }
        }
        ExecutorService pool = sessions > 1 ? Executors.newFixedThreadPool(sessions - 1) : null;
        List<Future<?>> others = new ArrayList<>();
        try {
            for (int i = 1; i < sessions; i++) {
                others.add(pool.submit(() -> {
                    try (Connection c = owner.getConnection()) {
                        work(c, memory);
                    } catch (Throwable e) {
                        fail(e);
                    }
                    return null;
                }));
            }
            try {
                work(first, memory);
            } catch (Throwable e) {
                fail(e);
            }
            for (Future<?> f : others) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (java.util.concurrent.ExecutionException e) {
            fail(e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Throwable failed;
        synchronized (this) {
            failed = failure;
        }
        if (failed != null) {
            if (failed instanceof SQLException e) {
                throw e;
            }
            if (failed instanceof IOException e) {
                throw e;
            }
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failed);
        }
        List<String> slowest = millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue() / 1000.0) + " s").toList();
        long total = millis.values().stream().mapToLong(Long::longValue).sum();
        return millis.size() + " indexen opnieuw opgebouwd" + (analyzed.isEmpty() ? "" : " en statistieken bijgewerkt (ANALYZE)")
                + (sessions > 1 ? " in " + sessions + " sessies" : "") + (slowest.isEmpty() ? "" : String.format(Locale.ROOT,
                " (samen %.1f s; langst: %s)", total / 1000.0, String.join(", ", slowest)));
    }

    /** Index build time per index name, in milliseconds. */
    Map<String, Long> millis() {
        return millis;
    }

    private void work(Connection c, String memory) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        synchronized (this) {
            sessions.add(c);
        }
        try (Statement s = c.createStatement()) {
            int[] parallelWorkers = null;
            if (memory != null) {
                s.execute("SET maintenance_work_mem = '" + memory + "'");
                s.execute("SET max_parallel_maintenance_workers = 1");
                parallelWorkers = new int[] {1};
            }
            for (Task task = next(); task != null; task = next()) {
                if (task instanceof PartTask p) {
                    write(c, p.part());
                } else if (task instanceof IndexTask i) {
                    build(c, s, i, parallelWorkers);
                } else if (task instanceof AnalyzeTask a) {
                    long t = System.nanoTime();
                    s.execute("ANALYZE " + a.table());
                    log.debug("analyzed {} in {} ms", a.table(), (System.nanoTime() - t) / 1_000_000);
                    done(a);
                }
            }
        } finally {
            synchronized (this) {
                sessions.remove(c);
            }
            try (Statement s = c.createStatement()) {
                if (memory != null) {
                    s.execute("RESET maintenance_work_mem");
                    s.execute("RESET max_parallel_maintenance_workers");
                }
                if (c.getAutoCommit() != autoCommit) {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // the session is broken (a failed or cancelled run): the caller closes it
            }
        }
    }

    /** One part in a transaction of its own; then its tables' sizes, to order their index builds. */
    private void write(Connection c, SyntheticPart part) throws SQLException, IOException {
        c.setAutoCommit(false);
        try {
            if (replica) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = replica");
                }
            }
            part.write(run.forPart(part.name(), readable.get(part.name()), c));
            // Commits one at a time, each marked committed before the next: exactly one part finds every other one
            // committed, and it records that the run's rows are complete in its own transaction, so that no stop can
            // fall between the last rows and the record of them.
            synchronized (commits) {
                boolean lastPart;
                synchronized (this) {
                    lastPart = committed.size() == parts.size() - 1;
                }
                if (lastPart && rowsCommitted != null) {
                    rowsCommitted.on(c);
                }
                c.commit();
                synchronized (this) {
                    committed.add(part.name());
                }
            }
        } catch (SQLException | IOException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        progress.accept("deel '" + part.name() + "' klaar en vastgelegd");
        Map<String, Long> sizes = sizes(c, part.tables());
        synchronized (this) {
            running--;
            for (String table : part.tables()) {
                if (writers.merge(table, -1, Integer::sum) == 0) {
                    writers.remove(table);
                    release(table, sizes.getOrDefault(table, 0L));
                }
            }
            notifyAll();
        }
    }

    /** @param parallelWorkers the session's max_parallel_maintenance_workers (one element; null: leave it as it is) */
    private void build(Connection c, Statement s, IndexTask index, int[] parallelWorkers) throws SQLException {
        boolean exists;
        try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, index.name());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                exists = rs.getBoolean(1);
            }
        }
        if (!exists) {
            if (parallelWorkers != null) {
                // While parts are still loading, both cores are busy: a parallel build only adds its coordination. In the
                // tail, when only index builds are left, one worker per build keeps both cores busy.
                int workers;
                synchronized (this) {
                    workers = committed.size() == parts.size() ? 1 : 0;
                }
                if (parallelWorkers[0] != workers) {
                    s.execute("SET max_parallel_maintenance_workers = " + workers);
                    parallelWorkers[0] = workers;
                }
            }
            long t = System.nanoTime();
            s.execute(index.definition());
            long took = (System.nanoTime() - t) / 1_000_000;
            millis.put(index.name(), took);
            log.debug("built {} in {} ms", index.name(), took);
        }
        done(index);
    }

    /** Queues the indexes of a table all of whose parts are committed (or its ANALYZE when it has none). Holds the lock. */
    private void release(String table, long bytes) {
        List<String[]> indexes = indexesOf.remove(table);
        if (indexes == null || indexes.isEmpty()) {
            if (analyzed.contains(table)) {
                ready.add(new AnalyzeTask(table, bytes));
            }
            return;
        }
        unbuilt.put(table, indexes.size());
        for (String[] index : indexes) {
            ready.add(new IndexTask(index[0], index[1], table, bytes, index[1].contains(" USING gin ")));
        }
    }

    private synchronized void done(Task task) {
        running--;
        if (task instanceof IndexTask index && unbuilt.merge(index.table(), -1, Integer::sum) == 0) {
            unbuilt.remove(index.table());
            if (analyzed.contains(index.table())) {
                ready.add(new AnalyzeTask(index.table(), index.tableBytes()));
            }
        }
        notifyAll();
    }

    /**
     * Records the first failure and stops the other sessions: what they are doing is cancelled (a part's COPY fails and
     * its transaction rolls back; an index build stops), and they take no new work.
     */
    private synchronized void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            for (Connection other : sessions) {
                try {
                    other.unwrap(org.postgresql.PGConnection.class).cancelQuery();
                } catch (SQLException ignored) {
                    // nothing running, or the session is gone
                }
            }
        } else if (failure != e) {
            failure.addSuppressed(e);
        }
        notifyAll();
    }

    /** The next task: a part whose required parts are committed, else a queued index or ANALYZE; null when all is done. */
    private synchronized Task next() throws SQLException {
        while (true) {
            if (failure != null) {
                return null;
            }
            SyntheticPart first = null;
            for (SyntheticPart part : parts) {
                if (!started.contains(part.name()) && committed.containsAll(part.requires())
                        && (first == null || dependents.get(part.name()) > dependents.get(first.name()))) {
                    first = part;
                }
            }
            if (first != null) {
                started.add(first.name());
                running++;
                return new PartTask(first);
            }
            Task task = ready.poll();
            if (task != null) {
                running++;
                return task;
            }
            if (running == 0 && committed.size() == parts.size()) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the generator's other sessions", e);
            }
        }
    }

    /** pg_relation_size per bare table name (absent tables left out). */
    private static Map<String, Long> sizes(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t, pg_relation_size(to_regclass(t)) FROM unnest(?::text[]) t "
                + "WHERE to_regclass(t) IS NOT NULL")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(SyntheticMunicipalityGenerator.bare(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return result;
    }

    private static int rank(Task task) {
        return task instanceof IndexTask i ? (i.gin() ? 0 : 1) : 2;
    }

    private static long bytes(Task task) {
        return task instanceof IndexTask i ? i.tableBytes() : task instanceof AnalyzeTask a ? a.tableBytes() : 0;
    }

    private static String key(Task task) {
        return task instanceof IndexTask i ? i.name() : task instanceof AnalyzeTask a ? a.table() : ((PartTask) task).part().name();
    }
}
