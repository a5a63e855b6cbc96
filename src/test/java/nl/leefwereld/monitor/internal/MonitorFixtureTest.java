package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.MonitorFixture;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The monitor on the hand-countable municipality of {@link MonitorFixture}: reach, overlap, concentration, term share
 * and lead times computed exactly; suppression on those tables and in the JSON; a failed refresh keeps the old facts;
 * five "Nu vernieuwen" at once run one refresh.
 */
@IntegrationTest
class MonitorFixtureTest {

    static final String M = MonitorFixture.CODE;
    static final MonitorQuery Y2025 = new MonitorQuery(MonitorFixture.YEAR, null, null, null);

    @Autowired
    MonitorFixture fixture;
    @Autowired
    MonitorRefreshService refresh;
    @Autowired
    MonitorService monitor;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.leefwereld.identity.Directory directory;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    DemoUsers users;
    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    MonitorFixture.Data data;

    @BeforeEach
    void setUp() {
        clock.freezeAt(MonitorFixture.TODAY);
        data = fixture.ensure();
        mvc = Mvc.of(context);
        waitUntilIdle();
        MonitorRefreshService.Result r = refresh.refresh(M);
        assertThat(r.ran()).isTrue();
        assertThat(r.ok()).as("refresh: " + r.error()).isTrue();
        monitor.awaitWarm();   // the warm-up after it: not counted as a page's work
    }

    static MonitorTable.Row row(MonitorTable t, String key, String text) {
        return t.rows().stream().filter(r -> text.equals(r.cell(key).text())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + text + " in " + t.rows()));
    }

    static MonitorTable.Row row(MonitorTable t, String key1, String text1, String key2, String text2) {
        return t.rows().stream().filter(r -> text1.equals(r.cell(key1).text()) && text2.equals(r.cell(key2).text())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + text1 + "/" + text2));
    }

    static BigDecimal n(MonitorTable.Row r, String key) {
        return r.cell(key).number();
    }

    @Test
    void reachCountsUniqueResidentsPerProvisionAndLaw() {
        MonitorTable t = monitor.rawTableFor(M, MonitorTableName.REACH, Y2025);
        assertThat(n(row(t, "provision", "Hulp bij het huishouden"), "y2025")).isEqualByComparingTo("18");
        assertThat(n(row(t, "provision", "Hulp bij het huishouden"), "y2024")).as("H18's line ran in 2024 only").isEqualByComparingTo("1");
        assertThat(n(row(t, "provision", "Woningaanpassing"), "y2025")).isEqualByComparingTo("1");
        assertThat(n(row(t, "provision", "Totaal Wmo 2015"), "y2025")).as("H1 has two Wmo provisions and counts once").isEqualByComparingTo("18");
        assertThat(n(row(t, "provision", "Jeugdhulp ambulant"), "y2025")).isEqualByComparingTo("4");
        assertThat(n(row(t, "provision", "Totaal Participatiewet"), "y2025")).isEqualByComparingTo("3");
        assertThat(n(row(t, "provision", "Totaal alle wetten"), "y2025")).isEqualByComparingTo("21");
        // district and law filters
        MonitorTable oost = monitor.rawTableFor(M, MonitorTableName.REACH, new MonitorQuery(2025, MonitorFixture.OOST, "WMO", null));
        assertThat(n(row(oost, "provision", "Totaal Wmo 2015"), "y2025")).isEqualByComparingTo("4");
        assertThat(oost.rows()).noneMatch(r -> "Totaal alle wetten".equals(r.cell("provision").text()));

        MonitorTable safe = monitor.tableFor(M, MonitorTableName.REACH, Y2025);
        assertThat(n(row(safe, "provision", "Hulp bij het huishouden"), "y2025")).isEqualByComparingTo("18");
        assertThat(row(safe, "provision", "Jeugdhulp ambulant").cell("y2025").suppressed()).isTrue();
        assertThat(row(safe, "provision", "Woningaanpassing").cell("y2025").suppressed()).isTrue();
    }

    @Test
    void overlapPerThousandHouseholdsExactly() {
        MonitorTable t = monitor.rawTableFor(M, MonitorTableName.OVERLAP, Y2025);
        assertThat(n(row(t, "combination", "Alleen Wmo"), "households")).isEqualByComparingTo("15");
        assertThat(n(row(t, "combination", "Alleen Wmo"), "per1000")).isEqualByComparingTo("500.0");
        assertThat(n(row(t, "combination", "Alleen Jeugdwet"), "per1000")).isEqualByComparingTo("66.7");
        assertThat(n(row(t, "combination", "Alleen Participatiewet"), "per1000")).isEqualByComparingTo("33.3");
        assertThat(n(row(t, "combination", "Jeugdwet en Participatiewet"), "households")).isEqualByComparingTo("0");
        assertThat(n(row(t, "combination", "Jeugdwet en Wmo"), "households")).isEqualByComparingTo("1");
        assertThat(n(row(t, "combination", "Participatiewet en Wmo"), "households")).isEqualByComparingTo("1");
        assertThat(n(row(t, "combination", "Alle drie de wetten"), "households")).isEqualByComparingTo("1");
        assertThat(n(row(t, "combination", "Geen van deze wetten"), "per1000")).isEqualByComparingTo("300.0");
        assertThat(n(row(t, "combination", "Alle huishoudens"), "households")).isEqualByComparingTo("30");
        assertThat(n(row(t, "combination", "Alleen Wmo"), "national")).isEqualByComparingTo("87");
        assertThat(n(row(t, "combination", "Alleen Wmo"), "zoetermeer")).isEqualByComparingTo("75");
        MonitorTable west = monitor.rawTableFor(M, MonitorTableName.OVERLAP, new MonitorQuery(2025, MonitorFixture.WEST, null, null));
        assertThat(n(row(west, "combination", "Alleen Wmo"), "per1000")).as("12 of 20").isEqualByComparingTo("600.0");

        MonitorTable safe = monitor.tableFor(M, MonitorTableName.OVERLAP, Y2025);
        assertThat(row(safe, "combination", "Alleen Jeugdwet").cell("households").suppressed()).isTrue();
        assertThat(row(safe, "combination", "Alleen Jeugdwet").cell("per1000").suppressed()).isTrue();
        assertThat(row(safe, "combination", "Alleen Jeugdwet").cell("national").number()).isEqualByComparingTo("28");
        assertThat(n(row(safe, "combination", "Jeugdwet en Participatiewet"), "households")).as("0 is shown").isEqualByComparingTo("0");
        assertThat(n(row(safe, "combination", "Alleen Wmo"), "households")).isEqualByComparingTo("15");
    }

    @Test
    void concentrationSharesExactly() {
        MonitorTable t = monitor.rawTableFor(M, MonitorTableName.CONCENTRATION, Y2025);
        String[][] expected = {{"Duurste 1 %", "1", "7.9", "1590.00"}, {"Duurste 4 %", "2", "29.9", "6040.00"}, {"Duurste 10 %", "3", "52.0", "10500.00"},
                {"Duurste 20 %", "6", "70.4", "14200.00"}, {"Duurste 50 %", "15", "91.1", "18380.00"}, {"Alle huishoudens met kosten", "21", "100.0", "20180.00"}};
        for (String[] e : expected) {
            MonitorTable.Row r = row(t, "group", e[0]);
            assertThat(n(r, "households")).as(e[0]).isEqualByComparingTo(e[1]);
            assertThat(n(r, "share")).as(e[0]).isEqualByComparingTo(e[2]);
            assertThat(n(r, "spending")).as(e[0]).isEqualByComparingTo(e[3]);
        }
        assertThat(row(t, "group", "Duurste 4 %").cell("sentence").text()).isEqualTo("29,9 % van het budget gaat naar 4 % van de huishoudens.");
        assertThat(t.chart()).isNotNull();

        MonitorTable safe = monitor.tableFor(M, MonitorTableName.CONCENTRATION, Y2025);
        assertThat(row(safe, "group", "Duurste 4 %").cell("share").suppressed()).isTrue();
        assertThat(row(safe, "group", "Duurste 4 %").cell("sentence").suppressed()).isTrue();
        assertThat(row(safe, "group", "Duurste 50 %").cell("sentence").text()).isEqualTo("91,1 % van het budget gaat naar 50 % van de huishoudens.");
        assertThat(safe.chart().series().get(0).points()).extracting(java.util.Map.Entry::getKey)
                .as("chart points of hidden rows are left out").doesNotContain("Duurste 1 %", "Duurste 4 %").contains("Duurste 50 %");
    }

    @Test
    void timelinessTermShareAndLeadTimesExactly() {
        MonitorTable t = monitor.rawTableFor(M, MonitorTableName.TIMELINESS, Y2025);
        MonitorTable.Row west = row(t, "law", "Wmo 2015", "team", "Team West");
        assertThat(n(west, "decided")).isEqualByComparingTo("15");
        assertThat(n(west, "withinTerm")).as("H11 within thanks to its suspension, H12 late").isEqualByComparingTo("14");
        assertThat(n(west, "late")).isEqualByComparingTo("1");
        assertThat(n(west, "share")).isEqualByComparingTo("93.3");
        assertThat(n(west, "decisionMin")).isEqualByComparingTo("15");
        assertThat(n(west, "decisionMedian")).isEqualByComparingTo("15");
        assertThat(n(west, "decisionMax")).isEqualByComparingTo("22");
        assertThat(n(west, "waitingPastTerm")).as("H20").isEqualByComparingTo("1");
        MonitorTable.Row oost = row(t, "law", "Wmo 2015", "team", "Team Oost");
        assertThat(n(oost, "decided")).isEqualByComparingTo("5");
        assertThat(n(oost, "withinTerm")).as("H21: the term ends on Easter Monday and moves to Tuesday").isEqualByComparingTo("5");
        assertThat(n(oost, "decisionMax")).isEqualByComparingTo("21");
        assertThat(n(oost, "waitingNotStarted")).as("H25").isEqualByComparingTo("1");
        MonitorTable.Row youth = row(t, "law", "Jeugdwet", "team", "Team West");
        assertThat(n(youth, "decided")).isEqualByComparingTo("3");
        assertThat(n(youth, "withinTerm")).isEqualByComparingTo("3");
        assertThat(n(youth, "decisionMedian")).isEqualByComparingTo("28");
        MonitorTable.Row contactWest = row(t, "law", "Melding (alle wetten)", "team", "Team West");
        assertThat(n(contactWest, "contacts")).isEqualByComparingTo("20");
        assertThat(n(contactWest, "contactMin")).isEqualByComparingTo("1");
        assertThat(n(contactWest, "contactMedian")).as("ten of 1 day, ten of 3").isEqualByComparingTo("2.0");
        assertThat(n(contactWest, "contactMax")).isEqualByComparingTo("3");
        MonitorTable.Row contactAll = row(t, "law", "Melding (alle wetten)", "team", "Alle teams");
        assertThat(n(contactAll, "contacts")).isEqualByComparingTo("25");
        assertThat(n(contactAll, "contactMedian")).isEqualByComparingTo("3");
        assertThat(n(contactAll, "contactMax")).isEqualByComparingTo("7");

        MonitorTable safe = monitor.tableFor(M, MonitorTableName.TIMELINESS, Y2025);
        MonitorTable.Row all = row(safe, "law", "Wmo 2015", "team", "Alle teams");
        assertThat(n(all, "decided")).isEqualByComparingTo("20");
        assertThat(all.cell("late").suppressed()).isTrue();
        assertThat(all.cell("withinTerm").suppressed()).as("19 = 20 − late would give the 1 away").isTrue();
        assertThat(all.cell("share").suppressed()).isTrue();
        assertThat(row(safe, "law", "Wmo 2015", "team", "Team Oost").cell("decided").suppressed()).isTrue();
        assertThat(row(safe, "law", "Wmo 2015", "team", "Team West").cell("decided").suppressed())
                .as("West = all teams − Oost would give Oost away").isTrue();
        assertThat(row(safe, "law", "Melding (alle wetten)", "team", "Team Oost").cell("contacts").suppressed()).isTrue();
        assertThat(row(safe, "law", "Melding (alle wetten)", "team", "Team West").cell("contactMedian").suppressed())
                .as("West = all − Oost would give Oost's 5 away").isTrue();
        assertThat(row(safe, "law", "Melding (alle wetten)", "team", "Alle teams").cell("contactMedian").number()).isEqualByComparingTo("3");
    }

    @Test
    void theApiShowsSuppressedCellsAsTextAndFiltersTheTeamLead() throws Exception {
        mvc.perform(get("/api/v1/monitor/overlap").param("year", "2025").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.table").value("overlap"))
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.district").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.threshold").value(10))
                .andExpect(jsonPath("$.rows[?(@.cells.combination == 'Alleen Jeugdwet')].cells.households", contains("< 10")))
                .andExpect(jsonPath("$.rows[?(@.cells.combination == 'Alleen Wmo')].cells.households", contains(15)))
                .andExpect(jsonPath("$.rows[?(@.cells.combination == 'Alleen Jeugdwet')].cells.per1000", contains("< 10")))
                .andExpect(content().string(not(containsString("66.7"))));
        mvc.perform(get("/api/v1/monitor/reach").param("year", "2025").with(users.as(MonitorFixture.COUNCIL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.cells.provision == 'Jeugdhulp ambulant')].cells.y2025", contains("< 10")));
        // the team lead of West sees West only, whatever team is asked for
        mvc.perform(get("/api/v1/monitor/timeliness").param("year", "2025").param("team", data.teamOost().toString())
                        .with(users.as(MonitorFixture.LEAD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value(data.teamWest().toString()))
                .andExpect(jsonPath("$.rows[*].cells.team", everyItem(org.hamcrest.Matchers.oneOf("Team West", "Alle teams"))));
        // bad filters and unknown tables
        mvc.perform(get("/api/v1/monitor/reach").param("year", "twintig").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.year").exists());
        mvc.perform(get("/api/v1/monitor/reach").param("law", "WWB").param("district", "nergens").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.law").exists())
                .andExpect(jsonPath("$.errors.district").exists());
        mvc.perform(get("/api/v1/monitor/bestaat-niet").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // case directors: no monitor at all
        mvc.perform(get("/api/v1/monitor/reach").with(users.as(MonitorFixture.DIRECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/monitor/reach").with(users.as(MonitorFixture.DIRECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/monitor/refresh").with(users.as(MonitorFixture.DIRECTOR))).andExpect(status().isForbidden());
    }

    @Test
    void thePageShowsTheTableTheRefreshTimeAndDutchFilterErrors() throws Exception {
        mvc.perform(get("/monitor/overlap").param("year", "2025").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Samenloop van wetten")))
                .andExpect(content().string(containsString("&lt; 10")))
                .andExpect(content().string(containsString("betekent: minder dan 10")))
                .andExpect(content().string(containsString("De cijfers zijn bijgewerkt op")))
                .andExpect(content().string(containsString("Nu vernieuwen")))
                .andExpect(content().string(containsString("/monitor/overlap.csv?year=2025")))
                .andExpect(content().string(containsString("/monitor/raadsrapportage?year=2025")));
        mvc.perform(get("/monitor/concentration").param("year", "2025").with(users.as(MonitorFixture.COUNCIL)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(not(containsString("Nu vernieuwen"))));
        mvc.perform(get("/monitor/reach").param("year", "abc").param("law", "X").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul een jaar in met vier cijfers")))
                .andExpect(content().string(containsString("Kies een wet")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        mvc.perform(get("/monitor/bestaat-niet").with(users.as(MonitorFixture.POLICY))).andExpect(status().isNotFound());
        // a year without figures: each year has a suppression cube of its own, so only the monitor's years are asked
        mvc.perform(get("/monitor/reach").param("year", "2090").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een jaar van ")))
                .andExpect(content().string(containsString("value=\"2090\"")));
        mvc.perform(get("/api/v1/monitor/reach").param("year", "2090").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kies een jaar van ")));
        mvc.perform(get("/monitor/reach.csv").param("year", "2090").with(users.as(MonitorFixture.POLICY)))
                .andExpect(content().string(containsString("Kies een jaar van ")));
    }

    @Test
    void aFailedRefreshKeepsTheOldFactsAndSaysSo() throws Exception {
        long generation = generation();
        long facts = factCount();
        List<MonitorSource> sources = new ArrayList<>(refresh.sources());
        sources.add(source("kapot", "test.broken",
                "SELECT 'test.broken'::text, 2025, '', NULL::uuid, '', '', '', (1 / (count(*) - count(*)))::bigint, NULL::numeric "
                        + "FROM monitor_household WHERE ?::text IS NOT NULL"));
        MonitorRefreshService.Result r = refresh.refresh(M, sources);
        assertThat(r.ran()).isTrue();
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("kapot").contains("22012");
        assertThat(generation()).as("the old generation stays current").isEqualTo(generation);
        assertThat(factCount()).as("the old facts are all there, the new ones gone").isEqualTo(facts);
        assertThat(jdbc.sql("SELECT DISTINCT generation FROM monitor_cube WHERE municipality_code = ?").param(M).query(Long.class).list())
                .as("only the current generation's cubes are kept").containsExactly(generation);
        assertThat(jdbc.sql("SELECT status FROM monitor_refresh WHERE municipality_code = ?").param(M).query(String.class).single()).isEqualTo("FAILED");
        MonitorTable t = monitor.rawTableFor(M, MonitorTableName.OVERLAP, Y2025);
        assertThat(n(row(t, "combination", "Alleen Wmo"), "households")).isEqualByComparingTo("15");
        mvc.perform(get("/monitor/overlap").param("year", "2025").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Het laatste bijwerken is mislukt")));
        mvc.perform(get("/api/v1/monitor/refresh").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"));
        // and the next refresh is fine again (with a number the failed one did not use)
        assertThat(refresh.refresh(M).ok()).isTrue();
        assertThat(generation()).isEqualTo(generation + 2);
    }

    @Test
    void aRefreshThatFailsAfterItsCubesWereDecidedLeavesNoneOfThemAndItsNumberIsNeverUsedAgain() {
        long before = generation();
        java.util.concurrent.atomic.AtomicLong abandoned = new java.util.concurrent.atomic.AtomicLong();
        // a preparation after the monitor's: the cubes of the new generation are decided and kept; then a stop
        try (var hook = refresh.beforeSwitch((m, g, at) -> {
            if (m.equals(M)) {
                abandoned.set(g);
                assertThat(monitor.cachedGenerations(M)).contains(g);
                Thread.currentThread().interrupt();
            }
        })) {
            MonitorRefreshService.Result r = refresh.refresh(M);
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("onderbroken");
        } finally {
            Thread.interrupted();
        }
        assertThat(abandoned.get()).isEqualTo(before + 1);
        assertThat(generation()).as("the old figures stay").isEqualTo(before);
        assertThat(jdbc.sql("SELECT DISTINCT generation FROM monitor_cube WHERE municipality_code = ?").param(M).query(Long.class).list())
                .as("no cube of the abandoned generation kept").containsExactly(before);
        assertThat(monitor.cachedGenerations(M)).as("nor cached").doesNotContain(abandoned.get());
        long decided = monitor.cubesDecided();
        assertThat(monitor.tableFor(M, MonitorTableName.REACH, Y2025).rows()).isNotEmpty();
        assertThat(monitor.cubesDecided()).as("the current generation's cube still serves").isEqualTo(decided);
        assertThat(refresh.refresh(M).ok()).isTrue();
        assertThat(generation()).as("a number never given out before").isEqualTo(abandoned.get() + 1);
    }

    @Test
    void aSourceWritingAMeasureItDoesNotDeclareFailsTheRefreshWhileTheOthersRunBesideIt() {
        long generation = generation();
        long facts = factCount();
        List<MonitorSource> sources = new ArrayList<>(refresh.sources());
        // writes another source's measure: would change the reach table behind the wmo source's back
        sources.add(source("vreemd", "test.own",
                "SELECT 'reach.residents'::text, 2025, '', NULL::uuid, 'WMO', '', '', 99::bigint, NULL::numeric WHERE ?::text IS NOT NULL"));
        MonitorRefreshService.Result r = refresh.refresh(M, sources);
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("vreemd");
        assertThat(generation()).isEqualTo(generation);
        assertThat(factCount()).isEqualTo(facts);
    }

    @Test
    void aRefreshInterruptedByAStopIsMarkedFailedAtTheNextStartAndTheConnectionsGoBackClean() throws Exception {
        String other = "7771";
        jdbc.sql("INSERT INTO monitor_refresh (municipality_code, status, percent, step) VALUES (?, 'RUNNING', 40, 'bron wmo') "
                + "ON CONFLICT (municipality_code) DO UPDATE SET status = 'RUNNING', percent = 40, step = 'bron wmo', error_text = NULL").param(other).update();
        refresh.markInterrupted();
        assertThat(jdbc.sql("SELECT status || ' ' || error_text FROM monitor_refresh WHERE municipality_code = ?").param(other).query(String.class).single())
                .startsWith("FAILED").contains("onderbroken");
        // the refresh of setUp ran on pooled connections: none of them keeps the refresh's session settings
        assertPoolClean();
    }

    @Test
    void aRefreshInterruptedMidwayStopsItsStatementsKeepsTheOldFiguresAndLeavesThePoolClean() throws Exception {
        long generation = generation();
        long facts = factCount();
        List<MonitorSource> sources = new ArrayList<>(refresh.sources());
        sources.add(source("traag", "test.slow", "SELECT 'test.slow'::text, 2025, '', NULL::uuid, '', '', '', count(*), NULL::numeric "
                + "FROM pg_sleep(20) CROSS JOIN monitor_household WHERE ?::text IS NOT NULL"));
        sources.add(source("traag2", "test.slow2", "SELECT 'test.slow2'::text, 2025, '', NULL::uuid, '', '', '', count(*), NULL::numeric "
                + "FROM pg_sleep(20) CROSS JOIN monitor_household WHERE ?::text IS NOT NULL"));
        java.util.concurrent.atomic.AtomicReference<MonitorRefreshService.Result> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> result.set(refresh.refresh(M, sources)));
        long started = System.nanoTime();
        t.start();
        Thread.sleep(1500);
        t.interrupt();
        t.join(15_000);
        assertThat(t.isAlive()).as("the interrupted refresh ended").isFalse();
        assertThat((System.nanoTime() - started) / 1_000_000).as("the sleeping statements were cancelled, not waited for").isLessThan(15_000);
        assertThat(result.get().ok()).isFalse();
        assertThat(generation()).isEqualTo(generation);
        assertThat(factCount()).isEqualTo(facts);
        assertPoolClean();
        assertThat(refresh.refresh(M).ok()).as("and the next refresh runs").isTrue();
    }

    @Test
    void noHiddenCellCanBeRecoveredBySubtractingOneQueryFromAnother() {
        // the attacker asks every law filter with all districts, every district, every team and every district and team
        // together, and subtracts; the remainders (what has no team or no district) come from the raw tables
        var districts = directory.districts(M).stream().map(nl.leefwereld.identity.District::code).toList();
        var teams = directory.teamsServing(M).values().stream().map(nl.leefwereld.identity.TeamRef::id).distinct().toList();
        assertThat(districts).hasSizeGreaterThan(1);
        long disagreements = monitor.disagreements();
        int hiddenSomewhere = 0;
        for (MonitorTableName name : MonitorTableName.values()) {
            java.util.Map<CubeSuppression.Scope, MonitorTable> raw = new java.util.LinkedHashMap<>();
            java.util.Map<CubeSuppression.Scope, MonitorTable> published = new java.util.LinkedHashMap<>();
            java.util.List<String> laws = new ArrayList<>();
            laws.add(null);
            laws.addAll(MonitorQuery.LAWS);
            for (String law : laws) {
                java.util.List<CubeSuppression.Scope> scopes = new ArrayList<>();
                scopes.add(new CubeSuppression.Scope(law, null, null));
                districts.forEach(d -> scopes.add(new CubeSuppression.Scope(law, d, null)));
                teams.forEach(t -> scopes.add(new CubeSuppression.Scope(law, null, t)));
                districts.forEach(d -> teams.forEach(t -> scopes.add(new CubeSuppression.Scope(law, d, t))));
                for (CubeSuppression.Scope s : scopes) {
                    MonitorQuery q = s.query(MonitorFixture.YEAR);
                    raw.put(s, monitor.rawTableFor(M, name, q));
                    MonitorTable t = monitor.tableFor(M, name, q);
                    published.put(s, t);
                    hiddenSomewhere += (int) t.rows().stream().flatMap(r -> r.cells().values().stream()).filter(MonitorTable.Cell::suppressed).count();
                }
            }
            if (name != MonitorTableName.INDICATORS) {
                CubeSuppressionTest.assertAttackerLearnsNothing(raw, published);
            }
        }
        assertThat(hiddenSomewhere).as("the fixture has small cells to protect").isPositive();
        assertThat(monitor.disagreements()).as("every table was the one its cube decided on").isEqualTo(disagreements);
    }

    @Test
    void aRefreshDecidesEveryCubeBeforeItsFiguresCountAndARestartReadsThemBack() {
        // the cube of every table and year of a new generation is decided and kept before that generation becomes current
        // (looked at from a preparation after the monitor's own, which runs just before the switch)
        long before = generation();
        List<Integer> years = monitor.yearsOf(M);
        assertThat(years).contains(MonitorFixture.YEAR);
        List<MonitorTableName> tables = java.util.Arrays.stream(MonitorTableName.values()).filter(n -> n != MonitorTableName.INDICATORS).toList();
        java.util.concurrent.atomic.AtomicReference<List<Long>> atSwitch = new java.util.concurrent.atomic.AtomicReference<>();
        try (var hook = refresh.beforeSwitch((m, g, at) -> {
            if (m.equals(M)) {
                atSwitch.set(List.of(g, generation(), jdbc.sql("SELECT count(*) FROM monitor_cube WHERE municipality_code = ? AND generation = ?")
                        .params(M, g).query(Long.class).single()));
            }
        })) {
            assertThat(refresh.refresh(M).ok()).isTrue();
        }
        long generation = generation();
        assertThat(generation).isEqualTo(before + 1);
        assertThat(atSwitch.get()).as("new generation, current generation and its kept cubes just before the switch")
                .containsExactly(generation, before, (long) years.size() * tables.size());
        monitor.awaitWarm();
        assertThat(monitor.cachedGenerations(M)).as("the previous generation's cubes are let go").containsExactly(generation);
        for (int year : years) {
            for (MonitorTableName name : tables) {
                assertThat(monitor.cubeScopes(M, name, year)).as(name + " " + year + " cached").isPositive();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_cube WHERE municipality_code = ? AND generation = ?").params(M, generation)
                .query(Long.class).single()).as("every cube kept").isEqualTo((long) years.size() * tables.size());
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_cube WHERE municipality_code = ? AND generation <> ?").params(M, generation)
                .query(Long.class).single()).as("no cube of another generation").isZero();

        long decided = monitor.cubesDecided();
        long disagreements = monitor.disagreements();
        java.util.Map<String, MonitorTable> shown = new java.util.LinkedHashMap<>();
        for (int year : years) {
            for (MonitorTableName name : tables) {
                for (MonitorQuery q : List.of(new MonitorQuery(year, null, null, null), new MonitorQuery(year, MonitorFixture.WEST, "WMO", null),
                        new MonitorQuery(year, null, null, data.teamOost()))) {
                    shown.put(name + " " + q, monitor.tableFor(M, name, q));
                }
            }
        }
        assertThat(monitor.cubesDecided()).as("no page decided a cube").isEqualTo(decided);

        // a restart knows no cube: each is read back from the database, not decided again, and gives the same tables
        monitor.forgetCubes(M, false);
        for (int year : years) {
            for (MonitorTableName name : tables) {
                for (MonitorQuery q : List.of(new MonitorQuery(year, null, null, null), new MonitorQuery(year, MonitorFixture.WEST, "WMO", null),
                        new MonitorQuery(year, null, null, data.teamOost()))) {
                    assertThat(monitor.tableFor(M, name, q)).as(name + " " + q).isEqualTo(shown.get(name + " " + q));
                }
            }
        }
        assertThat(monitor.cubesDecided()).as("after a restart no page decided a cube either").isEqualTo(decided);
        assertThat(monitor.disagreements()).isEqualTo(disagreements);

        // the next refresh replaces them: only its own generation's cubes remain
        assertThat(refresh.refresh(M).ok()).isTrue();
        assertThat(jdbc.sql("SELECT DISTINCT generation FROM monitor_cube WHERE municipality_code = ?").param(M).query(Long.class).list())
                .containsExactly(generation + 1);
    }

    @Test
    void aKeptCubeIsReadBackOnlyWhenItFitsAndARenameKeepsItsDecisions() {
        long disagreements = monitor.disagreements();
        // damaged in the database: read back as no cube, decided again and kept again
        jdbc.sql("UPDATE monitor_cube SET decisions = '\\x00ff'::bytea WHERE municipality_code = ? AND table_name = 'reach' AND year = ?")
                .params(M, MonitorFixture.YEAR).update();
        monitor.forgetCubes(M, false);
        long decided = monitor.cubesDecided();
        MonitorTable reach = monitor.tableFor(M, MonitorTableName.REACH, Y2025);
        assertThat(monitor.cubesDecided()).isEqualTo(decided + 1);
        assertThat(reach.rows()).isNotEmpty();
        monitor.forgetCubes(M, false);
        assertThat(monitor.tableFor(M, MonitorTableName.REACH, Y2025)).isEqualTo(reach);
        assertThat(monitor.cubesDecided()).as("the new one was kept").isEqualTo(decided + 1);

        // a provision renamed after its cube was decided: its row is recognised by the provision's id, so the decision still
        // holds (nothing decided again) and the page shows the new name with its figures and the same hidden cells
        String id = jdbc.sql("SELECT id::text FROM provision WHERE municipality_code = ? AND name = 'Hulp bij het huishouden'").param(M)
                .query(String.class).single();
        try {
            jdbc.sql("UPDATE provision SET name = 'Huishoudelijke hulp' WHERE municipality_code = ? AND id = ?::uuid").params(M, id).update();
            MonitorTable renamed = monitor.tableFor(M, MonitorTableName.REACH, Y2025);
            assertThat(n(row(renamed, "provision", "Huishoudelijke hulp"), "y2025")).isEqualByComparingTo("18");
            assertThat(renamed.rows().stream().map(r -> r.cells().values().stream().map(MonitorTable.Cell::suppressed).toList()).toList())
                    .isEqualTo(reach.rows().stream().map(r -> r.cells().values().stream().map(MonitorTable.Cell::suppressed).toList()).toList());
            monitor.forgetCubes(M, false);
            assertThat(monitor.tableFor(M, MonitorTableName.REACH, Y2025)).isEqualTo(renamed);
            assertThat(monitor.cubesDecided()).as("a rename decides nothing again").isEqualTo(decided + 1);
        } finally {
            jdbc.sql("UPDATE provision SET name = 'Hulp bij het huishouden' WHERE municipality_code = ? AND id = ?::uuid").params(M, id).update();
        }

        // a kept decision made on other counts (its fingerprints no longer match the table) is not trusted: the table is
        // decided again from the facts (not read back again), shown as before, and the new decision is kept
        byte[] kept = jdbc.sql("SELECT decisions FROM monitor_cube WHERE municipality_code = ? AND table_name = 'reach' AND year = ?")
                .params(M, MonitorFixture.YEAR).query(byte[].class).single();
        CubeSuppression.Cube cube = CubeSuppression.Cube.decode(kept).orElseThrow();
        java.util.Map<CubeSuppression.Scope, CubeSuppression.Decision> other = new java.util.LinkedHashMap<>();
        cube.decisions().forEach((scope, d) -> other.put(scope, new CubeSuppression.Decision(d.fingerprint() + 1, d.forced())));
        jdbc.sql("UPDATE monitor_cube SET decisions = ? WHERE municipality_code = ? AND table_name = 'reach' AND year = ?")
                .params(new CubeSuppression.Cube(other, cube.threshold()).encode(), M, MonitorFixture.YEAR).update();
        monitor.forgetCubes(M, false);
        assertThat(monitor.tableFor(M, MonitorTableName.REACH, Y2025)).isEqualTo(reach);
        assertThat(monitor.cubesDecided()).isEqualTo(decided + 2);
        assertThat(jdbc.sql("SELECT decisions FROM monitor_cube WHERE municipality_code = ? AND table_name = 'reach' AND year = ?")
                .params(M, MonitorFixture.YEAR).query(byte[].class).single()).as("the new decision kept").isEqualTo(kept);
        assertThat(monitor.disagreements()).as("no table was shown with every count hidden").isEqualTo(disagreements);
    }

    @Test
    void manyRequestsAtOnceForOneCubeGetTheTablesOneRequestAtATimeGets() throws Exception {
        // a cube not decided yet (as after a rename, or with the refresh's preparation off): eight pages of one table and
        // year at once (the cube computed once, its tables on all cores from shared facts), then the same pages one at a
        // time from the cached cube
        assertThat(refresh.refresh(M).ok()).isTrue();
        monitor.awaitWarm();
        monitor.forgetCubes(M, true);
        long decided = monitor.cubesDecided();
        List<MonitorQuery> queries = new ArrayList<>();
        for (String law : new String[] {null, "WMO"}) {
            queries.add(new MonitorQuery(MonitorFixture.YEAR, null, law, null));
            queries.add(new MonitorQuery(MonitorFixture.YEAR, MonitorFixture.WEST, law, null));
            queries.add(new MonitorQuery(MonitorFixture.YEAR, null, law, data.teamOost()));
            queries.add(new MonitorQuery(MonitorFixture.YEAR, MonitorFixture.OOST, law, data.teamOost()));
        }
        long disagreements = monitor.disagreements();
        ExecutorService pool = Executors.newFixedThreadPool(queries.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<MonitorTable>> parallel = new ArrayList<>();
            for (MonitorQuery q : queries) {
                parallel.add(pool.submit(() -> {
                    go.await();
                    return monitor.tableFor(M, MonitorTableName.TIMELINESS, q);
                }));
            }
            go.countDown();
            for (int i = 0; i < queries.size(); i++) {
                MonitorTable once = monitor.tableFor(M, MonitorTableName.TIMELINESS, queries.get(i));
                assertThat(parallel.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS).rows()).as(queries.get(i).toString())
                        .isEqualTo(once.rows());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(monitor.disagreements()).isEqualTo(disagreements);
        assertThat(monitor.cubesDecided()).as("decided once for all eight").isEqualTo(decided + 1);
    }

    @Test
    void fiveRefreshButtonsAtOnceRunOneRefresh() throws Exception {
        long generation = generation();
        int callers = 5;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> started = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                started.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return refresh.start(M);
                }));
            }
            ready.await();
            go.countDown();
            int count = 0;
            for (Future<Boolean> f : started) {
                count += f.get() ? 1 : 0;
            }
            assertThat(count).as("refreshes started").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        waitUntilIdle();
        assertThat(generation()).as("exactly one refresh ran").isEqualTo(generation + 1);
        // the button on the page, as a policy officer
        mvc.perform(post("/monitor/vernieuwen").with(csrf()).with(users.as(MonitorFixture.POLICY))).andExpect(status().is3xxRedirection());
        waitUntilIdle();
        assertThat(generation()).isEqualTo(generation + 2);
        // the API, which wants {"confirm": true}
        mvc.perform(post("/api/v1/monitor/refresh").contentType("application/json").content("{}").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.confirm").exists());
        mvc.perform(post("/api/v1/monitor/refresh").contentType("application/json").content("{\"confirm\": true}").with(users.as(MonitorFixture.POLICY)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.running").value(true));
        waitUntilIdle();
        assertThat(generation()).isEqualTo(generation + 3);
        mvc.perform(post("/api/v1/monitor/refresh").contentType("application/json").content("{\"confirm\": true}").with(users.as(MonitorFixture.COUNCIL)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/monitor/vernieuwen").with(csrf()).with(users.as(MonitorFixture.LEAD))).andExpect(status().isForbidden());
    }

    @Test
    void theThresholdCannotBeSetBelowFive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MonitorSettings(4, java.time.Duration.ofSeconds(120), 2, "128MB", true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 5");
        assertThat(new MonitorSettings(5, java.time.Duration.ofSeconds(120), 2, "128MB", true).threshold()).isEqualTo(5);
    }

    /**
     * Holds six pooled connections at once (a refresh used at most three, so they are among them; one at a time the pool
     * would hand out the same connection again) and reads each one's session: the pool's timeout and work_mem, no
     * refresh date, no household dimension.
     */
    private void assertPoolClean() throws java.sql.SQLException {
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                held.add(dataSource.getConnection());
            }
            for (java.sql.Connection c : held) {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_setting('statement_timeout') || ' ' "
                        + "|| current_setting('work_mem') || ' ' || coalesce(current_setting('monitor.today', true), '') || ' ' "
                        + "|| (to_regclass('pg_temp.monitor_household') IS NULL)")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("5s 4MB  true");
                }
            }
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
    }

    /** A test source with one declared measure. */
    private static MonitorSource source(String name, String measure, String sql) {
        return new MonitorSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> measures() {
                return Set.of(measure);
            }

            @Override
            public String factsQuery() {
                return sql;
            }
        };
    }

    private long generation() {
        return jdbc.sql("SELECT generation FROM monitor_refresh WHERE municipality_code = ?").param(M).query(Long.class).single();
    }

    private long factCount() {
        return jdbc.sql("SELECT count(*) FROM monitor_fact WHERE municipality_code = ?").param(M).query(Long.class).single();
    }

    private void waitUntilIdle() {
        long until = System.nanoTime() + 120_000_000_000L;
        while (refresh.busy(M)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the background refresh did not finish");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
