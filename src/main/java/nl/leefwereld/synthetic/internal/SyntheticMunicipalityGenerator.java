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
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
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

    SyntheticMunicipalityGenerator(List<SyntheticPart> parts, ObjectProvider<Flyway> flyway, Clock clock, Environment environment,
                                   @Value("${leefwereld.demo.enabled:false}") boolean demoEnabled,
                                   @Value("${leefwereld.demo.password:}") String demoPassword) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(SyntheticPart::order)).toList();
        this.flyway = flyway;
        this.clock = clock;
        this.environment = environment;
        this.demoEnabled = demoEnabled;
        this.demoPassword = demoPassword;
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
            return generate(c, options, referenceDate, demoEnabled ? demoPassword : null, progress);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("generating the synthetic municipality failed: " + e.getMessage(), e);
        }
    }

    /** The run itself, on a given owner connection (tests generate into databases of their own). */
    Result generate(Connection c, GenerateOptions options, LocalDate referenceDate, String accountPassword, Consumer<String> progress)
            throws SQLException, IOException {
        Consumer<String> out = progress == null ? s -> { } : progress;
        long start = System.nanoTime();
        Instant startedAt = clock.instant();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            checkTarget(c, options.municipality());
            GenerationContext ctx = new GenerationContext(c, options.municipality(), options.municipalityName(), options.city(),
                    options.households(), options.seed(), referenceDate, accountPassword,
                    message -> out.accept(String.format("  %6.1f s  %s", (System.nanoTime() - start) / 1e9, message)));
            boolean replica = withoutTriggers(c);
            List<String[]> indexes = dropSecondaryIndexes(c, parts.stream().flatMap(p -> p.tables().stream()).distinct().toList());
            out.accept("Synthetische gemeente " + options.municipality() + ": " + options.households() + " huishoudens, seed " + options.seed()
                    + ", peildatum " + referenceDate);
            for (SyntheticPart part : parts) {
                part.write(ctx);
                ctx.progress("deel '" + part.name() + "' klaar");
            }
            for (String[] index : indexes) {
                try (Statement s = c.createStatement()) {
                    s.execute(index[1]);
                }
            }
            ctx.progress(indexes.size() + " indexen opnieuw opgebouwd" + (replica ? "" : "; sleutels zijn per regel gecontroleerd"));
            if (replica) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = origin");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO synthetic_run (municipality_code, seed, households, reference_date, "
                    + "parts, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, options.municipality());
                s.setLong(2, options.seed());
                s.setInt(3, options.households());
                s.setObject(4, referenceDate);
                s.setString(5, String.join(",", partNames()));
                s.setTimestamp(6, Timestamp.from(startedAt));
                s.setTimestamp(7, Timestamp.from(clock.instant()));
                s.executeUpdate();
            }
            c.commit();
            ctx.progress("vastgelegd (commit)");
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.accept(String.format("  %6.1f s  statistieken bijgewerkt (ANALYZE)", millis / 1000.0));
        return new Result(options.municipality(), options.households(), options.seed(), referenceDate, partNames(), millis);
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
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
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
