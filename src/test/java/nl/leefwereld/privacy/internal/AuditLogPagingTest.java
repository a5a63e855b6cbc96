package nl.leefwereld.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.OwnerDatabase;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privacy officer's audit log: keyset paging (page boundaries inside runs of equal timestamps, rows written while
 * paging), every filter, the reversed period, Dutch labels, the streamed CSV and its cap, the busy answer and the
 * statement timeout. Rows with chosen timestamps are written as the owner into a trail of their own (a municipality
 * code no user has), with a valid hash chain, so no other test sees them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogPagingTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    AuditQuery query;
    @Autowired
    AuditSearchGuard guard;
    @Autowired
    AuditLog audit;
    @Autowired
    ResidentRegister residents;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestHouseholds households;
    @Autowired
    Clock clock;
    @Autowired
    JsonMapper json;

    MockMvc mvc;
    /** A trail of its own: 500 rows, every 7 sharing one timestamp. */
    String trail;

    @BeforeAll
    void setUp() {
        mvc = Mvc.of(context);
        trail = "Z" + (100 + new java.util.Random().nextInt(900));
        owner.runWithoutTriggers(
                "INSERT INTO audit_event (municipality_code, occurred_at, actor_username, action, record_type, route, reason, chain_seq, prev_hash, row_hash) "
                        + "SELECT '" + trail + "', TIMESTAMPTZ '2026-01-01 10:00:00+00' + (g / 7) * INTERVAL '1 second', "
                        + "CASE WHEN g % 3 = 0 THEN 'Anna' ELSE 'bert' END, CASE WHEN g % 5 = 0 THEN 'EXPORT' ELSE 'READ' END, 'PERSON', "
                        + "'GET /x', 'rij ' || g, g, repeat('0', 64), repeat('0', 64) FROM generate_series(1, 500) g",
                """
                DO $$
                DECLARE r audit_event; prev char(64) := repeat('0', 64);
                BEGIN
                    FOR r IN SELECT * FROM audit_event WHERE municipality_code = '%s' ORDER BY chain_seq LOOP
                        r.prev_hash := prev;
                        r.row_hash := audit_row_hash(prev, r);
                        UPDATE audit_event SET prev_hash = r.prev_hash, row_hash = r.row_hash WHERE municipality_code = r.municipality_code AND id = r.id;
                        prev := r.row_hash;
                    END LOOP;
                END $$""".formatted(trail));
    }

    List<Long> all(AuditQuery.Filter f) {
        return jdbc.sql("SELECT id FROM audit_event WHERE municipality_code = :m"
                        + (f.actor() != null ? " AND lower(actor_username) = lower(:a)" : "")
                        + (f.action() != null ? " AND action = :ac" : "") + " ORDER BY occurred_at DESC, id DESC")
                .param("m", trail).param("a", f.actor()).param("ac", f.action()).query(Long.class).list();
    }

    List<Long> walk(AuditQuery.Filter f, int size, Runnable betweenPages) {
        List<Long> seen = new ArrayList<>();
        AuditQuery.Cursor after = null;
        int pages = 0;
        do {
            AuditQuery.Page page = query.page(trail, f, after, size);
            assertThat(page.rows().size()).isLessThanOrEqualTo(size);
            page.rows().forEach(r -> seen.add(r.id()));
            // the cursor survives the round trip through its text form (as in a link)
            after = page.next() == null ? null : AuditQuery.Cursor.decode(page.next().encode());
            betweenPages.run();
            assertThat(++pages).isLessThan(1000);
        } while (after != null);
        return seen;
    }

    @Test
    void keysetPagesLoseAndRepeatNothingAtBoundariesInsideEqualTimestamps() {
        AuditQuery.Filter none = AuditQuery.Filter.none();
        List<Long> expected = all(none);
        assertThat(expected).hasSize(500);
        assertThat(jdbc.sql("SELECT count(DISTINCT occurred_at) FROM audit_event WHERE municipality_code = :m").param("m", trail)
                .query(Long.class).single()).as("runs of equal timestamps").isLessThan(100);
        for (int size : new int[] {1, 3, 7, 50, 200}) {
            assertThat(walk(none, size, () -> { })).as("page size " + size).isEqualTo(expected);
        }
        AuditQuery.Filter anna = new AuditQuery.Filter("ANNA", null, null, null, null, null);
        assertThat(walk(anna, 13, () -> { })).as("user filter, case-insensitive").isEqualTo(all(anna)).hasSize(166);
        AuditQuery.Filter exports = new AuditQuery.Filter(null, "EXPORT", null, null, null, null);
        assertThat(walk(exports, 9, () -> { })).as("action filter").isEqualTo(all(exports)).hasSize(100);
    }

    @Test
    void rowsWrittenWhilePagingDoNotShiftLaterPages() {
        AuditQuery.Filter none = AuditQuery.Filter.none();
        List<Long> before = all(none);
        // New rows (sealed by the trigger: the database's time, newer than all) arrive between every two pages.
        List<Long> during = new ArrayList<>();
        AuditQuery.Cursor after = null;
        boolean first = true;
        while (first || after != null) {
            AuditQuery.Page page = query.page(trail, none, after, 37);
            page.rows().forEach(r -> during.add(r.id()));
            after = page.next();
            first = false;
            try (var c = owner.postgres().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("INSERT INTO audit_event (municipality_code, actor_username, action, record_type, route) VALUES ('" + trail
                        + "', 'nieuw', 'READ', 'PERSON', 'GET /y')");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(during).as("no duplicates, no gaps").isEqualTo(before);
        assertThat(new HashSet<>(during)).hasSize(during.size());
    }

    @Test
    void theScreenFiltersByUserActionHouseholdPersonAndPeriodWithDutchLabels() throws Exception {
        CurrentUser director = users.current("regisseur");
        TestHouseholds.Fresh h = households.register(director, "centrum");
        mvc.perform(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur"))).andReturn();

        String byHousehold = body(get("/privacy/audit").param("household", h.householdId().toString()));
        assertThat(byHousehold).contains("Bekeken").contains("Huishouden").contains("Persoon").contains("lw-table-scroll")
                .doesNotContain(">READ<").doesNotContain(">HOUSEHOLD<").doesNotContain("row_hash").doesNotContain("prev_hash");
        assertThat(rowsOnPage(byHousehold)).isPositive();

        // The person by BSN: posted, the page links carry the person id, never the BSN.
        String byBsn = mvc.perform(post("/privacy/audit").with(csrf()).with(users.as("privacy")).param("bsn", h.bsn()))
                .andReturn().getResponse().getContentAsString();
        assertThat(byBsn).contains(h.headPersonId().toString()).contains("Alleen regels over één persoon");
        assertThat(byBsn.lines().filter(l -> l.contains("href=")).filter(l -> l.contains(h.bsn())).toList()).as("no link holds the BSN").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username = 'privacy' AND action = 'SEARCH' AND record_type = 'AUDIT_LOG' AND person_id = :p")
                .param("p", h.headPersonId()).query(Long.class).single()).as("the BSN lookup is audited").isEqualTo(1);
        String unknown = mvc.perform(post("/privacy/audit").with(csrf()).with(users.as("privacy")).param("bsn", households.freshBsn()))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("bsn-error").contains("geen inwoner met dit BSN");

        // Person id from a link, user, action and period (both date formats) all narrow it down.
        String today = java.time.LocalDate.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu"));
        String narrowed = body(get("/privacy/audit").param("person", h.headPersonId().toString()).param("actor", "REGISSEUR")
                .param("action", "READ").param("from", today).param("to", java.time.LocalDate.now(clock).toString()));
        assertThat(rowsOnPage(narrowed)).isPositive();
        assertThat(body(get("/privacy/audit").param("person", h.headPersonId().toString()).param("action", "EXPORT")))
                .contains("Geen regels voor deze zoekopdracht");
        assertThat(body(get("/privacy/audit").param("person", h.headPersonId().toString()).param("from", "01-01-2001").param("to", "31-12-2001")))
                .contains("Geen regels voor deze zoekopdracht");
    }

    @Test
    void aReversedPeriodIsAFieldErrorNotAnEmptyList() throws Exception {
        String page = body(get("/privacy/audit").param("from", "10-03-2026").param("to", "01-03-2026"));
        assertThat(page).contains("to-error").contains("De einddatum ligt vóór de begindatum").doesNotContain("Geen regels voor deze zoekopdracht")
                .contains("value=\"10-03-2026\"").contains("value=\"01-03-2026\"");
        MockHttpServletResponse api = mvc.perform(get("/api/v1/audit-events").param("from", "2026-03-10").param("to", "2026-03-01")
                .with(users.as("privacy"))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(json.readTree(api.getContentAsString()).path("errors").path("to").asString()).contains("einddatum");
        assertThat(body(get("/privacy/audit").param("from", "31-02-2026"))).contains("from-error");
    }

    @Test
    void theApiPagesWithACursorAndRefusesUnboundedSizes() throws Exception {
        CurrentUser director = users.current("regisseur");
        UUID household = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            audit.record(director, AuditAction.READ, "HOUSEHOLD", household.toString(), household, null, "api-paging " + i);
        }
        List<String> reasons = new ArrayList<>();
        String after = null;
        do {
            var req = get("/api/v1/audit-events").param("householdId", household.toString()).param("size", "2").with(users.as("privacy"));
            if (after != null) {
                req.param("after", after);
            }
            JsonNode page = json.readTree(mvc.perform(req).andReturn().getResponse().getContentAsString());
            page.path("items").forEach(i -> {
                reasons.add(i.path("reason").asString());
                assertThat(i.path("actionLabel").asString()).isEqualTo("Bekeken");
                assertThat(i.path("recordTypeLabel").asString()).isEqualTo("Huishouden");
                assertThat(i.has("rowHash") || i.has("prevHash") || i.has("chainSeq")).isFalse();
            });
            after = page.path("next").isNull() ? null : page.path("next").asString();
        } while (after != null);
        assertThat(reasons).containsExactly("api-paging 4", "api-paging 3", "api-paging 2", "api-paging 1", "api-paging 0");
        for (String[] bad : new String[][] {{"size", "201"}, {"size", "0"}, {"size", "veel"}, {"after", "kapot"}, {"householdId", "geen-id"}}) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/audit-events").param(bad[0], bad[1]).with(users.as("privacy"))).andReturn().getResponse();
            assertThat(r.getStatus()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(json.readTree(r.getContentAsString()).path("errors").has(bad[0])).as(bad[0]).isTrue();
        }
    }

    @Test
    void theCsvStreamsTheFilterIsAuditedAndSaysHowManyRowsAtMost() throws Exception {
        CurrentUser director = users.current("regisseur");
        UUID household = UUID.randomUUID();
        audit.record(director, AuditAction.READ, "HOUSEHOLD", household.toString(), household, null, "=HYPERLINK(\"http://x\";\"klik\")");
        audit.record(director, AuditAction.UPDATE, "CASE", household.toString(), household, null, "regel; met \"aanhalingstekens\"");
        MockHttpServletResponse r = mvc.perform(get("/api/v1/audit-events/export").param("householdId", household.toString())
                .with(users.as("privacy"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/csv").contains("UTF-8");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment; filename=\"auditlog-9999-").endsWith(".csv\"");
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(r.getHeader("Content-Length")).as("streamed: no length up front").isNull();
        String csv = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFAuditlog Leefwereld;gemeente 9999");
        assertThat(csv).contains("Hoogstens;1000000 regels").contains("Filter;huishouden " + household)
                .contains("Tijdstip;Gebruiker;Handeling;Handeling (code);Gegeven;Gegeven (code)")
                .contains(";Bekeken;READ;Huishouden;HOUSEHOLD;").contains(";Gewijzigd;UPDATE;Zaak;CASE;")
                .contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"").contains("\"regel; met \"\"aanhalingstekens\"\"\"")
                .doesNotContain("row_hash");
        // the two rows, and the export's own audit row (written before the first row is read)
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Einde;3 regels, compleet.");
        assertThat(csv).contains(";privacy;Geëxporteerd;EXPORT;Auditlog;AUDIT_LOG;");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username = 'privacy' AND action = 'EXPORT' AND record_type = 'AUDIT_LOG' "
                + "AND household_id = :h AND reason = :r").param("h", household).param("r", "export: huishouden " + household)
                .query(Long.class).single()).as("the export is itself audited, with its filter").isEqualTo(1);

        // The screen's download: posted with CSRF, same file.
        MockHttpServletResponse page = mvc.perform(post("/privacy/audit/export").with(csrf()).with(users.as("privacy"))
                .param("household", household.toString())).andReturn().getResponse();
        assertThat(page.getContentType()).startsWith("text/csv");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).endsWith("Einde;4 regels, compleet.\r\n");
        String badExport = mvc.perform(post("/privacy/audit/export").with(csrf()).with(users.as("privacy")).param("from", "morgen"))
                .andReturn().getResponse().getContentAsString();
        assertThat(badExport).contains("from-error").contains("action=\"/privacy/audit/export\"").contains("value=\"morgen\"");
    }

    @Test
    void theExportStopsAtItsMaximumAndSaysSo() throws Exception {
        AuditSearchService capped = new AuditSearchService(query, guard, audit, residents, clock, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CurrentUser officer = users.current("privacy");
        capped.export(officer, AuditQuery.Filter.none(), guard.enter(), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int header = lines.indexOf(String.join(";", AuditCsv.COLUMNS));
        assertThat(lines.subList(header + 1, lines.size() - 2)).hasSize(7);
        assertThat(lines.get(lines.size() - 1)).startsWith("Afgekapt;Dit bestand heeft de nieuwste 7 regels. Er zijn er meer");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Hoogstens;7 regels");
    }

    @Test
    void overTheLimitTheScreenSaysBusyAndTheApiAnswers503WithRetryAfter() throws Exception {
        List<AuditSearchGuard.Permit> held = new ArrayList<>();
        try {
            for (int i = 0; i < guard.maxConcurrent(); i++) {
                held.add(guard.enter());
            }
            MockHttpServletResponse page = mvc.perform(get("/privacy/audit").with(users.as("privacy"))).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(503);
            assertThat(page.getHeader("Retry-After")).isEqualTo("5");
            assertThat(page.getContentAsString()).contains("Het is nu druk, probeer het zo opnieuw");
            MockHttpServletResponse api = mvc.perform(get("/api/v1/audit-events").with(users.as("privacy"))).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(503);
            assertThat(api.getContentType()).startsWith("application/problem+json");
            assertThat(api.getHeader("Retry-After")).isEqualTo("5");
            assertThat(json.readTree(api.getContentAsString()).path("title").asString()).isEqualTo("Het is nu druk");
            assertThat(mvc.perform(get("/api/v1/audit-events/export").with(users.as("privacy"))).andReturn().getResponse().getStatus()).isEqualTo(503);
            MockHttpServletResponse export = mvc.perform(post("/privacy/audit/export").with(csrf()).with(users.as("privacy"))).andReturn().getResponse();
            assertThat(export.getStatus()).isEqualTo(503);
            assertThat(export.getContentAsString()).contains("Het is nu druk");
        } finally {
            held.forEach(AuditSearchGuard.Permit::close);
        }
        assertThat(mvc.perform(get("/privacy/audit").with(users.as("privacy"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aSearchStopsAtItsStatementTimeoutAndTheSettingEndsWithItsTransaction() {
        AuditSearchGuard strict = new AuditSearchGuard(transactions, jdbc, 2, Duration.ofMillis(50), Duration.ofMillis(50));
        assertThatThrownBy(() -> strict.search(() -> jdbc.sql("SELECT pg_sleep(1)").query(String.class).list()))
                .isInstanceOfSatisfying(AuditBusyException.class, e -> assertThat(e.timedOut()).isTrue());
        assertThat(guard.search(() -> jdbc.sql("SHOW statement_timeout").query(String.class).single())).as("the default").isEqualTo("5s");
        AuditSearchGuard odd = new AuditSearchGuard(transactions, jdbc, 2, Duration.ofMillis(4321), Duration.ofMillis(4321));
        assertThat(odd.search(() -> jdbc.sql("SHOW statement_timeout").query(String.class).single())).isEqualTo("4321ms");
        Set<String> outside = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            outside.add(jdbc.sql("SHOW statement_timeout").query(String.class).single());
        }
        assertThat(outside).as("no pooled connection keeps the audit search's timeout (SET LOCAL)").doesNotContain("4321ms", "50ms");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(users.as("privacy"))).andReturn().getResponse().getContentAsString();
    }

    private static long rowsOnPage(String html) {
        return html.lines().filter(l -> l.matches("\\s*<td>\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d:\\d\\d</td>")).count();
    }
}
