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
                   u.team_id, t.name AS team_name, u.active,
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

    /** A row with the municipality and the hash, for login. */
    record StoredUser(String municipalityCode, UserAccount account, String passwordHash) {
    }

    Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
                .param("username", username).query(this::map).optional();
    }

    Optional<StoredUser> findByOidcSubject(String subject) {
        return jdbc.sql(SELECT + " WHERE u.oidc_subject = :subject")
                .param("subject", subject).query(this::map).optional();
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

    boolean usernameTaken(String username, UUID exceptId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(:u) AND (CAST(:id AS uuid) IS NULL OR id <> :id)")
                .param("u", username).param("id", exceptId).query(Long.class).single() > 0;
    }

    UUID insert(String municipalityCode, String username, String displayName, String email, String passwordHash,
                String oidcSubject, UUID teamId, Set<Role> roles) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app_user (municipality_code, id, username, display_name, email, password_hash, oidc_subject, team_id, active, created_at)
                VALUES (:m, :id, :username, :displayName, :email, :hash, :oidc, :team, true, :now)
                """)
                .param("m", municipalityCode).param("id", id).param("username", username)
                .param("displayName", displayName).param("email", email).param("hash", passwordHash)
                .param("oidc", oidcSubject).param("team", teamId).param("now", OffsetDateTime.now(clock))
                .update();
        replaceRoles(municipalityCode, id, roles);
        return id;
    }

    void update(String municipalityCode, UUID id, String displayName, String email, UUID teamId, boolean active, Set<Role> roles) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, email = :email, team_id = :team, active = :active
                 WHERE municipality_code = :m AND id = :id
                """)
                .param("m", municipalityCode).param("id", id).param("displayName", displayName)
                .param("email", email).param("team", teamId).param("active", active).update();
        replaceRoles(municipalityCode, id, roles);
    }

    void updatePassword(String municipalityCode, UUID id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE municipality_code = :m AND id = :id")
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
        return new StoredUser(rs.getString("municipality_code"), account, rs.getString("password_hash"));
    }
}
