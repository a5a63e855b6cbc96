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

    MonitorRefreshSchedule(MonitorRefreshService refresh, MonitorDimension dimension, JdbcClient jdbc) {
        this.refresh = refresh;
        this.dimension = dimension;
        this.jdbc = jdbc;
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
