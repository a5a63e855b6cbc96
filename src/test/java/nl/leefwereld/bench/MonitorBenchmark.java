package nl.leefwereld.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.leefwereld.LeefwereldApplication;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.monitor.internal.MonitorRefreshService;
import nl.leefwereld.monitor.internal.MonitorService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The council monitor on a generated municipality: starts the application on an existing data directory (made by
 * {@code java -jar target/<jar> generate --households N --seed S}), times the full re-aggregation (the refresh, as the
 * "Nu vernieuwen" button and the nightly run do it) and each table's server time (computing and suppressing the table from
 * the current facts, without HTTP): median and p95 of 20 runs after 3 warm-ups, for the newest year, all districts, and for
 * one district with one law (the table computed, the cached suppression cube applied), the first view of each table (the
 * cube decided) and the time to decide the cubes of all older years. Prints Markdown tables and the heap in use.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx512m -Dbench.data-directory=./data/postgres -Dbench.municipality=9999 \
 *      -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) nl.leefwereld.bench.MonitorBenchmark
 * </pre>
 * Optional: {@code -Dbench.refreshes=3} (refreshes to time, default 1), {@code -Dbench.runs=20}.
 */
public final class MonitorBenchmark {

    private MonitorBenchmark() {
    }

    public static void main(String[] args) {
        String dir = System.getProperty("bench.data-directory");
        if (dir == null || dir.isBlank()) {
            System.err.println("Give the generated database: -Dbench.data-directory=<the data directory of the generated municipality>");
            System.exit(2);
        }
        String m = System.getProperty("bench.municipality", "9999");
        int refreshes = Integer.getInteger("bench.refreshes", 1);
        int runs = Integer.getInteger("bench.runs", 20);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeefwereldApplication.class)
                .properties("leefwereld.database.data-directory=" + dir, "leefwereld.demo.enabled=false", "server.port=0",
                        "leefwereld.monitor.refresh-cron=-", "leefwereld.monitor.refresh-on-first-start=false", "leefwereld.budget.batch-cron=-", "leefwereld.monitor.warm-cubes=false",
                        "logging.level.root=WARN")
                .run()) {
            MonitorRefreshService refresh = app.getBean(MonitorRefreshService.class);
            MonitorService monitor = app.getBean(MonitorService.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long households = jdbc.sql("SELECT count(*) FROM household WHERE municipality_code = ?").param(m).query(Long.class).single();
            System.out.printf(Locale.ROOT, "municipality %s: %,d households%n%n", m, households);
            System.out.println("| step | result |");
            System.out.println("|---|---|");
            for (int i = 0; i < refreshes; i++) {
                MonitorRefreshService.Result r = refresh.refresh(m);
                System.out.printf(Locale.ROOT, "| full re-aggregation #%d | %s, %,d fact rows, %.1f s |%n", i + 1, r.ok() ? "ok" : "FAILED: " + r.error(),
                        r.rows(), r.millis() / 1000.0);
            }
            List<Integer> years = jdbc.sql("SELECT DISTINCT year FROM monitor_fact WHERE municipality_code = ? AND measure <> 'households.total' "
                    + "AND year <= extract(year FROM current_date) ORDER BY year DESC").param(m).query(Integer.class).list();
            int year = years.isEmpty() ? java.time.Year.now().getValue() : years.get(0);
            String district = jdbc.sql("SELECT min(district_code) FROM monitor_fact WHERE municipality_code = ? AND district_code <> ''").param(m).query(String.class).single();
            // the first view of a table and year after a refresh decides its suppression cube (every law × all districts,
            // each district, each team, each district and team together); the application does that for every table and
            // year right after a refresh, in the background: here that is off, to time it
            System.out.println();
            System.out.println("| table | first view of " + year + " (cube decided) ms | scopes |");
            System.out.println("|---|---|---|");
            for (MonitorTableName name : MonitorTableName.values()) {
                if (monitor.available(name)) {
                    long t = System.nanoTime();
                    monitor.tableFor(m, name, new MonitorQuery(year, null, null, null));
                    System.out.printf(Locale.ROOT, "| %s | %.1f | %d |%n", name.key(), (System.nanoTime() - t) / 1e6, monitor.cubeScopes(m, name, year));
                }
            }
            long warm = System.nanoTime();
            int cubes = 0;
            for (int y : years) {
                if (y == year) {
                    continue;
                }
                for (MonitorTableName name : MonitorTableName.values()) {
                    if (monitor.available(name)) {
                        monitor.tableFor(m, name, new MonitorQuery(y, null, null, null));
                        cubes++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%nthe cubes of the %d older years (%d tables × years, as the warm-up after a refresh does them): %.1f s%n",
                    years.size() - 1, cubes, (System.nanoTime() - warm) / 1e9);
            System.out.println();
            System.out.println("| table | filter | median ms | p95 ms |");
            System.out.println("|---|---|---|---|");
            for (MonitorTableName name : MonitorTableName.values()) {
                if (!monitor.available(name)) {
                    System.out.printf("| %s | – | not built | |%n", name.key());
                    continue;
                }
                time(monitor, m, name, new MonitorQuery(year, null, null, null), runs, year + ", all");
                time(monitor, m, name, new MonitorQuery(year, district, "WMO", null), runs, year + ", " + district + ", WMO");
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%nheap in use %,d MB of max %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }

    private static void time(MonitorService monitor, String m, MonitorTableName name, MonitorQuery q, int runs, String label) {
        for (int i = 0; i < 3; i++) {
            monitor.tableFor(m, name, q);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            monitor.tableFor(m, name, q);
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f |%n", name.key(), label, nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(nanos.size() * 0.95) - 1)) / 1e6);
    }
}
