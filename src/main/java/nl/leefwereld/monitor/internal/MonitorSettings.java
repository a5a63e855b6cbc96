package nl.leefwereld.monitor.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * leefwereld.monitor.*: the suppression threshold (default 10; below 5 the application refuses to start), the
 * statement timeout of each refresh query (default 120 s), how many sources a refresh runs side by side (default 2, one
 * database connection each) and the working memory of a refresh query (default 128MB: the aggregates of a million
 * households sort and hash in memory instead of on disk) and whether the suppression cubes of every table and year are
 * decided right after a refresh (default true; the benchmark switches it off to time a first view).
 */
@Component
public class MonitorSettings {

    public static final int MINIMUM_THRESHOLD = 5;

    private final int threshold;
    private final Duration refreshStatementTimeout;
    private final int refreshParallelism;
    private final String refreshWorkMem;
    private final boolean warmCubes;

    MonitorSettings(@Value("${leefwereld.monitor.threshold:10}") int threshold,
                    @Value("${leefwereld.monitor.refresh-statement-timeout:120s}") Duration refreshStatementTimeout,
                    @Value("${leefwereld.monitor.refresh-parallelism:2}") int refreshParallelism,
                    @Value("${leefwereld.monitor.refresh-work-mem:128MB}") String refreshWorkMem,
                    @Value("${leefwereld.monitor.warm-cubes:true}") boolean warmCubes) {
        if (threshold < MINIMUM_THRESHOLD) {
            throw new IllegalStateException("leefwereld.monitor.threshold must be at least " + MINIMUM_THRESHOLD + " (is " + threshold + ")");
        }
        if (refreshStatementTimeout.isNegative() || refreshStatementTimeout.isZero() || refreshStatementTimeout.toMinutes() > 30) {
            throw new IllegalStateException("leefwereld.monitor.refresh-statement-timeout must be between 1 s and 30 min");
        }
        // each connection of a refresh comes from the application's pool of 10, which the pages need too
        if (refreshParallelism < 1 || refreshParallelism > 4) {
            throw new IllegalStateException("leefwereld.monitor.refresh-parallelism must be between 1 and 4");
        }
        if (!refreshWorkMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalStateException("leefwereld.monitor.refresh-work-mem must be a size such as 64MB");
        }
        this.threshold = threshold;
        this.refreshStatementTimeout = refreshStatementTimeout;
        this.refreshParallelism = refreshParallelism;
        this.refreshWorkMem = refreshWorkMem;
        this.warmCubes = warmCubes;
    }

    /** Whether a refresh is followed by deciding the suppression cubes of every table and year in the background. */
    public boolean warmCubes() {
        return warmCubes;
    }

    /** How many sources one refresh runs at the same time, each on its own connection. */
    public int refreshParallelism() {
        return refreshParallelism;
    }

    /** PostgreSQL work_mem of the refresh's connections (a checked size such as 128MB). */
    public String refreshWorkMem() {
        return refreshWorkMem;
    }

    public int threshold() {
        return threshold;
    }

    public Duration refreshStatementTimeout() {
        return refreshStatementTimeout;
    }
}
