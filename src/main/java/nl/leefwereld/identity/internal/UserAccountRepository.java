package nl.leefwereld.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private static final String SELECT = """
            SELECT u.municipality_code, u.id, u.username, u.display_name, u.email, u.password_hash, u.oidc_subject,
                   u.oidc_issuer, u.team_id, t.name AS team_name, u.active, u.security_version,
                   (SELECT string_agg(r.role, ',') FROM user_role r
                     WHERE r.municipality_code = u.municipality_code AND r.user_id = u.id) AS roles
              FROM app_user u
              LEFT JOIN team t ON t.municipality_code = u.municipality_code AND t.id = u.team_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    UserAccountRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A row with the municipality, the hash and the security version, for login and for open sessions. */
    record StoredUser(String municipalityCode, UserAccount account, String passwordHash, String oidcIssuer, long securityVersion) {
    }

    /** The account with this username in one municipality. */
    Optional<StoredUser> findByUsername(String municipalityCode, String username) {
        return jdbc.sql(SELECT + " WHERE u.municipality_code = :m AND lower(u.username) = lower(:username)")
                .param("m", municipalityCode).param("username", username).query(this::map).optional();
    }

    /** Every account with this username, in any municipality (at most one per municipality). */
    List<StoredUser> findAllByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
                .param("username", username).query(this::map).list();
    }

    /** OIDC accounts with this subject (bound to any issuer, or not yet bound), optionally within one municipality. */
    List<StoredUser> findByOidcSubject(String municipalityCode, String subject) {
        return jdbc.sql(SELECT + " WHERE u.oidc_subject = :subject AND (CAST(:m AS varchar) IS NULL OR u.municipality_code = :m)")
                .param("m", municipalityCode).param("subject", subject).query(this::map).list();
    }

    boolean oidcIdentityTaken(String issuer, String subject) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE oidc_subject = :s AND coalesce(oidc_issuer, '') = coalesce(CAST(:i AS varchar), '')")
                .param("s", subject).param("i", issuer).query(Long.class).single() > 0;
    }

    /** Binds an account created before V6 (no issuer yet) to the issuer of its first login. */
    void bindOidcIssuer(String municipalityCode, UUID id, String issuer) {
        jdbc.sql("UPDATE app_user SET oidc_issuer = :i WHERE municipality_code = :m AND id = :id AND oidc_issuer IS NULL")
                .param("i", issuer).param("m", municipalityCode).param("id", id).update();
    }

    /** What an open session checks on every request: one primary-key lookup. */
    record SessionState(boolean active, long securityVersion) {
    }

    Optional<SessionState> sessionState(String municipalityCode, UUID id) {
        return jdbc.sql("SELECT active, security_version FROM app_user WHERE municipality_code = :m AND id = :id")
                .param("m", municipalityCode).param("id", id).query(SessionState.class).optional();
    }

    Optional<StoredUser> findById(String municipalityCode, UUID id) {
        return jdbc.sql(SELECT + " WHERE u.municipality_code = :m AND u.id = :id")
                .param("m", municipalityCode).param("id", id).query(this::map).optional();
    }

    List<UserAccount> findAll(String municipalityCode) {
        return jdbc.sql(SELECT + " WHERE u.municipality_code = :m ORDER BY lower(u.display_name)")
                .param("m", municipalityCode).query(this::map).list()
                .stream().map(StoredUser::account).toList();
    }

    boolean usernameTaken(String municipalityCode, String username, UUID exceptId) {
        return jdbc.sql("""
                SELECT count(*) FROM app_user WHERE municipality_code = :m AND lower(username) = lower(:u)
                   AND (CAST(:id AS uuid) IS NULL OR id <> :id)
                """).param("m", municipalityCode).param("u", username).param("id", exceptId).query(Long.class).single() > 0;
    }

    UUID insert(String municipalityCode, String username, String displayName, String email, String passwordHash,
                String oidcIssuer, String oidcSubject, UUID teamId, Set<Role> roles) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app_user (municipality_code, id, username, display_name, email, password_hash, oidc_issuer, oidc_subject,
                                      team_id, active, created_at)
                VALUES (:m, :id, :username, :displayName, :email, :hash, :issuer, :oidc, :team, true, :now)
                """)
                .param("m", municipalityCode).param("id", id).param("username", username)
                .param("displayName", displayName).param("email", email).param("hash", passwordHash).param("issuer", oidcIssuer)
                .param("oidc", oidcSubject).param("team", teamId).param("now", OffsetDateTime.now(clock))
                .update();
        replaceRoles(municipalityCode, id, roles);
        return id;
    }

    void update(String municipalityCode, UUID id, String displayName, String email, UUID teamId, boolean active, Set<Role> roles) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, email = :email, team_id = :team, active = :active,
                       security_version = security_version + 1
                 WHERE municipality_code = :m AND id = :id
                """)
                .param("m", municipalityCode).param("id", id).param("displayName", displayName)
                .param("email", email).param("team", teamId).param("active", active).update();
        replaceRoles(municipalityCode, id, roles);
    }

    void updatePassword(String municipalityCode, UUID id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, security_version = security_version + 1 WHERE municipality_code = :m AND id = :id")
                .param("m", municipalityCode).param("id", id).param("hash", passwordHash).update();
    }

    private void replaceRoles(String municipalityCode, UUID id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE municipality_code = :m AND user_id = :id")
                .param("m", municipalityCode).param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (municipality_code, user_id, role) VALUES (:m, :id, :role)")
                    .param("m", municipalityCode).param("id", id).param("role", role.name()).update();
        }
    }

    private StoredUser map(ResultSet rs, int row) throws SQLException {
        String roleList = rs.getString("roles");
        Set<Role> roles = roleList == null ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roleList.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        UserAccount account = new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), rs.getObject("team_id", UUID.class),
                rs.getString("team_name"), roles, rs.getBoolean("active"), rs.getString("password_hash") != null,
                rs.getString("oidc_subject"));
        return new StoredUser(rs.getString("municipality_code"), account, rs.getString("password_hash"), rs.getString("oidc_issuer"),
                rs.getLong("security_version"));
    }
}
