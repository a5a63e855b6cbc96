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
 * Runs every module's {@link SyntheticPart} as the database owner (the role Flyway migrates with), records the run in
 * {@code synthetic_run}, rebuilds the secondary indexes dropped for the load and updates the planner's statistics. On one
 * session everything is one transaction; with more (the {@code generate} command: {@code leefwereld.generator.sessions},
 * default 2) each part commits on its own and parts and index builds run side by side ({@link ParallelLoad}).
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
    private final int sessions;

    SyntheticMunicipalityGenerator(List<SyntheticPart> parts, ObjectProvider<Flyway> flyway, Clock clock, Environment environment,
                                   @Value("${leefwereld.demo.enabled:false}") boolean demoEnabled,
                                   @Value("${leefwereld.demo.password:}") String demoPassword,
                                   @Value("${leefwereld.generator.copy-format:BINARY}") CopyWriter.Format copyFormat,
                                   @Value("${leefwereld.generator.sessions:${leefwereld.generator.index-sessions:2}}") int sessions) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(SyntheticPart::order)).toList();
        ParallelLoad.readable(this.parts);
        this.flyway = flyway;
        this.clock = clock;
        this.environment = environment;
        this.demoEnabled = demoEnabled;
        this.demoPassword = demoPassword;
        this.copyFormat = copyFormat;
        this.sessions = Math.max(1, Math.min(8, sessions));
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
     * The run itself: on one session ({@code owner} null or one session configured), or into a database that already
     * holds another municipality's households (the demo's aside), all parts and the index builds in one transaction; with
     * more, see {@link #inSessions}.
     *
     * @param c      the owner's connection the run uses
     * @param owner  more connections of the owner (parts, index builds and statistics in parallel); null: all on {@code c}
     * @param format the COPY format the parts' writers prefer
     */
    Result generate(Connection c, DataSource owner, GenerateOptions options, LocalDate referenceDate, String accountPassword,
                    Consumer<String> progress, CopyWriter.Format format) throws SQLException, IOException {
        Consumer<String> out = progress == null ? s -> { } : progress;
        long start = System.nanoTime();
        Consumer<String> timed = message -> out.accept(String.format(Locale.ROOT, "  %6.1f s  %s", (System.nanoTime() - start) / 1e9, message));
        Result unfinished = finishPendingRun(c, owner, options.municipality(), start, out, timed);
        if (unfinished != null) {
            return unfinished;
        }
        int sessions = owner == null ? 1 : this.sessions;
        if (sessions > 1 && otherMunicipalityHasHouseholds(c, options.municipality())) {
            // Parts side by side commit one by one, and a run stopped halfway is only undone by emptying the database:
            // beside another municipality's data the run stays one transaction, all or nothing.
            out.accept("De database bevat al huishoudens van een andere gemeente: de generator schrijft alles in één transactie "
                    + "(langzamer, maar een onderbreking laat niets half achter).");
            sessions = 1;
        }
        if (sessions > 1) {
            inSessions(c, owner, sessions, options, referenceDate, accountPassword, out, timed, format);
        } else {
            inOneTransaction(c, owner, options, referenceDate, accountPassword, out, timed, format);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.accept(String.format(Locale.ROOT, "  %6.1f s  %s", millis / 1000.0, sessions > 1 ? "run afgerond" : "statistieken bijgewerkt (ANALYZE)"));
        return new Result(options.municipality(), options.households(), options.seed(), referenceDate, partNames(), millis);
    }

    /** All parts, then the indexes, in one transaction on {@code c}: all or nothing; the statistics after the commit. */
    private void inOneTransaction(Connection c, DataSource owner, GenerateOptions options, LocalDate referenceDate, String accountPassword,
                                  Consumer<String> out, Consumer<String> timed, CopyWriter.Format format) throws SQLException, IOException {
        Instant startedAt = clock.instant();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            checkTarget(c, options.municipality());
            GenerationContext ctx = context(c, options, referenceDate, accountPassword, timed, format);
            boolean replica = withoutTriggers(c);
            List<String[]> indexes = dropRebuildableIndexes(c, tables());
            announce(out, options, referenceDate);
            java.util.Map<String, java.util.Set<String>> readable = ParallelLoad.readable(parts);
            for (SyntheticPart part : parts) {
                part.write(ctx.forPart(part.name(), readable.get(part.name()), c));
                ctx.progress("deel '" + part.name() + "' klaar");
            }
            ctx.progress(new ParallelLoad(List.of(), indexes, List.of(), null, false, null, timed).run(c, null, 1, null)
                    + (replica ? "" : "; sleutels zijn per regel gecontroleerd"));
            if (replica) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = origin");
                }
            }
            Instant now = clock.instant();
            recordRun(c, options, referenceDate, startedAt, now, now, null);
            c.commit();
            ctx.progress("vastgelegd (commit)");
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        analyze(c, owner, tables());
    }

    /**
     * The parts and the index builds on {@code sessions} sessions at once ({@link ParallelLoad}): first, in one short
     * transaction, the target is checked, the secondary indexes dropped and the run recorded as loading; then each part
     * commits on its own. When the last part is committed the run records that its rows are complete; when the last
     * index is built, that it is finished. A run stopped before its rows were complete cannot be finished (it is
     * refused, with what to do); one stopped after is finished by the next run.
     */
    private void inSessions(Connection c, DataSource owner, int sessions, GenerateOptions options, LocalDate referenceDate,
                            String accountPassword, Consumer<String> out, Consumer<String> timed, CopyWriter.Format format)
            throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        List<String[]> indexes;
        boolean replica;
        c.setAutoCommit(false);
        try {
            checkTarget(c, options.municipality());
            replica = superuser(c);
            indexes = dropRebuildableIndexes(c, tables());
            // The run's row refers to the municipality, which the identity part would only write later.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO municipality (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING")) {
                s.setString(1, options.municipality());
                s.setString(2, options.municipalityName());
                s.executeUpdate();
            }
            recordRun(c, options, referenceDate, clock.instant(), null, null, String.join("\n", indexes.stream().map(i -> i[1]).toList()));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        announce(out, options, referenceDate);
        timed.accept("de delen worden elk apart vastgelegd, in " + sessions + " sessies naast elkaar; de run is af als de indexen er zijn");
        GenerationContext ctx = context(c, options, referenceDate, accountPassword, timed, format);
        String municipality = options.municipality();
        ParallelLoad load = new ParallelLoad(parts, indexes, tables(), ctx, replica, session -> {
            try (PreparedStatement s = session.prepareStatement("UPDATE synthetic_run SET rows_committed_at = ? WHERE municipality_code = ?")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, municipality);
                s.executeUpdate();
            }
            timed.accept("alle rijen vastgelegd");
        }, timed);
        try {
            timed.accept(load.run(c, owner, sessions, Math.max(64, 1024 / sessions) + "MB"));
        } catch (SQLException | IOException | RuntimeException e) {
            out.accept("De generator is gestopt: " + e.getMessage() + ". Wat al vastgelegd was blijft staan; begin opnieuw met een lege "
                    + "database (stop de applicatie, verwijder ./data/).");
            throw e;
        }
        markFinished(c, municipality);
    }

    /** Whether households of a municipality other than {@code municipality} and the demo municipality are stored. */
    private static boolean otherMunicipalityHasHouseholds(Connection c, String municipality) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM household WHERE municipality_code <> ? "
                + "AND municipality_code <> ?)")) {
            s.setString(1, municipality);
            s.setString(2, GenerateOptions.DEMO_MUNICIPALITY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private GenerationContext context(Connection c, GenerateOptions options, LocalDate referenceDate, String accountPassword,
                                      Consumer<String> timed, CopyWriter.Format format) throws SQLException {
        return new GenerationContext(c, options.municipality(), options.municipalityName(), options.city(), options.households(),
                options.seed(), referenceDate, accountPassword, timed, format);
    }

    private static void announce(Consumer<String> out, GenerateOptions options, LocalDate referenceDate) {
        out.accept("Synthetische gemeente " + options.municipality() + ": " + options.households() + " huishoudens, seed " + options.seed()
                + ", peildatum " + referenceDate);
    }

    private List<String> tables() {
        return parts.stream().flatMap(p -> p.tables().stream()).distinct().toList();
    }

    /** The run's row: finished (both times set, nothing pending) or still loading (both null, the indexes to build). */
    private void recordRun(Connection c, GenerateOptions options, LocalDate referenceDate, Instant startedAt, Instant rowsCommittedAt,
                           Instant finishedAt, String pendingIndexes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO synthetic_run (municipality_code, seed, households, reference_date, "
                + "parts, started_at, rows_committed_at, finished_at, pending_indexes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, options.municipality());
            s.setLong(2, options.seed());
            s.setInt(3, options.households());
            s.setObject(4, referenceDate);
            s.setString(5, String.join(",", partNames()));
            s.setTimestamp(6, Timestamp.from(startedAt));
            s.setTimestamp(7, rowsCommittedAt == null ? null : Timestamp.from(rowsCommittedAt));
            s.setTimestamp(8, finishedAt == null ? null : Timestamp.from(finishedAt));
            s.setString(9, pendingIndexes);
            s.executeUpdate();
        }
    }

    /**
     * A run whose rows were committed but whose indexes were not all built (the generator was stopped in between): builds
     * the missing ones now and marks the run finished, instead of the run asked for. Null when there is no such run.
     * Refuses when a run stopped before all its rows were committed: that one cannot be finished.
     */
    private Result finishPendingRun(Connection c, DataSource owner, String requested, long start, Consumer<String> out,
                                    Consumer<String> timed) throws SQLException, IOException {
        String municipality;
        String pending;
        long seed;
        int households;
        LocalDate referenceDate;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pending_indexes, seed, households, reference_date, "
                + "municipality_code, rows_committed_at IS NOT NULL FROM synthetic_run WHERE finished_at IS NULL ORDER BY municipality_code LIMIT 1")) {
            if (!rs.next()) {
                return null;
            }
            pending = rs.getString(1);
            seed = rs.getLong(2);
            households = rs.getInt(3);
            referenceDate = rs.getObject(4, LocalDate.class);
            municipality = rs.getString(5);
            if (!rs.getBoolean(6)) {
                throw new RefusedException(interruptedWhileLoading(municipality, seed, households));
            }
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
        int sessions = owner == null ? 1 : this.sessions;
        timed.accept(new ParallelLoad(List.of(), indexes, tables(), null, false, null, timed)
                .run(c, owner, sessions, sessions > 1 ? Math.max(64, 1024 / sessions) + "MB" : null));
        markFinished(c, municipality);
        timed.accept("run afgerond");
        return new Result(municipality, households, seed, referenceDate, partNames(), (System.nanoTime() - start) / 1_000_000);
    }

    /** What to do about a run that stopped before all its parts were committed (for the generator and the application). */
    static String interruptedWhileLoading(String municipality, long seed, int households) {
        return "De synthetische gemeente " + municipality + " (seed " + seed + ", " + households + " huishoudens) is niet af: de generator "
                + "stopte terwijl hij de gegevens schreef, en een half geschreven gemeente kan niet worden afgemaakt. Begin opnieuw met een "
                + "lege database: stop de applicatie, verwijder de datamap (./data/, of de map van leefwereld.database.data-directory) "
                + "en start de generator opnieuw.";
    }

    /** "CREATE [UNIQUE] INDEX name ON ..." or "ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (...)": the name. */
    static String indexName(String definition) {
        String[] words = definition.strip().split("\\s+");
        if (words[0].equalsIgnoreCase("ALTER")) {
            return words[5];
        }
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

    /** "public.person": "person". */
    static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    /** "CREATE INDEX x ON [ONLY] public.person USING ..." or "ALTER TABLE public.person ADD CONSTRAINT ...": the table. */
    static String tableOf(String definition) {
        String[] words = definition.strip().split("\\s+");
        if (words[0].equalsIgnoreCase("ALTER")) {
            return words[2];
        }
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
        if (!superuser(c)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
        }
        return true;
    }

    /** Whether the run's role is a superuser (only a superuser may switch off triggers with session_replication_role). */
    private static boolean superuser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
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

    /**
     * Drops the indexes of the tables that back no constraint, and the primary keys no foreign key refers to; returns
     * their names and definitions (a CREATE INDEX, or an ALTER TABLE ... ADD CONSTRAINT for a key) to build them again.
     */
    private static List<String[]> dropRebuildableIndexes(Connection c, List<String> tables) throws SQLException {
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
        // The primary keys no foreign key refers to go too (the parts write unique keys by construction; the key is
        // built again, sorted, like the other indexes): inserting millions of keys one by one, each logged in the WAL,
        // costs more than one sorted build. A primary key another table refers to stays (dropping it would take the
        // foreign keys along, and checking them again would read both tables).
        try (PreparedStatement s = c.prepareStatement("""
                SELECT k.conrelid::regclass::text, quote_ident(k.conname), pg_get_constraintdef(k.oid)
                  FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                 WHERE k.contype = 'p' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?)
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = t.oid)
                 ORDER BY 2""")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(2), "ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " "
                            + rs.getString(3)});
                }
            }
        }
        try (Statement s = c.createStatement()) {
            // One sorted build per index, in memory where it fits, with PostgreSQL's parallel workers (B-tree and, since
            // PostgreSQL 18, GIN builds use them; the leader takes part too).
            s.execute("SET LOCAL maintenance_work_mem = '1GB'");
            s.execute("SET LOCAL max_parallel_maintenance_workers = 2");
            for (String[] index : indexes) {
                s.execute(index[1].startsWith("ALTER TABLE ") ? "ALTER TABLE " + tableOf(index[1]) + " DROP CONSTRAINT " + index[0]
                        : "DROP INDEX " + index[0]);
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
