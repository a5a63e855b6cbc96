package nl.leefwereld.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The embedded default: a real PostgreSQL (zonky binaries) started in-process. Flyway migrates as the
 * database owner; the application itself connects as a separate role that cannot alter the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leefwereld.database.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dataDir = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        long start = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(properties.cleanDataDirectory())
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "50")
                .start();
        log.info("Embedded PostgreSQL started on port {} in {} ms (data directory {})",
                postgres.getPort(), (System.nanoTime() - start) / 1_000_000, dataDir);
        ensureAppRole(postgres, properties);
        return postgres;
    }

    /**
     * A previous run that was killed hard (kill -9, a closed terminal) leaves its PostgreSQL running on the data
     * directory, and a new start would wait for it in vain. Stop that orphan first; PostgreSQL recovers on start.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier run", pid);
        process.get().destroy();   // SIGTERM: PostgreSQL's smart shutdown
        try {
            process.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    private static void ensureAppRole(EmbeddedPostgres postgres, DatabaseProperties properties) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            String role = properties.appRole().replace("\"", "");
            String password = properties.appPassword().replace("'", "''");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IOException("could not prepare the application role in the embedded database", e);
        }
    }

    /** The application's own connections, as the restricted role. */
    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        config.setUsername(properties.appRole());
        config.setPassword(properties.appPassword());
        config.setMaximumPoolSize(10);
        config.setPoolName("leefwereld");
        return new HikariDataSource(config);
    }

    /** Migrations run as the owner. */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();   // unpooled: used only while migrating
    }
}
