package nl.leefwereld.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins per login name and per client address, in the database (so they hold across sessions, restarts and
 * nodes). Too many failures within the window lock the name or block the address; each next lock lasts twice as long.
 * A successful login clears the name's count, never the address's (else one valid account would reset a guessing run).
 */
@Component
class LoginThrottle {

    enum Kind { ACCOUNT, SOURCE }

    /** What a failure led to: the lock it caused (if any) for the name and the address. */
    record Failure(Instant accountLockedUntil, Instant sourceLockedUntil) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecuritySettings.Lockout settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings.getLockout();
    }

    /** Until when the name or the address is locked (the later of both), or empty when neither is. */
    Optional<Instant> lockedUntil(String accountKey, String source) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT max(locked_until) FROM login_throttle
                 WHERE ((kind = 'ACCOUNT' AND throttle_key = :a) OR (kind = 'SOURCE' AND throttle_key = :s)) AND locked_until > :now
                """).param("a", key(accountKey)).param("s", key(source)).param("now", at(now))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    Failure recordFailure(String accountKey, String source) {
        Instant a = count(Kind.ACCOUNT, key(accountKey), settings.getAccountMaxFailures());
        Instant s = source == null ? null : count(Kind.SOURCE, key(source), settings.getSourceMaxFailures());
        return new Failure(a, s);
    }

    void recordSuccess(String accountKey) {
        jdbc.sql("DELETE FROM login_throttle WHERE kind = 'ACCOUNT' AND throttle_key = :a").param("a", key(accountKey)).update();
    }

    /** Adds a failure; returns the new lock when this failure reached the threshold. */
    private Instant count(Kind kind, String key, int max) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                INSERT INTO login_throttle (kind, throttle_key, failures, window_start) VALUES (:k, :key, 1, :now)
                ON CONFLICT (kind, throttle_key) DO UPDATE SET
                    failures = CASE WHEN login_throttle.window_start < :floor THEN 1 ELSE login_throttle.failures + 1 END,
                    window_start = CASE WHEN login_throttle.window_start < :floor THEN :now ELSE login_throttle.window_start END
                RETURNING failures
                """).param("k", kind.name()).param("key", key).param("now", at(now)).param("floor", at(now.minus(settings.getWindow())))
                .query(Integer.class).single();
        if (failures < max) {
            return null;
        }
        int previousLocks = jdbc.sql("SELECT lock_count FROM login_throttle WHERE kind = :k AND throttle_key = :key")
                .param("k", kind.name()).param("key", key).query(Integer.class).single();
        Duration lock = settings.getDuration().multipliedBy(1L << Math.min(previousLocks, 20));
        if (lock.compareTo(settings.getMaxDuration()) > 0) {
            lock = settings.getMaxDuration();
        }
        Instant until = now.plus(lock);
        jdbc.sql("""
                UPDATE login_throttle SET locked_until = :until, lock_count = lock_count + 1, failures = 0, window_start = :now
                 WHERE kind = :k AND throttle_key = :key
                """).param("until", at(until)).param("now", at(now)).param("k", kind.name()).param("key", key).update();
        return until;
    }

    private static String key(String value) {
        String v = value == null ? "" : value;
        return v.length() > 200 ? v.substring(0, 200) : v;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
