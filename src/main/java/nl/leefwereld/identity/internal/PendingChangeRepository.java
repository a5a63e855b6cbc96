package nl.leefwereld.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.identity.PendingChange;
import nl.leefwereld.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PendingChangeRepository {

    /** What the request would set, besides what the overview shows. */
    record Requested(PendingChange change, long baseVersion, String displayName, String email, UUID teamId, boolean active, Set<Role> roles) {
    }

    private static final String SELECT = """
            SELECT p.*, u.username, u.display_name AS user_display_name FROM pending_account_change p
              JOIN app_user u ON u.municipality_code = p.municipality_code AND u.id = p.user_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingChangeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID insert(String m, UUID userId, UUID requestedBy, String requestedByUsername, long baseVersion, String displayName, String email,
                UUID teamId, boolean active, Set<Role> roles, String before, String after) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO pending_account_change (municipality_code, id, user_id, requested_by, requested_by_username, requested_at,
                    base_version, display_name, email, team_id, active, roles, before_text, after_text, status)
                VALUES (:m, :id, :u, :by, :byName, :now, :v, :dn, :email, :team, :active, :roles, :before, :after, 'PENDING')
                """).param("m", m).param("id", id).param("u", userId).param("by", requestedBy).param("byName", requestedByUsername)
                .param("now", OffsetDateTime.now(clock)).param("v", baseVersion).param("dn", displayName).param("email", email)
                .param("team", teamId).param("active", active)
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("before", before).param("after", after).update();
        return id;
    }

    /** Open requests first, then the latest decisions. */
    List<PendingChange> recent(String m) {
        return jdbc.sql(SELECT + " WHERE p.municipality_code = :m ORDER BY (p.status = 'PENDING') DESC, p.requested_at DESC LIMIT 50")
                .param("m", m).query((rs, i) -> map(rs).change()).list();
    }

    Optional<Requested> find(String m, UUID id) {
        return jdbc.sql(SELECT + " WHERE p.municipality_code = :m AND p.id = :id FOR UPDATE OF p")
                .param("m", m).param("id", id).query((rs, i) -> map(rs)).optional();
    }

    void decide(String m, UUID id, String status, UUID by, String byName) {
        jdbc.sql("""
                UPDATE pending_account_change SET status = :s, decided_by = :by, decided_by_username = :byName, decided_at = :now
                 WHERE municipality_code = :m AND id = :id AND status = 'PENDING'
                """).param("s", status).param("by", by).param("byName", byName).param("now", OffsetDateTime.now(clock))
                .param("m", m).param("id", id).update();
    }

    private static Requested map(java.sql.ResultSet rs) throws java.sql.SQLException {
        PendingChange change = new PendingChange(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("username"),
                rs.getString("user_display_name"), rs.getObject("requested_by", UUID.class), rs.getString("requested_by_username"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("before_text"), rs.getString("after_text"),
                rs.getString("status"), rs.getString("decided_by_username"));
        String roles = rs.getString("roles");
        Set<Role> set = roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Requested(change, rs.getLong("base_version"), rs.getString("display_name"), rs.getString("email"),
                rs.getObject("team_id", UUID.class), rs.getBoolean("active"), set);
    }
}
