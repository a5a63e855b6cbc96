package nl.leefwereld.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Leefwereld reaches PostgreSQL. By default it starts a real embedded PostgreSQL whose data stays in
 * {@code dataDirectory}; production sets {@code embedded=false} and uses the spring.datasource / spring.flyway
 * properties (environment variables SPRING_DATASOURCE_URL and friends).
 *
 * @param appRole       the restricted role the application connects as
 * @param auditPoolSize connections of the audit trail's own pool (read by the privacy module's writer)
 * @param durable       embedded only: fsync and synchronous_commit on (default); tests switch it off for speed
 */
@ConfigurationProperties("leefwereld.database")
public record DatabaseProperties(Boolean embedded, String dataDirectory, Boolean cleanDataDirectory, String appRole,
                                 Integer auditPoolSize, Boolean durable) {

    public DatabaseProperties {
        embedded = embedded == null || embedded;
        dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? "./data/postgres" : dataDirectory;
        cleanDataDirectory = cleanDataDirectory != null && cleanDataDirectory;
        appRole = appRole == null || appRole.isBlank() ? "leefwereld_app" : appRole;
        auditPoolSize = auditPoolSize == null || auditPoolSize < 1 ? 4 : auditPoolSize;
        durable = durable == null || durable;
    }
}
