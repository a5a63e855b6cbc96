package nl.leefwereld.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Statements as the database OWNER (not the application's role), for tests that play an attacker with owner rights
 * or that must set up a state the application itself can never produce.
 */
@Component
public class OwnerDatabase {

    private final EmbeddedPostgres postgres;

    public OwnerDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Runs the statements in one session with triggers switched off ({@code session_replication_role = replica}). */
    public void runWithoutTriggers(String... statements) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }
}
