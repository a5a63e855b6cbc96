package nl.leefwereld.monitor;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records of the monitor's reference data for other tests (an indicator of their own), written straight to the table. */
public final class MonitorTestFixtures {

    private MonitorTestFixtures() {
    }

    /** A fresh percentage indicator (baseline 40 in 2020, target 50 in 2030) without measurements. */
    public static UUID indicator(JdbcClient jdbc, String municipality) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO monitor_indicator (municipality_code, id, code, name, unit, direction, baseline_value, baseline_year, baseline_source,
                                               target_value, target_year, position)
                VALUES (:m, :id, :code, 'Testindicator', 'PERCENT', 'UP', 40, 2020, 'Testbron', 50, 2030, 1000)""")
                .param("m", municipality).param("id", id).param("code", "TEST_" + id.toString().substring(0, 8)).update();
        return id;
    }
}
