package nl.leefwereld.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.leefwereld.shared.FormTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One-time form tokens in table {@code form_token} (V8); the caller's transaction decides whether a use sticks. */
@Component
class JdbcFormTokens implements FormTokens {

    static final Duration VALID_FOR = Duration.ofHours(24);
    private static final int MAX_TOKEN_LENGTH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastPurge = new AtomicLong();

    JdbcFormTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String issue(String m, UUID userId, String form) {
        purgeExpired();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO form_token (municipality_code, token, user_id, form, issued_at) VALUES (:m, :t, :u, :f, :now)")
                .param("m", m).param("t", token).param("u", userId).param("f", form).param("now", OffsetDateTime.now(clock)).update();
        return token;
    }

    @Override
    public Use consume(String m, UUID userId, String form, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1," + MAX_TOKEN_LENGTH + "}")) {
            return Use.invalid();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime cutoff = now.minus(VALID_FOR);
        // The row lock makes a concurrent second submit wait here until the first one commits or rolls back.
        int used = jdbc.sql("""
                UPDATE form_token SET consumed_at = :now
                 WHERE municipality_code = :m AND token = :t AND user_id = :u AND form = :f AND issued_at > :cutoff AND consumed_at IS NULL
                """).param("now", now).param("m", m).param("t", token).param("u", userId).param("f", form).param("cutoff", cutoff).update();
        if (used == 1) {
            return Use.first();
        }
        record Earlier(OffsetDateTime consumedAt, String resultPath) {
        }
        return jdbc.sql("""
                SELECT consumed_at, result_path FROM form_token
                 WHERE municipality_code = :m AND token = :t AND user_id = :u AND form = :f AND issued_at > :cutoff
                """).param("m", m).param("t", token).param("u", userId).param("f", form).param("cutoff", cutoff)
                .query(Earlier.class).optional()
                .filter(e -> e.consumedAt() != null)
                .map(e -> Use.repeat(e.resultPath()))
                .orElse(Use.invalid());
    }

    @Override
    public void complete(String m, String token, String resultPath) {
        jdbc.sql("UPDATE form_token SET result_path = :p WHERE municipality_code = :m AND token = :t")
                .param("p", resultPath).param("m", m).param("t", token).update();
    }

    /** Drops expired tokens, at most every ten minutes. */
    private void purgeExpired() {
        long nowMillis = clock.millis();
        long last = lastPurge.get();
        if (nowMillis - last > Duration.ofMinutes(10).toMillis() && lastPurge.compareAndSet(last, nowMillis)) {
            jdbc.sql("DELETE FROM form_token WHERE issued_at < :cutoff").param("cutoff", OffsetDateTime.now(clock).minus(VALID_FOR)).update();
        }
    }
}
