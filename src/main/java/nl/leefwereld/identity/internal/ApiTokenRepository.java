package nl.leefwereld.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: hashes of personal API tokens, never the tokens themselves. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a request with a token needs: the hash to compare, the validity and the owner. One primary-key lookup. */
    record StoredToken(String municipalityCode, UUID id, UUID userId, byte[] secretSha256, Instant expiresAt, Instant lastUsedAt,
                       Instant revokedAt) {
    }

    /** A row for the lists (no hash). */
    record TokenRow(UUID id, UUID userId, String username, String displayName, String name, Instant createdAt, Instant expiresAt,
                    Instant lastUsedAt, Instant revokedAt) {
    }

    void insert(String m, UUID id, UUID userId, String name, byte[] secretSha256, Instant createdAt, UUID createdBy, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (municipality_code, id, user_id, name, secret_sha256, created_at, created_by, expires_at)
                VALUES (:m, :id, :user, :name, :hash, :created, :by, :expires)
                """).param("m", m).param("id", id).param("user", userId).param("name", name).param("hash", secretSha256)
                .param("created", at(createdAt)).param("by", createdBy).param("expires", at(expiresAt)).update();
    }

    Optional<StoredToken> find(String m, UUID id) {
        return jdbc.sql("""
                SELECT municipality_code, id, user_id, secret_sha256, expires_at, last_used_at, revoked_at
                  FROM api_token WHERE municipality_code = :m AND id = :id
                """).param("m", m).param("id", id).query((rs, i) -> new StoredToken(rs.getString("municipality_code"),
                rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getBytes("secret_sha256"),
                instant(rs.getObject("expires_at", OffsetDateTime.class)), instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)))).optional();
    }

    /** Marks the token used; a no-op when another request already did so within the last minute. */
    void touch(String m, UUID id, Instant now) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :now
                 WHERE municipality_code = :m AND id = :id AND (last_used_at IS NULL OR last_used_at < :cutoff)
                """).param("m", m).param("id", id).param("now", at(now)).param("cutoff", at(now.minusSeconds(60))).update();
    }

    /** Revokes one token; false when it does not exist (in this municipality, for this user if given) or was already revoked. */
    boolean revoke(String m, UUID id, UUID onlyOfUser, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :now, revoked_by = :by
                 WHERE municipality_code = :m AND id = :id AND revoked_at IS NULL
                   AND (CAST(:owner AS uuid) IS NULL OR user_id = :owner)
                """).param("m", m).param("id", id).param("owner", onlyOfUser).param("by", by).param("now", at(now)).update() == 1;
    }

    /** The tokens of a municipality (or of one user), newest first, at most {@code limit}. */
    List<TokenRow> list(String m, UUID userId, int limit) {
        return jdbc.sql("""
                SELECT t.id, t.user_id, u.username, u.display_name, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
                  FROM api_token t JOIN app_user u ON u.municipality_code = t.municipality_code AND u.id = t.user_id
                 WHERE t.municipality_code = :m AND (CAST(:user AS uuid) IS NULL OR t.user_id = :user)
                 ORDER BY t.created_at DESC, t.id
                 LIMIT :limit
                """).param("m", m).param("user", userId).param("limit", limit)
                .query((rs, i) -> new TokenRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("name"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)), instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)))).list();
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
