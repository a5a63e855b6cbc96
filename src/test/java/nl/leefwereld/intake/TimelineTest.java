package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The timeline tells the whole story; the demo is spread over the directors; lists by date; opened never after the first notification. */
@IntegrationTest
class TimelineTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    List<String> timeline(UUID caseId) {
        return jdbc.sql("SELECT type || ': ' || summary FROM case_event WHERE case_id = :c ORDER BY id").param("c", caseId).query(String.class).list();
    }

    @Test
    void networkMemberAndConsentChangesAppearInTheTimeline() throws Exception {
        MockMvc mvc = Mvc.of(context);
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String today = LocalDate.now(clock).toString();
        mvc.perform(post("/huishoudens/{id}/netwerk", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("kind", "INFORMAL").param("name", "Buurvrouw " + TestHouseholds.letters(6)).param("relation", "buurvrouw")
                .param("role", "Boodschappen")).andReturn();
        mvc.perform(post("/huishoudens/{id}/leden", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("firstName", "Lotte").param("lastName", h.lastName()).param("birthDate", "2015-04-05").param("memberRelation", "CHILD")
                .param("confirmNew", "true")).andReturn();
        String consent = mvc.perform(post("/api/v1/households/{id}/consents", h.householdId()).with(users.as("regisseur"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"personId": "%s", "purpose": "REFERRAL", "recipient": "Tijdlijn Zorg", "scope": "Verwijzing", "givenOn": "%s"}
                        """.formatted(h.headPersonId(), today))).andReturn().getResponse().getContentAsString();
        String consentId = JsonMapper.builder().build().readTree(consent).get("id").asString();
        mvc.perform(post("/huishoudens/{id}/toestemmingen/{c}/intrekken", h.householdId(), consentId).with(csrf()).with(users.as("regisseur"))
                .param("reason", "De inwoner wil het niet meer").param("confirm", "true")).andReturn();

        List<String> events = timeline(h.caseId());
        assertThat(events).anyMatch(e -> e.equals("NETWORK_MEMBER_ADDED: Netwerk aangevuld: iemand uit het eigen netwerk (buurvrouw)"));
        assertThat(events).anyMatch(e -> e.equals("MEMBER_ADDED: Gezinslid toegevoegd: kind"));
        assertThat(events).anyMatch(e -> e.startsWith("CONSENT_GIVEN: Toestemming vastgelegd: ") && e.endsWith(", voor Tijdlijn Zorg"));
        assertThat(events).anyMatch(e -> e.startsWith("CONSENT_WITHDRAWN: Toestemming ingetrokken: ") && e.endsWith(", voor Tijdlijn Zorg"));
        // And the household page shows them.
        String page = mvc.perform(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Netwerk aangevuld: iemand uit het eigen netwerk (buurvrouw)").contains("Gezinslid toegevoegd: kind");
    }

    @Test
    void aRolledBackChangeLeavesNoTimelineRow() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        int before = timeline(h.caseId()).size();
        // Invalid network member (no name): refused, nothing in the timeline.
        Mvc.of(context).perform(post("/huishoudens/{id}/netwerk", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("kind", "INFORMAL").param("name", "")).andReturn();
        assertThat(timeline(h.caseId())).hasSize(before);
    }

    @Test
    void demoCasesAreSpreadOverTheTeamsDirectors() throws Exception {
        tools.jackson.databind.JsonNode stories;
        try (var in = new org.springframework.core.io.ClassPathResource("demo/households.json").getInputStream()) {
            stories = JsonMapper.builder().build().readTree(in);
        }
        java.util.Map<String, Long> perDirector = new java.util.TreeMap<>();
        for (var story : stories) {
            var a = story.get("address");
            String director = jdbc.sql("""
                    SELECT u.username FROM care_case c
                      JOIN household h ON h.municipality_code = c.municipality_code AND h.id = c.household_id
                      JOIN app_user u ON u.municipality_code = c.municipality_code AND u.id = c.case_director_id
                     WHERE c.municipality_code = '9999' AND h.street = :s AND h.house_number = :n AND h.postal_code = :p
                    """).param("s", a.get("street").asString()).param("n", a.get("houseNumber").asString())
                    .param("p", a.get("postalCode").asString()).query(String.class).single();
            perDirector.merge(director, 1L, Long::sum);
        }
        // Centrum-Haven has two directors and six demo households: three each; the other teams have one director each.
        assertThat(perDirector).containsEntry("regisseur", 3L).containsEntry("regisseur.haven", 3L)
                .containsEntry("regisseur.noord", 3L).containsEntry("regisseur.zuid", 2L);
    }

    @Test
    void noCaseIsOpenedAfterItsFirstNotificationAndTheDemoTimelineHasTheNetwork() {
        long late = jdbc.sql("""
                SELECT count(*) FROM care_case c
                 WHERE (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date >
                       (SELECT min(received_on) FROM notification n WHERE n.municipality_code = c.municipality_code AND n.case_id = c.id)
                """).query(Long.class).single();
        assertThat(late).isZero();
        long demoNetworkRows = jdbc.sql("SELECT count(*) FROM case_event WHERE municipality_code = '9999' AND type = 'NETWORK_MEMBER_ADDED' ")
                .query(Long.class).single();
        assertThat(demoNetworkRows).isGreaterThan(0);
    }

    @Test
    void myWorkListsAreSortedByDateNewestFirst() throws Exception {
        String html = Mvc.of(context).perform(get("/mijn-werk").with(users.as("regisseur.zuid"))).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("<td>(\\d{2})-(\\d{2})-(\\d{4})</td>").matcher(html.substring(html.indexOf("mijn-kop")));
        LocalDate previous = LocalDate.MAX;
        int n = 0;
        while (d.find()) {
            LocalDate date = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)));
            assertThat(date).isBeforeOrEqualTo(previous);
            previous = date;
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(2);
    }
}
