package nl.leefwereld.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Leefwereld reaches PostgreSQL. By default it starts a real embedded PostgreSQL whose data stays in
 * {@code dataDirectory}; production sets {@code embedded=false} and uses the spring.datasource / spring.flyway
 * properties (environment variables SPRING_DATASOURCE_URL and friends).
 */
@ConfigurationProperties("leefwereld.database")
public record DatabaseProperties(Boolean embedded, String dataDirectory, Boolean cleanDataDirectory, String appRole, String appPassword) {

    public DatabaseProperties {
        embedded = embedded == null || embedded;
        dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? "./data/postgres" : dataDirectory;
        cleanDataDirectory = cleanDataDirectory != null && cleanDataDirectory;
        appRole = appRole == null || appRole.isBlank() ? "leefwereld_app" : appRole;
        appPassword = appPassword == null || appPassword.isBlank() ? "leefwereld_app" : appPassword;
    }
}
