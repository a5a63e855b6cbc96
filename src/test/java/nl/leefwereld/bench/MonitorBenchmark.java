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
 * "Nu vernieuwen" button and the nightly run do it: the facts, then the suppression cube of every table and year decided
 * before the new figures count), the first view of each table after it, each table's server time (computing and
 * suppressing the table from the current facts, without HTTP): median and p95 of 20 runs after 3 warm-ups, for the
 * newest year, all districts, and for one district with one law; and, after a restart of the application, the first view
 * of each table again (its cube read back from the database). Prints Markdown tables and the heap in use.
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
        int year;
        try (ConfigurableApplicationContext app = start(dir)) {
            MonitorRefreshService refresh = app.getBean(MonitorRefreshService.class);
            MonitorService monitor = app.getBean(MonitorService.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // the cubes of the figures already there are decided (or read back) in the background after a start: not
            // while a refresh is timed
            monitor.awaitWarm();
            long households = jdbc.sql("SELECT count(*) FROM household WHERE municipality_code = ?").param(m).query(Long.class).single();
            System.out.printf(Locale.ROOT, "municipality %s: %,d households%n%n", m, households);
            System.out.println("| step | result |");
            System.out.println("|---|---|");
            for (int i = 0; i < refreshes; i++) {
                MonitorRefreshService.Result r = refresh.refresh(m);
                System.out.printf(Locale.ROOT, "| full re-aggregation #%d (facts and cubes) | %s, %,d fact rows, %.1f s |%n", i + 1,
                        r.ok() ? "ok" : "FAILED: " + r.error(), r.rows(), r.millis() / 1000.0);
            }
            List<Integer> years = jdbc.sql("SELECT DISTINCT year FROM monitor_fact WHERE municipality_code = ? AND measure <> 'households.total' "
                    + "AND year <= extract(year FROM current_date) ORDER BY year DESC").param(m).query(Integer.class).list();
            year = years.isEmpty() ? java.time.Year.now().getValue() : years.get(0);
            String district = jdbc.sql("SELECT min(district_code) FROM monitor_fact WHERE municipality_code = ? AND district_code <> ''").param(m).query(String.class).single();
            firstViews(monitor, m, year, "first view of " + year + " right after the refresh");
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
        long restart = System.nanoTime();
        try (ConfigurableApplicationContext app = start(dir)) {
            System.out.printf(Locale.ROOT, "%napplication started again in %.1f s%n", (System.nanoTime() - restart) / 1e9);
            MonitorService monitor = app.getBean(MonitorService.class);
            // at once, beside the warm-up that reads the kept cubes back and computes each table once (JIT still cold),
            // and again once that warm-up has finished (a few seconds after the start)
            firstViews(monitor, m, year, "first view of " + year + " right after a restart");
            monitor.awaitWarm();
            monitor.forgetCubes(m);
            firstViews(monitor, m, year, "first view of " + year + " after the warm-up, cube read back");
        }
    }

    private static ConfigurableApplicationContext start(String dir) {
        return new SpringApplicationBuilder(LeefwereldApplication.class)
                .properties("leefwereld.database.data-directory=" + dir, "leefwereld.demo.enabled=false", "server.port=0",
                        "leefwereld.monitor.refresh-cron=-", "leefwereld.monitor.refresh-on-first-start=false", "leefwereld.budget.batch-cron=-",
                        "logging.level.root=WARN", "logging.level.nl.leefwereld.monitor.internal.MonitorService=INFO")
                .run();
    }

    /** Each table once, as the first page after a refresh or a start asks it (all districts, all laws). */
    private static void firstViews(MonitorService monitor, String m, int year, String what) {
        System.out.println();
        System.out.println("| table | " + what + " ms | scopes in its cube |");
        System.out.println("|---|---|---|");
        for (MonitorTableName name : MonitorTableName.values()) {
            if (monitor.available(name)) {
                long t = System.nanoTime();
                monitor.tableFor(m, name, new MonitorQuery(year, null, null, null));
                System.out.printf(Locale.ROOT, "| %s | %.1f | %d |%n", name.key(), (System.nanoTime() - t) / 1e6, monitor.cubeScopes(m, name, year));
            }
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
