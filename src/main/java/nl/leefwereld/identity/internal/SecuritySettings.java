package nl.leefwereld.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leefwereld.security.*}: lockout after failed logins and the absolute session lifetime. The idle timeout is
 * Spring Boot's {@code server.servlet.session.timeout} (30 minutes).
 */
@ConfigurationProperties("leefwereld.security")
public class SecuritySettings {

    private final Lockout lockout = new Lockout();
    private final Session session = new Session();

    public Lockout getLockout() {
        return lockout;
    }

    public Session getSession() {
        return session;
    }

    public static class Lockout {
        /** Failed logins for one login name within {@link #window} before it is locked. */
        private int accountMaxFailures = 5;
        /** Failed logins from one client address within {@link #window} before that address is blocked. */
        private int sourceMaxFailures = 30;
        private Duration window = Duration.ofMinutes(15);
        /** The first lock; each next lock of the same name or address doubles, up to {@link #maxDuration}. */
        private Duration duration = Duration.ofMinutes(15);
        private Duration maxDuration = Duration.ofHours(24);

        public int getAccountMaxFailures() { return accountMaxFailures; }
        public void setAccountMaxFailures(int v) { accountMaxFailures = v; }
        public int getSourceMaxFailures() { return sourceMaxFailures; }
        public void setSourceMaxFailures(int v) { sourceMaxFailures = v; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration v) { window = v; }
        public Duration getDuration() { return duration; }
        public void setDuration(Duration v) { duration = v; }
        public Duration getMaxDuration() { return maxDuration; }
        public void setMaxDuration(Duration v) { maxDuration = v; }
    }

    public static class Session {
        /** A session ends this long after the login, however active it is. */
        private Duration absoluteTimeout = Duration.ofHours(10);

        public Duration getAbsoluteTimeout() { return absoluteTimeout; }
        public void setAbsoluteTimeout(Duration v) { absoluteTimeout = v; }
    }
}
