package nl.leefwereld.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 5 item 9 (and issue 7 item 7): the embedded PostgreSQL asks for passwords, is durable by default; the app binds to localhost. */
@IntegrationTest
class EmbeddedDatabaseSecurityTest {

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    DatabaseProperties properties;
    @Autowired
    DatabaseSecrets secrets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    WebServerApplicationContext web;

    static Connection connect(int port, String user, String password) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=" + user + (password == null ? "" : "&password=" + password);
        return DriverManager.getConnection(url);
    }

    static void assertPasswordsRequired(int port, String appRole, DatabaseSecrets secrets) throws SQLException {
        for (String user : new String[] {"postgres", appRole}) {
            assertThatThrownBy(() -> connect(port, user, null).close()).as(user + " without password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(port, user, "wrong").close()).as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (Connection c = connect(port, "postgres", secrets.ownerPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
        try (Connection c = connect(port, appRole, secrets.appPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void theRunningDatabaseRefusesConnectionsWithoutThePassword() throws Exception {
        assertPasswordsRequired(postgres.getPort(), properties.appRole(), secrets);
        Path dataDir = EmbeddedDatabaseConfiguration.dataDirectory(properties);
        Path file = dataDir.resolve(DatabaseSecrets.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(properties.appRole());
    }

    @Test
    void aDataDirectoryCreatedWithTrustIsUpgradedAndItsSecretsReusedOnTheNextStart(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("postgres");
        // An "old" data directory: initdb with trust, as every version before this one left it.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setServerConfig("fsync", "off").start()) {
            try (Connection c = connect(old.getPort(), "postgres", null)) {
                assertThat(c.isValid(2)).as("trust, before the upgrade").isTrue();
            }
        }
        DatabaseProperties defaults = new DatabaseProperties(true, dataDir.toString(), false, null, null, null);
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        DatabaseSecrets first;
        try (EmbeddedPostgres upgraded = configuration.embeddedPostgres(defaults)) {
            first = configuration.embeddedDatabaseSecrets(upgraded, defaults);
            assertPasswordsRequired(upgraded.getPort(), defaults.appRole(), first);
            try (Connection c = connect(upgraded.getPort(), "postgres", first.ownerPassword()); Statement s = c.createStatement()) {
                assertThat(setting(s, "fsync")).as("the default (run) configuration is durable").isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(s, "listen_addresses")).isEqualTo("localhost");
            }
        }
        try (EmbeddedPostgres again = configuration.embeddedPostgres(defaults)) {
            DatabaseSecrets second = configuration.embeddedDatabaseSecrets(again, defaults);
            assertThat(second.ownerPassword()).isEqualTo(first.ownerPassword());
            assertThat(second.appPassword()).isEqualTo(first.appPassword());
            assertPasswordsRequired(again.getPort(), defaults.appRole(), second);
        }
    }

    @Test
    void durabilityIsOnByDefaultAndTheServerRunsWithWhatTheConfigurationSays() throws Exception {
        DatabaseProperties defaults = new DatabaseProperties(null, null, null, null, null, null);
        assertThat(EmbeddedDatabaseConfiguration.serverConfig(defaults)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        Map<String, String> test = EmbeddedDatabaseConfiguration.serverConfig(properties);
        assertThat(test).as("the test profile switches it off for speed").containsEntry("fsync", "off");
        try (Connection c = connect(postgres.getPort(), "postgres", secrets.ownerPassword()); Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo(test.get("fsync"));
            assertThat(setting(s, "synchronous_commit")).isEqualTo(test.get("synchronous_commit"));
        }
    }

    @Test
    void theApplicationListensOnLocalhostOnlyByDefault() throws Exception {
        if (System.getenv("LEEFWERELD_BIND_ADDRESS") == null) {
            assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        }
        TomcatWebServer server = (TomcatWebServer) web.getWebServer();
        Object address = server.getTomcat().getService().findConnectors()[0].getProperty("address");
        assertThat(address).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
