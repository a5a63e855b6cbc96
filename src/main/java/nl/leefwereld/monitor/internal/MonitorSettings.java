package nl.leefwereld.monitor.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * leefwereld.monitor.*: the suppression threshold (default 10; below 5 the application refuses to start) and the
 * statement timeout of each refresh query (default 120 s).
 */
@Component
public class MonitorSettings {

    public static final int MINIMUM_THRESHOLD = 5;

    private final int threshold;
    private final Duration refreshStatementTimeout;

    MonitorSettings(@Value("${leefwereld.monitor.threshold:10}") int threshold,
                    @Value("${leefwereld.monitor.refresh-statement-timeout:120s}") Duration refreshStatementTimeout) {
        if (threshold < MINIMUM_THRESHOLD) {
            throw new IllegalStateException("leefwereld.monitor.threshold must be at least " + MINIMUM_THRESHOLD + " (is " + threshold + ")");
        }
        if (refreshStatementTimeout.isNegative() || refreshStatementTimeout.isZero() || refreshStatementTimeout.toMinutes() > 30) {
            throw new IllegalStateException("leefwereld.monitor.refresh-statement-timeout must be between 1 s and 30 min");
        }
        this.threshold = threshold;
        this.refreshStatementTimeout = refreshStatementTimeout;
    }

    public int threshold() {
        return threshold;
    }

    public Duration refreshStatementTimeout() {
        return refreshStatementTimeout;
    }
}
