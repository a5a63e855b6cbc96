package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The export routes in the running application. The first group needs only this module's classes; the second reads
 * real tables and needs the {@link Monitor} implementation (mon-core): it is skipped, with that reason, in a build
 * without one.
 */
@IntegrationTest
class MonitorExportIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    ExportJobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }


    /** A finished job of the user's own, made directly (a tiny file). */
    private UUID finishedJob(String username) throws InterruptedException {
        return ExportJobsTestSupport.finishedJob(jobs, users.current(username));
    }

    // ------------------------------------------------------------------------------------------------ no monitor needed

    @Test
    void caseDirectorsAndOtherRolesGetNoExport() throws Exception {
        UUID job = finishedJob("beleid");
        for (String user : List.of("regisseur", "procesbegeleider", "beheer", "privacy", "inwoner")) {
            for (String path : List.of("/monitor/reach.csv", "/monitor/reach.xlsx", "/monitor/raadsrapportage", "/monitor/raadsrapportage.pdf",
                    "/monitor/raadsrapportage/nieuw", "/monitor/exports/" + job, "/monitor/exports/" + job + "/bestand")) {
                assertThat(mvc.perform(get(path).with(users.as(user))).andReturn().getResponse().getStatus()).as(user + " " + path).isEqualTo(403);
            }
            assertThat(mvc.perform(post("/monitor/raadsrapportage").with(users.as(user)).with(csrf()).param("year", "2026"))
                    .andReturn().getResponse().getStatus()).as(user + " POST").isEqualTo(403);
        }
        MvcResult anonymous = mvc.perform(get("/monitor/reach.csv")).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aJobAndItsFileAreTheirOwnersOnly() throws Exception {
        UUID job = finishedJob("beleid");
        MvcResult page = mvc.perform(get("/monitor/exports/" + job).with(users.as("beleid"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Klaar.").contains("/monitor/exports/" + job + "/bestand").doesNotContain("hx-trigger");

        MvcResult file = mvc.perform(get("/monitor/exports/" + job + "/bestand").with(users.as("beleid"))).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(file.getResponse().getHeader("Content-Disposition")).contains("attachment").contains("raadsrapportage-2026-alle-wijken.pdf");
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(ExportJobsTestSupport.FILE);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username = 'beleid' AND action = 'EXPORT' AND record_type = 'MONITOR' "
                + "AND reason = 'gedownload raadsrapportage-2026-alle-wijken.pdf' AND household_id IS NULL AND person_id IS NULL")
                .query(Long.class).single()).as("the download is audited, without personal data").isPositive();

        // another user with the same role, and a team lead: not found (not even "no access")
        for (String other : List.of("teamleider")) {
            assertThat(mvc.perform(get("/monitor/exports/" + job).with(users.as(other))).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/monitor/exports/" + job + "/bestand").with(users.as(other))).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        }
        assertThat(mvc.perform(get("/monitor/exports/" + UUID.randomUUID()).with(users.as("beleid"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/monitor/exports/niet-een-uuid").with(users.as("beleid"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aJobIsGoneAfterAnHour() throws Exception {
        UUID job = finishedJob("beleid");
        ((TestClock) clock).advance(Duration.ofMinutes(61));
        assertThat(mvc.perform(get("/monitor/exports/" + job + "/bestand").with(users.as("beleid"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRunningJobPollsWithHtmxAndHasALinkWithoutJavaScript() throws Exception {
        CurrentUser me = users.current("teamleider");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        ExportJobs.Submission s = jobs.submit(me, "Raadsrapportage 2026", "raadsrapportage-2026-alle-wijken.pdf", "application/pdf",
                CouncilReport.steps(), p -> {
                    p.started(3);
                    go.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return ExportJobsTestSupport.FILE;
                });
        try {
            for (int i = 0; i < 200 && s.job().current.get() < 3; i++) {
                Thread.sleep(10);
            }
            String html = mvc.perform(get("/monitor/exports/" + s.job().id).with(users.as("teamleider"))).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).contains("hx-trigger=\"every 2s\"").contains("hx-select=\"#voortgang\"").contains("Voortgang vernieuwen")
                    .contains("Tabel Samenloop van wetten: klaar").contains("Tabel Tijdigheid: bezig").contains("Tabel Geld: wacht")
                    .doesNotContain("http-equiv=\"refresh\"").doesNotContain("<script>");
        } finally {
            go.countDown();
        }
    }

    // ------------------------------------------------------------------------------------------------ with the monitor

    @Test
    void csvAndXlsxOfATableWithThePageFilters() throws Exception {
        String year = String.valueOf(java.time.LocalDate.now(clock).getYear());
        MvcResult csv = mvc.perform(get("/monitor/reach.csv").param("year", year).with(users.as("beleid"))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("monitor-reach-" + year + "-alle-wijken.csv");
        byte[] bytes = csv.getResponse().getContentAsByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).contains(";");

        MvcResult xlsx = mvc.perform(get("/monitor/overlap.xlsx").param("year", year).with(users.as("beleid"))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getFirstSheet().read().get(0).getCell(0).asString()).isNotBlank();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username = 'beleid' AND action = 'EXPORT' AND record_type = 'MONITOR' "
                + "AND record_id = 'reach' AND household_id IS NULL").query(Long.class).single()).isPositive();
    }

    @Test
    void aTeamLeadsExportIsTheirOwnTeam() throws Exception {
        MvcResult csv = mvc.perform(get("/monitor/reach.csv").with(users.as("teamleider"))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).as("the monitor forced the team filter").contains("-eigen-team.csv");
    }

    @Test
    void badFiltersGetADutchPageNotA500() throws Exception {
        for (String[] bad : List.of(new String[] {"year", "twintig"}, new String[] {"year", "1850"}, new String[] {"district", "bestaat-niet"},
                new String[] {"law", "WWB"}, new String[] {"team", "geen-uuid"}, new String[] {"year", "x".repeat(5000)})) {
            MvcResult r = mvc.perform(get("/monitor/reach.xlsx").param(bad[0], bad[1]).with(users.as("beleid"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(bad[0]).isEqualTo(400);
            assertThat(r.getResponse().getContentAsString()).contains("Controleer wat u heeft gekozen").contains("Terug naar Bereik");
        }
        assertThat(mvc.perform(get("/monitor/bestaatniet.csv").with(users.as("beleid"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theCouncilReportThroughTheBackgroundJob() throws Exception {
        int year = java.time.LocalDate.now(clock).getYear();
        String form = mvc.perform(get("/monitor/raadsrapportage/nieuw").with(users.as("beleid"))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Raadsrapportage maken").contains("name=\"year\"").contains("name=\"district\"");

        MvcResult bad = mvc.perform(post("/monitor/raadsrapportage").with(users.as("beleid")).with(csrf()).param("year", "20x6")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains("Controleer wat u heeft ingevuld").contains("20x6");

        MvcResult started = mvc.perform(post("/monitor/raadsrapportage").with(users.as("beleid")).with(csrf()).param("year", String.valueOf(year))
                .param("district", "")).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        String jobPath = started.getResponse().getRedirectedUrl();
        assertThat(jobPath).startsWith("/monitor/exports/");
        UUID id = UUID.fromString(jobPath.substring("/monitor/exports/".length()));
        ExportJobs.Job job = ExportJobsTestSupport.await(jobs, users.current("beleid"), id);
        assertThat(job.view().failure()).isNull();
        MvcResult file = mvc.perform(get(jobPath + "/bestand").with(users.as("beleid"))).andReturn();
        try (PDDocument doc = Loader.loadPDF(file.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Raadsrapportage sociaal domein").contains(String.valueOf(year)).contains("Bereik").contains("Indicatorenblad");
        }

        MvcResult direct = mvc.perform(get("/monitor/raadsrapportage.pdf").param("year", String.valueOf(year)).with(users.as("beleid"))).andReturn();
        assertThat(direct.getResponse().getStatus()).isEqualTo(200);
        assertThat(direct.getResponse().getContentType()).isEqualTo("application/pdf");
    }
}
