package nl.leefwereld.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Follow-up on the case director's Mijn werk: overdue agreements and due checks, with a fixed clock. */
@IntegrationTest
class PlanFollowUpTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    HouseholdPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    private String myWork(String user) throws Exception {
        return mvc.perform(get("/mijn-werk").with(users.as(user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of the agreement on Mijn werk, or null. */
    private static String row(String html, String what) {
        int i = html.indexOf(what);
        if (i < 0) {
            return null;
        }
        int start = html.lastIndexOf("<tr", i);
        int end = html.indexOf("</tr>", i);
        return html.substring(start, end);
    }

    @Test
    void overdueAgreementsAndDueChecksAppearOnTheDirectorsMyWorkUntilDone() throws Exception {
        clock.freezeAt(Instant.parse("2027-03-01T09:00:00Z"));
        LocalDate today = LocalDate.of(2027, 3, 1);
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String director = jdbc.sql("SELECT u.username FROM care_case c JOIN app_user u ON u.id = c.case_director_id WHERE c.household_id = :h")
                .param("h", h.householdId()).query(String.class).single();
        String tag = TestHouseholds.letters(6);
        plans.recordMeetingDecisions(users.current(director), h.householdId(), new MeetingDecisions(UUID.randomUUID(), "Planbijeenkomst", List.of(
                new AgreementDraft("NETWORK_MEMBER", "Tante Ria", "Te laat " + tag, today.minusDays(9), today.minusDays(9)),
                new AgreementDraft("PROFESSIONAL", "Schuldhulp", "Controle vandaag " + tag, today.plusDays(19), today),
                new AgreementDraft("NETWORK_MEMBER", "Buurman", "Later " + tag, today.plusDays(31), today.plusDays(14)),
                new AgreementDraft("HOUSEHOLD_MEMBER", "Moeder", "Al gedaan " + tag, today.minusDays(5), null)),
                "Dan belt moeder haar zus", null, null));
        UUID done = UUID.fromString(jdbc.sql("SELECT snapshot -> 'agreements' -> 3 ->> 'id' FROM plan_version WHERE household_id = :h")
                .param("h", h.householdId()).query(String.class).single());
        assertThat(mvc.perform(post("/huishoudens/{id}/plan/afspraken/{a}", h.householdId(), done).with(csrf()).with(users.as(director))
                .param("status", "DONE").param("note", "")).andReturn().getResponse().getStatus()).isEqualTo(302);

        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
        String html = myWork(director);
        assertThat(html).contains("Afspraken opvolgen");
        assertThat(row(html, "Te laat " + tag)).as("overdue").isNotNull().contains("Te laat").contains("20-02-2027").contains(h.lastName());
        assertThat(row(html, "Controle vandaag " + tag)).as("check due today").isNotNull().contains("Controle nu").contains("01-03-2027");
        assertThat(html).as("check date still to come").doesNotContain("Later " + tag);
        assertThat(html).as("done agreements are no longer followed up").doesNotContain("Al gedaan " + tag);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE id > :id AND actor_username = :u AND action = 'READ' AND record_type = 'HOUSEHOLD_PLAN'
                           AND household_id = :h""").param("id", before).param("u", director).param("h", h.householdId())
                .query(Integer.class).single()).as("what Mijn werk shows of the plan is audited").isEqualTo(1);

        // Two weeks later the third agreement's check date has come; the overdue one stays until it is followed up.
        clock.advance(Duration.ofDays(14));
        html = myWork(director);
        assertThat(row(html, "Later " + tag)).isNotNull().contains("Controle nu").contains("15-03-2027");
        assertThat(row(html, "Te laat " + tag)).isNotNull().contains("Te laat");

        // Not done, fallback used: off the list.
        UUID late = UUID.fromString(jdbc.sql("SELECT snapshot -> 'agreements' -> 0 ->> 'id' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1")
                .param("h", h.householdId()).query(String.class).single());
        mvc.perform(post("/huishoudens/{id}/plan/afspraken/{a}", h.householdId(), late).with(csrf()).with(users.as(director))
                .param("status", "NOT_DONE").param("note", "Tante was ziek").param("fallbackUsed", "JA"));
        assertThat(myWork(director)).doesNotContain("Te laat " + tag);

        // Another team's director never sees them.
        assertThat(myWork("regisseur.noord")).doesNotContain(tag).doesNotContain(h.lastName());
    }
}
