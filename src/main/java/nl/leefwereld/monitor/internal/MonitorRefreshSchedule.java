package nl.leefwereld.monitor.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import nl.leefwereld.monitor.MonitorDimension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly refresh (cron leefwereld.monitor.refresh-cron, default 05:30 Europe/Amsterdam; "-" switches it off, as in
 * the tests): every municipality with households, and every one refreshed before, one after the other.
 */
@Configuration
@EnableScheduling
class MonitorRefreshSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRefreshSchedule.class);

    private final MonitorRefreshService refresh;
    private final MonitorDimension dimension;
    private final JdbcClient jdbc;

    private final boolean firstStart;

    MonitorRefreshSchedule(MonitorRefreshService refresh, MonitorDimension dimension, JdbcClient jdbc,
                           @org.springframework.beans.factory.annotation.Value("${leefwereld.monitor.refresh-on-first-start:true}") boolean firstStart) {
        this.firstStart = firstStart;
        this.refresh = refresh;
        this.dimension = dimension;
        this.jdbc = jdbc;
    }

    /**
     * A refresh interrupted by the last stop is marked failed. A municipality that was never refreshed successfully (a
     * fresh demo, a freshly generated municipality, a first refresh that failed) gets its first refresh
     * in the background as soon as the application is ready, so the monitor does not stay empty until the night; it
     * does not delay start-up ({@code leefwereld.monitor.refresh-on-first-start}, default true).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void firstRefresh() {
        refresh.markInterrupted();
        if (!firstStart || dimension.municipalitiesQuery() == null) {
            return;
        }
        // never refreshed successfully: no row, or a first refresh that failed or was interrupted (generation 0)
        Set<String> refreshed = new LinkedHashSet<>(jdbc.sql("SELECT municipality_code FROM monitor_refresh WHERE generation > 0")
                .query(String.class).list());
        for (String m : jdbc.sql(dimension.municipalitiesQuery()).query(String.class).list()) {
            if (!refreshed.contains(m) && refresh.start(m)) {
                LOG.info("first monitor refresh of {} started in the background", m);
            }
        }
    }

    @Scheduled(cron = "${leefwereld.monitor.refresh-cron:0 30 5 * * *}", zone = "Europe/Amsterdam")
    void run() {
        Set<String> municipalities = new LinkedHashSet<>(jdbc.sql("SELECT municipality_code FROM monitor_refresh ORDER BY 1")
                .query(String.class).list());
        if (dimension.municipalitiesQuery() != null) {
            municipalities.addAll(jdbc.sql(dimension.municipalitiesQuery()).query(String.class).list());
        }
        for (String m : municipalities) {
            MonitorRefreshService.Result r = refresh.refresh(m);
            LOG.info("scheduled monitor refresh of {}: ran={} ok={} rows={} in {} ms", m, r.ran(), r.ok(), r.rows(), r.millis());
        }
    }
}
