package nl.leefwereld.synthetic.internal;

import java.io.IOException;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.synthetic.GenerateOptions;
import nl.leefwereld.synthetic.SyntheticMunicipality;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Service;

/**
 * Runs every module's {@link SyntheticPart} in order, in one transaction on one connection of the database owner (the
 * role Flyway migrates with), records the run in {@code synthetic_run}, commits, and updates the planner's statistics.
 *
 * <p>Refuses (nothing is written) in the {@code prod} profile, when the municipality was generated before, and when a
 * municipality other than the demo already holds households: generated data never mixes with real data, and a second
 * run would collide with the first one's ids.
 */
@Service
class SyntheticMunicipalityGenerator implements SyntheticMunicipality {

    private final List<SyntheticPart> parts;
    private final ObjectProvider<Flyway> flyway;
    private final Clock clock;
    private final Environment environment;
    private final boolean demoEnabled;
    private final String demoPassword;
    private final CopyWriter.Format copyFormat;
    private final int indexSessions;

    SyntheticMunicipalityGenerator(List<SyntheticPart> parts, ObjectProvider<Flyway> flyway, Clock clock, Environment environment,
                                   @Value("${leefwereld.demo.enabled:false}") boolean demoEnabled,
                                   @Value("${leefwereld.demo.password:}") String demoPassword,
                                   @Value("${leefwereld.generator.copy-format:BINARY}") CopyWriter.Format copyFormat,
                                   @Value("${leefwereld.generator.index-sessions:2}") int indexSessions) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(SyntheticPart::order)).toList();
        this.flyway = flyway;
        this.clock = clock;
        this.environment = environment;
        this.demoEnabled = demoEnabled;
        this.demoPassword = demoPassword;
        this.copyFormat = copyFormat;
        this.indexSessions = Math.max(1, Math.min(8, indexSessions));
    }

    List<SyntheticPart> parts() {
        return parts;
    }

    @Override
    public Result generate(GenerateOptions options, Consumer<String> progress) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new RefusedException("De generator draait nooit in het prod-profiel: synthetische gegevens horen niet in een productiedatabase.");
        }
        DataSource owner = flyway.getObject().getConfiguration().getDataSource();
        LocalDate referenceDate = options.referenceDate() != null ? options.referenceDate() : LocalDate.now(clock);
        try (Connection c = owner.getConnection()) {
            return generate(c, owner, options, referenceDate, demoEnabled ? demoPassword : null, progress, copyFormat);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("generating the synthetic municipality failed: " + e.getMessage(), e);
        }
    }

    /** The run itself, on a given owner connection (tests generate into databases of their own). */
    Result generate(Connection c, GenerateOptions options, LocalDate referenceDate, String accountPassword, Consumer<String> progress)
            throws SQLException, IOException {
        return generate(c, null, options, referenceDate, accountPassword, progress, copyFormat);
    }

    /**
     * The run itself.
     *
     * @param c      the owner's connection the run's transaction uses
     * @param owner  more connections of the owner for work after the commit (statistics, in parallel); null: all on {@code c}
     * @param format the COPY format the parts' writers prefer
     */
    Result generate(Connection c, DataSource owner, GenerateOptions options, LocalDate referenceDate, String accountPassword,
                    Consumer<String> progress, CopyWriter.Format format) throws SQLException, IOException {
        Consumer<String> out = progress == null ? s -> { } : progress;
        long start = System.nanoTime();
        Consumer<String> timed = message -> out.accept(String.format(Locale.ROOT, "  %6.1f s  %s", (System.nanoTime() - start) / 1e9, message));
        Instant startedAt = clock.instant();
        List<String> tables = parts.stream().flatMap(p -> p.tables().stream()).distinct().toList();
        int sessions = owner == null ? 1 : indexSessions;
        boolean autoCommit = c.getAutoCommit();
        Result unfinished = finishPendingRun(c, owner, options.municipality(), start, out, timed);
        if (unfinished != null) {
            return unfinished;
        }
        List<String[]> indexes;
        c.setAutoCommit(false);
        try {
            checkTarget(c, options.municipality());
            GenerationContext ctx = new GenerationContext(c, options.municipality(), options.municipalityName(), options.city(),
                    options.households(), options.seed(), referenceDate, accountPassword, timed, format);
            boolean replica = withoutTriggers(c);
            indexes = dropSecondaryIndexes(c, tables);
            out.accept("Synthetische gemeente " + options.municipality() + ": " + options.households() + " huishoudens, seed " + options.seed()
                    + ", peildatum " + referenceDate);
            for (SyntheticPart part : parts) {
                part.write(ctx);
                ctx.progress("deel '" + part.name() + "' klaar");
            }
            if (sessions == 1) {
                ctx.progress(buildIndexes(c, null, indexes, 1, List.of()) + (replica ? "" : "; sleutels zijn per regel gecontroleerd"));
            }
            if (replica) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = origin");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO synthetic_run (municipality_code, seed, households, reference_date, "
                    + "parts, started_at, finished_at, pending_indexes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, options.municipality());
                s.setLong(2, options.seed());
                s.setInt(3, options.households());
                s.setObject(4, referenceDate);
                s.setString(5, String.join(",", partNames()));
                s.setTimestamp(6, Timestamp.from(startedAt));
                s.setTimestamp(7, sessions == 1 ? Timestamp.from(clock.instant()) : null);
                s.setString(8, sessions == 1 ? null : String.join("\n", indexes.stream().map(i -> i[1]).toList()));
                s.executeUpdate();
            }
            c.commit();
            ctx.progress(sessions == 1 ? "vastgelegd (commit)" : "rijen vastgelegd (commit); de run is af als de indexen er zijn");
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        if (sessions > 1) {
            timed.accept(buildIndexes(c, owner, indexes, sessions, tables));
            markFinished(c, options.municipality());
        } else {
            analyze(c, owner, tables);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.accept(String.format(Locale.ROOT, "  %6.1f s  %s", millis / 1000.0, sessions > 1 ? "run afgerond" : "statistieken bijgewerkt (ANALYZE)"));
        return new Result(options.municipality(), options.households(), options.seed(), referenceDate, partNames(), millis);
    }

    /**
     * A run whose rows were committed but whose indexes were not all built (the generator was stopped in between): builds
     * the missing ones now and marks the run finished, instead of the run asked for. Null when there is no such run.
     */
    private Result finishPendingRun(Connection c, DataSource owner, String requested, long start, Consumer<String> out,
                                    Consumer<String> timed) throws SQLException {
        String municipality;
        String pending;
        long seed;
        int households;
        LocalDate referenceDate;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pending_indexes, seed, households, reference_date, "
                + "municipality_code FROM synthetic_run WHERE finished_at IS NULL ORDER BY municipality_code LIMIT 1")) {
            if (!rs.next()) {
                return null;
            }
            pending = rs.getString(1);
            seed = rs.getLong(2);
            households = rs.getInt(3);
            referenceDate = rs.getObject(4, LocalDate.class);
            municipality = rs.getString(5);
        }
        out.accept("De vorige run voor gemeente " + municipality + " (seed " + seed + ", " + households + " huishoudens, peildatum "
                + referenceDate + ") is niet afgemaakt: de rijen staan er, de ontbrekende indexen worden nu gebouwd"
                + (municipality.equals(requested) ? "." : "; start daarna de generator opnieuw voor gemeente " + requested + "."));
        List<String[]> indexes = new ArrayList<>();
        for (String definition : pending.split("\n")) {
            if (!definition.isBlank()) {
                indexes.add(new String[] {indexName(definition), definition});
            }
        }
        if (owner == null || indexSessions == 1) {
            timed.accept(buildIndexes(c, null, indexes, 1, List.of()));
            analyze(c, owner, parts.stream().flatMap(p -> p.tables().stream()).distinct().toList());
        } else {
            timed.accept(buildIndexes(c, owner, indexes, indexSessions, parts.stream().flatMap(p -> p.tables().stream()).distinct().toList()));
        }
        markFinished(c, municipality);
        timed.accept("run afgerond");
        return new Result(municipality, households, seed, referenceDate, partNames(), (System.nanoTime() - start) / 1_000_000);
    }

    /** "CREATE [UNIQUE] INDEX name ON ...": the name. */
    static String indexName(String definition) {
        String[] words = definition.strip().split("\\s+");
        int at = words[1].equalsIgnoreCase("UNIQUE") ? 3 : 2;
        return words[at];
    }

    private void markFinished(Connection c, String municipality) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE synthetic_run SET finished_at = ?, pending_indexes = NULL WHERE municipality_code = ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, municipality);
            s.executeUpdate();
        }
    }

    /**
     * Builds the indexes: with one session on {@code c} inside the run's transaction; with more (after the commit) each
     * index in its own transaction, {@code sessions} at a time on connections of the owner, the largest tables first and
     * GIN (trigram) indexes before B-trees, and the statistics of each table of {@code analyze} as soon as its last index
     * is built (ANALYZE also reads the values of expression indexes, so they must all be there). An index that already
     * exists (a resumed run) is skipped. Returns the progress line: how many, and the slowest.
     */
    private static String buildIndexes(Connection c, DataSource owner, List<String[]> indexes, int sessions, List<String> analyze)
            throws SQLException {
        List<String[]> order = new ArrayList<>(indexes);
        if (sessions > 1) {
            java.util.Map<String, Long> size = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT t, pg_relation_size(to_regclass(t)) FROM unnest(?::text[]) t "
                    + "WHERE to_regclass(t) IS NOT NULL")) {
                s.setArray(1, c.createArrayOf("text", order.stream().map(i -> tableOf(i[1])).distinct().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        size.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            order.sort(Comparator.comparing((String[] i) -> !i[1].contains(" USING gin "))
                    .thenComparing(i -> -size.getOrDefault(tableOf(i[1]), 0L)).thenComparing(i -> i[0]));
        }
        ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(order);
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> unbuilt = new java.util.concurrent.ConcurrentHashMap<>();
        for (String[] index : order) {
            unbuilt.computeIfAbsent(bare(tableOf(index[1])), t -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }
        for (String table : analyze) {
            java.util.concurrent.atomic.AtomicInteger count = unbuilt.computeIfAbsent(table, t -> new java.util.concurrent.atomic.AtomicInteger());
            if (count.get() == 0) {
                queue.add(new String[] {null, "ANALYZE " + table});
            }
        }
        Work work = new Work(queue, analyze.isEmpty() ? java.util.Map.of() : unbuilt, new java.util.concurrent.ConcurrentHashMap<>());
        java.util.Map<String, Long> millis = work.millis();
        if (sessions == 1) {
            buildFrom(c, work, null);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(sessions - 1);
            try {
                List<Future<?>> others = new ArrayList<>();
                String memory = Math.max(64, 1024 / sessions) + "MB";
                for (int i = 1; i < sessions; i++) {
                    others.add(pool.submit(() -> {
                        try (Connection o = owner.getConnection()) {
                            buildFrom(o, work, memory);
                        }
                        return null;
                    }));
                }
                try {
                    buildFrom(c, work, memory);
                } finally {
                    queue.clear();
                    for (Future<?> f : others) {
                        f.get();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the indexes", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        List<String> slowest = millis.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue() / 1000.0) + " s").toList();
        return millis.size() + " indexen opnieuw opgebouwd" + (analyze.isEmpty() ? "" : " en statistieken bijgewerkt (ANALYZE)")
                + (sessions > 1 ? " in " + sessions + " sessies" : "")
                + (slowest.isEmpty() ? "" : " (langst: " + String.join(", ", slowest) + ")");
    }

    /**
     * The work of the index sessions: the queue of {name, statement} (name null for an ANALYZE), the indexes each table still
     * waits for (to queue its ANALYZE after the last), and the build time per index.
     */
    private record Work(ConcurrentLinkedQueue<String[]> queue, java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> unbuilt,
                        java.util.Map<String, Long> millis) {

        void built(String definition) {
            String table = bare(tableOf(definition));
            java.util.concurrent.atomic.AtomicInteger count = unbuilt.get(table);
            if (count != null && count.decrementAndGet() == 0) {
                queue.add(new String[] {null, "ANALYZE " + table});
            }
        }
    }

    /** Builds indexes (and analyzes) from the queue on one connection until it is empty; {@code memory}: the session's maintenance_work_mem. */
    private static void buildFrom(Connection c, Work work, String memory) throws SQLException {
        ConcurrentLinkedQueue<String[]> queue = work.queue();
        try (Statement s = c.createStatement()) {
            if (memory != null) {
                s.execute("SET maintenance_work_mem = '" + memory + "'");
                s.execute("SET max_parallel_maintenance_workers = 1");
            }
            for (String[] index = queue.poll(); index != null; index = queue.poll()) {
                if (index[0] == null) {
                    s.execute(index[1]);
                    continue;
                }
                boolean exists;
                try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    p.setString(1, index[0]);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        exists = rs.getBoolean(1);
                    }
                }
                if (!exists) {
                    long t = System.nanoTime();
                    s.execute(index[1]);
                    work.millis().put(index[0], (System.nanoTime() - t) / 1_000_000);
                }
                work.built(index[1]);
            }
            if (memory != null) {
                s.execute("RESET maintenance_work_mem");
                s.execute("RESET max_parallel_maintenance_workers");
            }
        }
    }

    /** "public.person": "person". */
    static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    /** "CREATE INDEX x ON [ONLY] public.person USING ...": the table. */
    static String tableOf(String definition) {
        String[] words = definition.strip().split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("ON")) {
                return words[i + 1].equals("ONLY") ? words[i + 2] : words[i + 1];
            }
        }
        throw new IllegalArgumentException("not an index definition: " + definition);
    }

    /**
     * As a superuser (the embedded default's owner), switch off triggers for this transaction: the foreign-key checks
     * row by row (the parts write consistent data by construction, and the tests check the links) and the audit seal (the
     * privacy part seals its rows itself). Another owner keeps the checks; the privacy part then disables its trigger.
     */
    private static boolean withoutTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return false;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
        }
        return true;
    }

    /**
     * Updates the planner's statistics of the loaded tables (after the commit: autovacuum would get there, but the first
     * pages must not be planned on empty statistics). With more owner connections, two sessions share the tables, the
     * largest first: ANALYZE of one table runs on one core.
     */
    private static void analyze(Connection c, DataSource owner, List<String> tables) throws SQLException {
        List<String> bySize = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t FROM unnest(?::text[]) t WHERE to_regclass(t) IS NOT NULL "
                + "ORDER BY pg_relation_size(to_regclass(t)) DESC, t")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bySize.add(rs.getString(1));
                }
            }
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(bySize);
        if (owner == null || bySize.size() < 2) {
            analyzeFrom(c, queue);
            return;
        }
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<?> other = second.submit(() -> {
                try (Connection o = owner.getConnection()) {
                    analyzeFrom(o, queue);
                }
                return null;
            });
            analyzeFrom(c, queue);
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating statistics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            second.shutdown();
        }
    }

    private static void analyzeFrom(Connection c, ConcurrentLinkedQueue<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table = tables.poll(); table != null; table = tables.poll()) {
                s.execute("ANALYZE " + table);
            }
        }
    }

    /** Drops the indexes of the tables that back no constraint; returns their names and definitions to build them again. */
    private static List<String[]> dropSecondaryIndexes(Connection c, List<String> tables) throws SQLException {
        List<String[]> indexes = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                 WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?)
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                 ORDER BY 1""")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (Statement s = c.createStatement()) {
            // One sorted build per index, in memory where it fits, with PostgreSQL's parallel workers (B-tree and, since
            // PostgreSQL 18, GIN builds use them; the leader takes part too).
            s.execute("SET LOCAL maintenance_work_mem = '1GB'");
            s.execute("SET LOCAL max_parallel_maintenance_workers = 2");
            for (String[] index : indexes) {
                s.execute("DROP INDEX " + index[0]);
            }
        }
        return indexes;
    }

    private List<String> partNames() {
        return parts.stream().map(SyntheticPart::name).toList();
    }

    private static void checkTarget(Connection c, String municipality) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seed, households, reference_date FROM synthetic_run WHERE municipality_code = ?")) {
            s.setString(1, municipality);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new RefusedException("Gemeente " + municipality + " is al gegenereerd (seed " + rs.getLong(1) + ", " + rs.getInt(2)
                            + " huishoudens, peildatum " + rs.getDate(3) + "). Begin opnieuw met een lege database (stop de applicatie, "
                            + "verwijder ./data/) of kies met --municipality een andere gemeente.");
                }
            }
        }
        if (GenerateOptions.DEMO_MUNICIPALITY.equals(municipality)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM household WHERE municipality_code = ?")) {
            s.setString(1, municipality);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new RefusedException("Gemeente " + municipality + " heeft al " + rs.getLong(1) + " huishoudens die de generator niet "
                            + "heeft gemaakt. De generator schrijft alleen in een gemeente zonder huishoudens of in de demogemeente 9999.");
                }
            }
        }
    }
}
