package nl.leefwereld.synthetic.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.synthetic.GenerateOptions;
import org.flywaydb.core.Flyway;

/**
 * Fresh databases on the test's embedded PostgreSQL server, migrated like the application's, for generator runs that
 * must not touch the shared test database (its demo municipality and accounts stay as other tests expect them).
 */
final class GeneratedDatabases {

    static final LocalDate REFERENCE = LocalDate.of(2026, 3, 2);
    static final String PASSWORD = "Synthetisch-2026";
    static final List<String> TABLES = List.of("municipality", "district", "team", "team_district", "app_user", "user_role", "household",
            "person", "household_member", "network_member", "care_case", "notification", "case_event", "consent", "audit_event",
            "provider", "provision", "wmo_request", "wmo_decision_line", "wmo_term_change", "wmo_request_event", "household_plan", "plan_version",
            "assessment", "assessment_score", "meeting", "meeting_participant", "meeting_agreement", "survey_invitation", "survey_response",
            "budget_request", "budget_decision", "budget_batch", "budget_batch_item", "budget_allowance", "project", "project_model_line",
            "case_return", "case_return_line", "breakthrough_entry");

    private GeneratedDatabases() {
    }

    /** A new, migrated database; returns its owner DataSource. */
    static DataSource fresh(EmbeddedPostgres postgres) throws SQLException {
        String name = "syn_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DataSource ds = postgres.getDatabase("postgres", name);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").placeholders(Map.of("appRole", "leefwereld_app"))
                .load().migrate();
        return ds;
    }

    /** A run in one transaction on one connection (indexes built before the commit). */
    static SyntheticMunicipalityGenerator.Result generate(SyntheticMunicipalityGenerator generator, DataSource ds, int households, long seed,
                                                          String municipality) throws Exception {
        try (Connection c = ds.getConnection()) {
            return generator.generate(c, GenerateOptions.parse("--households", String.valueOf(households), "--seed", String.valueOf(seed),
                    "--municipality", municipality), REFERENCE, PASSWORD, null);
        }
    }

    /** A run with a given COPY format, with a second owner connection for the work after the commit. */
    static SyntheticMunicipalityGenerator.Result generate(SyntheticMunicipalityGenerator generator, DataSource ds, int households, long seed,
                                                          String municipality, CopyWriter.Format format) throws Exception {
        try (Connection c = ds.getConnection()) {
            return generator.generate(c, ds, GenerateOptions.parse("--households", String.valueOf(households), "--seed", String.valueOf(seed),
                    "--municipality", municipality), REFERENCE, PASSWORD, null, format);
        }
    }

    /** Runs that are refused as a {@code RefusedException} saying {@code message}, each, and leave every table as it was. */
    @SafeVarargs
    static void assertRefusedWritingNothing(DataSource ds, String message, org.assertj.core.api.ThrowableAssert.ThrowingCallable... runs)
            throws SQLException {
        Map<String, String> before = fingerprints(ds);
        for (var run : runs) {
            org.assertj.core.api.Assertions.assertThatThrownBy(run).isInstanceOf(nl.leefwereld.synthetic.SyntheticMunicipality.RefusedException.class)
                    .hasMessageContaining(message);
        }
        org.assertj.core.api.Assertions.assertThat(fingerprints(ds)).as("nothing written").isEqualTo(before);
    }

    /** Row count and md5 of every row's text, in a fixed order, per table. */
    static Map<String, String> fingerprints(DataSource ds) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM "
                        + table + " t")) {
                    rs.next();
                    result.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return result;
    }

    static double number(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static String text(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
