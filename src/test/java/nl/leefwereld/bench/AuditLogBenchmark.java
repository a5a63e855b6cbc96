package nl.leefwereld.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import nl.leefwereld.privacy.internal.AuditQueryBench;
import nl.leefwereld.privacy.internal.AuditQueryBench.Filter;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit log paging at a million rows: starts a throw-away embedded PostgreSQL 18, migrates it (V1–V11), bulk-loads N
 * audit rows (default 1,000,000) with generate_series as the owner with triggers off (the hash chain is not computed:
 * the seal trigger would take the chain lock per row; the chain columns get placeholders, which no query here reads),
 * ANALYZEs, and times with the application's own query code (AuditQuery behind AuditSearchGuard: transaction, SET LOCAL
 * statement_timeout, one round trip per statement) the first page and a deep keyset page (cursor halfway down the
 * filter's rows) for each filter: median and p95 of 20 runs after 3 warm-ups, the screen's page + bounded count, the
 * unbounded count(*), and a full CSV stream. Prints a Markdown table.
 *
 * With {@code -Dbench.plans=true} it also prints the top of each first page's query plan.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) nl.leefwereld.bench.AuditLogBenchmark 1000000
 * </pre>
 */
public final class AuditLogBenchmark {

    static final String M = "9999";
    static final int RUNS = 20;
    static final int WARMUP = 3;
    static final int PAGE = 50;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("leefwereld-bench-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("timezone", "UTC").setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("shared_buffers", "256MB").start()) {
            // A pool as in the application (the embedded library's DataSource opens a new connection per statement).
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setDataSource(pg.getPostgresDatabase());
            pool.setMaximumPoolSize(4);
            com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").placeholders(Map.of("appRole", "")).load().migrate();
            long t0 = System.nanoTime();
            load(ds, rows);
            System.out.printf(Locale.ROOT, "loaded %,d audit rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            run(ds, rows);
            ds.close();
        }
    }

    static void load(DataSource ds, int rows) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            // One year of history, newest = now; every third row shares its timestamp with the next (equal times on purpose).
            // 200 users (one rare: 'zeldzaam', 40 rows), 100,000 households on 90 % of rows, 250,000 persons on 60 %,
            // actions: READ 80 %, SEARCH 10 %, CREATE 4 %, UPDATE 4 %, EXPORT 1 %, LOGIN 0.9 %, BREAK_GLASS 0.1 %.
            s.execute("""
                    INSERT INTO audit_event (municipality_code, occurred_at, actor_username, action, record_type, record_id, household_id,
                                             person_id, route, reason, source_address, chain_seq, prev_hash, row_hash)
                    SELECT '9999',
                           now() - ((%1$d - g) / 3) * (INTERVAL '1 second' * (31536000.0 / %1$d * 3)),
                           CASE WHEN g %% 25000 = 7 THEN 'zeldzaam' ELSE 'medewerker' || (hashint4(g) & 2147483647) %% 200 END,
                           CASE WHEN g %% 1000 < 800 THEN 'READ' WHEN g %% 1000 < 900 THEN 'SEARCH' WHEN g %% 1000 < 940 THEN 'CREATE'
                                WHEN g %% 1000 < 980 THEN 'UPDATE' WHEN g %% 1000 < 990 THEN 'EXPORT' WHEN g %% 1000 < 999 THEN 'LOGIN'
                                ELSE 'BREAK_GLASS' END,
                           'PERSON', NULL,
                           CASE WHEN g %% 10 <> 0 THEN md5('h' || (hashint4(g + 1) & 2147483647) %% 100000)::uuid END,
                           CASE WHEN g %% 10 < 6 THEN md5('p' || (hashint4(g + 2) & 2147483647) %% 250000)::uuid END,
                           'GET /huishoudens/{id}', 'team bedient wijk', '10.0.0.1', g, repeat('0', 64), repeat('0', 64)
                      FROM generate_series(1, %1$d) g
                    """.formatted(rows));
            s.execute("ANALYZE audit_event");
        }
    }

    record Case(String name, Filter filter) {
    }

    static void run(DataSource ds, int rows) {
        JdbcClient jdbc = JdbcClient.create(ds);
        AuditQueryBench bench = new AuditQueryBench(ds);
        UUID household = jdbc.sql("SELECT household_id FROM audit_event WHERE household_id IS NOT NULL LIMIT 1").query(UUID.class).single();
        UUID person = jdbc.sql("SELECT person_id FROM audit_event WHERE person_id IS NOT NULL LIMIT 1").query(UUID.class).single();
        LocalDate day = jdbc.sql("SELECT (min(occurred_at) + (max(occurred_at) - min(occurred_at)) / 2)::date FROM audit_event")
                .query(LocalDate.class).single();
        List<Case> cases = List.of(
                new Case("geen filter", new Filter(null, null, null, null, null, null)),
                new Case("gebruiker (≈5,000 rijen)", new Filter("MEDEWERKER17", null, null, null, null, null)),
                new Case("gebruiker, zeldzaam (40 rijen)", new Filter("zeldzaam", null, null, null, null, null)),
                new Case("persoon", new Filter(null, null, null, person, null, null)),
                new Case("huishouden", new Filter(null, null, household, null, null, null)),
                new Case("handeling, veel (Bekeken, 80 %)", new Filter(null, "READ", null, null, null, null)),
                new Case("handeling, weinig (Noodtoegang, 0.1 %)", new Filter(null, "BREAK_GLASS", null, null, null, null)),
                new Case("periode (1 dag)", new Filter(null, null, null, null, day, day)),
                new Case("gebruiker + handeling", new Filter("medewerker17", "UPDATE", null, null, null, null)),
                new Case("gebruiker + periode (1 maand)", new Filter("medewerker17", null, null, null, day.minusMonths(1), day)));
        Map<String, String[]> table = new LinkedHashMap<>();
        for (Case c : cases) {
            String deep = deepCursor(jdbc, c.filter());
            double first = median(() -> time(() -> { bench.page(M, c.filter(), null, PAGE); }));
            double deepMs = deep == null ? Double.NaN : median(() -> time(() -> { bench.page(M, c.filter(), deep, PAGE); }));
            double screen = median(() -> time(() -> { bench.pageWithCount(M, c.filter(), null, PAGE); }));
            long n = count(jdbc, c.filter());
            if (Boolean.getBoolean("bench.plans")) {
                sql(jdbc, "EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM audit_event", c.filter(), " ORDER BY occurred_at DESC, id DESC LIMIT 51")
                        .query(String.class).list().stream().limit(4).forEach(l -> System.out.println("    " + l));
            }
            table.put(c.name(), new String[] {String.format(Locale.ROOT, "%,d", n), ms(first), ms(deepMs), ms(screen)});
            System.out.printf(Locale.ROOT, "%-40s rows %,10d  first %7s  deep %7s  page+count %7s ms%n", c.name(), n, ms(first), ms(deepMs), ms(screen));
        }
        double countAll = median(() -> time(() -> { jdbc.sql("SELECT count(*) FROM audit_event WHERE municipality_code = '9999'").query(Long.class).single(); }));
        long t = System.nanoTime();
        long streamed = bench.stream(M, new Filter(null, null, null, null, null, null), 1_000_001, r -> { });
        double streamS = (System.nanoTime() - t) / 1e9;
        System.out.println();
        System.out.println("| filter | rows | first page (ms, median of " + RUNS + ") | deep page (ms) | screen: page + count ≤ 10,000 (ms) |");
        System.out.println("|---|---:|---:|---:|---:|");
        table.forEach((k, v) -> System.out.println("| " + k + " | " + String.join(" | ", v) + " |"));
        System.out.printf(Locale.ROOT, "%nunbounded count(*) of %,d rows: %s ms (median of %d); CSV stream of %,d rows: %.1f s%n",
                rows, ms(countAll), RUNS, streamed, streamS);
    }

    /** The cursor of the row halfway down the filter's rows (found once, outside the timing). */
    static String deepCursor(JdbcClient jdbc, Filter f) {
        long n = count(jdbc, f);
        if (n < 2 * PAGE) {
            return null;
        }
        return sql(jdbc, "SELECT occurred_at, id FROM audit_event", f, " ORDER BY occurred_at DESC, id DESC OFFSET " + (n / 2) + " LIMIT 1")
                .query((rs, i) -> AuditQueryBench.cursor(rs.getObject(1, OffsetDateTime.class), rs.getLong(2))).single();
    }

    static long count(JdbcClient jdbc, Filter f) {
        return sql(jdbc, "SELECT count(*) FROM audit_event", f, "").query(Long.class).single();
    }

    static JdbcClient.StatementSpec sql(JdbcClient jdbc, String head, Filter f, String tail) {
        StringBuilder w = new StringBuilder(" WHERE municipality_code = '9999'");
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.actor() != null) { w.append(" AND lower(actor_username) = lower(:a)"); p.put("a", f.actor()); }
        if (f.action() != null) { w.append(" AND action = :ac"); p.put("ac", f.action()); }
        if (f.householdId() != null) { w.append(" AND household_id = :h"); p.put("h", f.householdId()); }
        if (f.personId() != null) { w.append(" AND person_id = :p"); p.put("p", f.personId()); }
        if (f.from() != null) { w.append(" AND occurred_at >= :f"); p.put("f", f.from().atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toOffsetDateTime()); }
        if (f.to() != null) { w.append(" AND occurred_at < :t"); p.put("t", f.to().plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toOffsetDateTime()); }
        JdbcClient.StatementSpec spec = jdbc.sql(head + w + tail);
        for (var e : p.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    static double median(LongSupplier run) {
        for (int i = 0; i < WARMUP; i++) {
            run.getAsLong();
        }
        List<Long> ns = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ns.add(run.getAsLong());
        }
        Collections.sort(ns);
        return (ns.get(RUNS / 2 - 1) + ns.get(RUNS / 2)) / 2.0 / 1e6;
    }

    static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
