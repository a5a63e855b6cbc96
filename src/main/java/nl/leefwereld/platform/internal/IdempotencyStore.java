package nl.leefwereld.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code idempotency_key} (V8). Every statement commits on its own (no surrounding transaction), so a claim is
 * visible to a concurrent request at once.
 */
@Repository
class IdempotencyStore {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    /** A claim still "in progress" after this long belongs to a request that died; another request may take it over. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Stored(String requestHash, Integer status, String contentType, String location, byte[] body, OffsetDateTime createdAt) {
    }

    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Replay(Stored stored) implements Claim {
        }

        record Mismatch() implements Claim {
        }

        record InProgress() implements Claim {
        }
    }

    Claim claim(String m, UUID userId, String key, String requestHash) {
        purgeExpired();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int attempt = 0; attempt < 3; attempt++) {
            int inserted = jdbc.sql("""
                    INSERT INTO idempotency_key (municipality_code, user_id, idem_key, request_hash, created_at)
                    VALUES (:m, :u, :k, :h, :now) ON CONFLICT DO NOTHING
                    """).param("m", m).param("u", userId).param("k", key).param("h", requestHash).param("now", now).update();
            if (inserted == 1) {
                return new Claim.Claimed();
            }
            Optional<Stored> row = find(m, userId, key);
            if (row.isEmpty()) {
                continue; // released or purged meanwhile: try again
            }
            Stored s = row.get();
            if (s.createdAt().isBefore(now.minus(KEPT_FOR))) {
                jdbc.sql("DELETE FROM idempotency_key WHERE municipality_code = :m AND user_id = :u AND idem_key = :k AND created_at < :cutoff")
                        .param("m", m).param("u", userId).param("k", key).param("cutoff", now.minus(KEPT_FOR)).update();
                continue;
            }
            if (!s.requestHash().equals(requestHash)) {
                return new Claim.Mismatch();
            }
            if (s.status() != null) {
                return new Claim.Replay(s);
            }
            if (s.createdAt().isBefore(now.minus(STALE_AFTER))) {
                int taken = jdbc.sql("""
                        UPDATE idempotency_key SET created_at = :now
                         WHERE municipality_code = :m AND user_id = :u AND idem_key = :k AND status IS NULL AND created_at < :stale
                        """).param("now", now).param("m", m).param("u", userId).param("k", key).param("stale", now.minus(STALE_AFTER)).update();
                if (taken == 1) {
                    return new Claim.Claimed();
                }
            }
            return new Claim.InProgress();
        }
        return new Claim.InProgress();
    }

    void complete(String m, UUID userId, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                UPDATE idempotency_key SET status = :s, content_type = :ct, location = :loc, body = :b, completed_at = :now
                 WHERE municipality_code = :m AND user_id = :u AND idem_key = :k
                """).param("s", status).param("ct", contentType).param("loc", location).param("b", body)
                .param("now", OffsetDateTime.now(clock)).param("m", m).param("u", userId).param("k", key).update();
    }

    /** Forgets a claim whose request failed unexpectedly, so the client may retry with the same key. */
    void release(String m, UUID userId, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE municipality_code = :m AND user_id = :u AND idem_key = :k AND status IS NULL")
                .param("m", m).param("u", userId).param("k", key).update();
    }

    private Optional<Stored> find(String m, UUID userId, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, location, body, created_at FROM idempotency_key
                 WHERE municipality_code = :m AND user_id = :u AND idem_key = :k
                """).param("m", m).param("u", userId).param("k", key).query(Stored.class).optional();
    }

    /** Drops responses older than 24 hours, at most every ten minutes. */
    private void purgeExpired() {
        long nowMillis = clock.millis();
        long last = lastPurge.get();
        if (nowMillis - last > Duration.ofMinutes(10).toMillis() && lastPurge.compareAndSet(last, nowMillis)) {
            jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff").param("cutoff", OffsetDateTime.now(clock).minus(KEPT_FOR)).update();
        }
    }
}
