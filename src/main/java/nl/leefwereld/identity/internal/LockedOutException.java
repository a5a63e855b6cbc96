package nl.leefwereld.identity.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this name or from this address: refused until {@code until}, even with the right password. */
class LockedOutException extends AuthenticationException {

    private final transient Instant until;
    private final transient Instant now;

    LockedOutException(Instant until, Instant now) {
        super("temporarily locked");
        this.until = until;
        this.now = now;
    }

    /** Seconds until the lock ends, rounded up: the HTTP Retry-After. */
    long retryAfterSeconds() {
        long millis = Math.max(0, Duration.between(now, until).toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Whole minutes until the lock ends, rounded up: what the login page says. */
    long minutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}
