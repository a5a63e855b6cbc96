package nl.leefwereld.monitor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leefwereld.LeefwereldApplication;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The attacker of {@link CubeSuppressionTest} on a generated municipality: asks every scope of a cube (every law × all
 * districts, each district, each team and each district and team together that has facts) through the same path as the
 * pages, and checks that no hidden cell or small part comes out and that no table had to be shown fail-closed. Not a test
 * (it needs a generated database); run it like {@code nl.leefwereld.bench.MonitorBenchmark}:
 *
 * <pre>
 * java -Xmx512m -Dbench.data-directory=D -Dleefwereld.database.data-directory=D -Dleefwereld.demo.enabled=false \
 *      -Dleefwereld.monitor.refresh-on-first-start=false -Dleefwereld.monitor.refresh-cron=- -Dleefwereld.monitor.warm-cubes=false \
 *      -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) nl.leefwereld.monitor.internal.CubeAtScaleCheck [table...]
 * </pre>
 */
public final class CubeAtScaleCheck {

    private CubeAtScaleCheck() {
    }

    public static void main(String[] args) {
        String m = System.getProperty("bench.municipality", "9999");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeefwereldApplication.class)
                .properties("leefwereld.demo.enabled=false", "server.port=0", "leefwereld.monitor.refresh-cron=-",
                        "leefwereld.monitor.refresh-on-first-start=false", "leefwereld.budget.batch-cron=-", "leefwereld.monitor.warm-cubes=false",
                        "logging.level.root=WARN")
                .run()) {
            MonitorService monitor = app.getBean(MonitorService.class);
            FactStore store = app.getBean(FactStore.class);
            int year = monitor.yearsOf(m).get(0);
            List<MonitorTableName> names = args.length == 0 ? List.of(MonitorTableName.values())
                    : java.util.Arrays.stream(args).map(a -> MonitorTableName.valueOf(a.toUpperCase(Locale.ROOT))).toList();
            for (MonitorTableName name : names) {
                if (name == MonitorTableName.INDICATORS) {
                    continue;
                }
                long started = System.nanoTime();
                List<CubeSuppression.Scope> scopes = scopes(monitor, store, m, name, year);
                Map<CubeSuppression.Scope, MonitorTable> raw = new LinkedHashMap<>();
                Map<CubeSuppression.Scope, MonitorTable> published = new LinkedHashMap<>();
                long before = monitor.disagreements();
                for (CubeSuppression.Scope s : scopes) {
                    MonitorQuery q = s.query(year);
                    raw.put(s, monitor.rawTableFor(m, name, q));
                    published.put(s, monitor.tableFor(m, name, q));
                }
                long hidden = published.values().stream().flatMap(t -> t.rows().stream()).flatMap(r -> r.cells().values().stream())
                        .filter(MonitorTable.Cell::suppressed).count();
                // what each table would hide on its own: the price of suppressing across queries
                long alone = raw.values().stream().map(t -> Suppression.apply(t, monitor.threshold())).flatMap(t -> t.rows().stream())
                        .flatMap(r -> r.cells().values().stream()).filter(MonitorTable.Cell::suppressed).count();
                CubeSuppressionTest.assertAttackerLearnsNothing(raw, published);
                System.out.printf(Locale.ROOT, "%s %d: %d scopes, %d hidden cells (%d by each table on its own), attacker learned nothing, fail-closed tables %d, %.1f s%n",
                        name.key(), year, scopes.size(), hidden, alone, monitor.disagreements() - before, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Every law × all, the districts, the teams and the district-and-team pairs of the table's facts. */
    private static List<CubeSuppression.Scope> scopes(MonitorService monitor, FactStore store, String m, MonitorTableName name, int year) {
        FactStore.InMemory facts = store.inMemory(m, store.refreshRow(m));
        monitor.definition(name).compute(new MonitorQuery(year, null, null, null), facts);
        List<CubeSuppression.Scope> out = new ArrayList<>();
        MonitorService.scopes(facts.atoms()).forEach(out::addAll);
        return out;
    }
}
