package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Item 11: a protected person (women's shelter) in a fresh Centrum household. Others — even the team that serves the
 * district — do not see it in search, in the duplicate check or on the household page, and cannot break the glass; the
 * named user sees it, and every access of theirs alerts the privacy officer.
 */
@IntegrationTest
class ProtectedPersonTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Households households;

    MockMvc mvc;
    String last;
    String bsn;
    UUID household;
    UUID person;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Mvc.of(context);
        last = "Schuil" + letters();
        bsn = bsn();
        MvcResult r = mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content("""
                        {"head": {"firstName": "Fenna", "lastName": "%s", "birthDate": "1991-09-19", "bsn": "%s"},
                         "address": {"street": "Schuilplaats", "houseNumber": "3", "postalCode": "8301 YY", "city": "Leefstad", "districtCode": "centrum"},
                         "confirmNew": true}
                        """.formatted(last, bsn))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        String body = r.getResponse().getContentAsString();
        household = UUID.fromString(body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf("\"id\":\"") + 42));
        person = jdbc.sql("SELECT person_id FROM household_member WHERE household_id = :h").param("h", household).query(UUID.class).single();
        // The privacy officer looks the person up by BSN (in the POST body) and shields her.
        mvc.perform(post("/privacy/afgeschermd/zoeken").with(csrf()).with(users.as("privacy")).param("bsn", bsn))
                .andExpect(x -> assertThat(x.getResponse().getContentAsString()).contains("Fenna " + last).contains("niet afgeschermd"));
        mvc.perform(post("/privacy/afgeschermd/afschermen").with(csrf()).with(users.as("privacy")).param("personId", person.toString())
                        .param("category", "OPVANG").param("note", "Vrouwenopvang sinds maart"))
                .andExpect(x -> assertThat(x.getResponse().getRedirectedUrl()).isEqualTo("/privacy/afgeschermd"));
    }

    @AfterEach
    void liftProtection() throws Exception {
        mvc.perform(post("/privacy/afgeschermd/opheffen").with(csrf()).with(users.as("privacy")).param("personId", person.toString()));
    }

    private long alerts() {
        return jdbc.sql("SELECT count(*) FROM privacy_alert WHERE household_id = :h").param("h", household).query(Long.class).single();
    }

    @Test
    void othersDoNotSeeTheProtectedPersonAnywhereNotEvenTheTeamServingTheDistrict() throws Exception {
        for (String user : new String[] {"regisseur", "regisseur.noord"}) {
            mvc.perform(get("/huishoudens/{id}", household).with(users.as(user)))
                    .andExpect(x -> assertThat(x.getResponse().getStatus()).as(user).isEqualTo(403))
                    .andExpect(x -> assertThat(x.getResponse().getContentAsString()).doesNotContain(last));
            mvc.perform(get("/api/v1/households/{id}", household).with(users.as(user)))
                    .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(403));
            for (String q : new String[] {bsn, last, "1991-09-19", "8301 YY 3", "Schuilplaats"}) {
                String answer = mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as(user))
                        .content("{\"query\":\"" + q + "\"}")).andReturn().getResponse().getContentAsString();
                assertThat(answer).as(user + " searching " + q + ": simply absent, not even 'known in district'").isEqualTo("[]");
            }
            assertThat(households.likelyDuplicates(users.current(user), new PersonDraft("Fenna", last, "1991-09-19", null, null, null)))
                    .as("the duplicate check does not reveal her").isEmpty();
        }
        // A duplicate registration via the API is not warned about either (that would reveal her).
        MvcResult dup = mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.noord"))
                .content("""
                        {"head": {"firstName": "Fenna", "lastName": "%s", "birthDate": "1991-09-19"},
                         "address": {"street": "Elders", "houseNumber": "9", "postalCode": "8302 AA", "city": "Leefstad", "districtCode": "noord"},
                         "confirmNew": false}
                        """.formatted(last))).andReturn();
        assertThat(dup.getResponse().getContentAsString()).doesNotContain("Centrum").doesNotContain(household.toString());

        // Break-the-glass is refused with a clear message; no grant is written.
        mvc.perform(post("/huishoudens/{id}/noodtoegang", household).with(csrf()).with(users.as("regisseur.noord"))
                        .param("reason", "Acute zorgen gemeld door de politie vannacht"))
                .andExpect(x -> assertThat(x.getResponse().getContentAsString()).contains("afgeschermd"));
        mvc.perform(post("/api/v1/households/{id}/break-glass", household).contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.noord"))
                        .content("{\"reason\":\"Acute zorgen gemeld door de politie vannacht\"}"))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(400));
        assertThat(jdbc.sql("SELECT count(*) FROM break_glass_grant WHERE household_id = :h").param("h", household).query(Long.class).single()).isZero();
        assertThat(alerts()).isZero();
    }

    @Test
    void theNamedUserSeesHerAndEveryAccessAlertsThePrivacyOfficer() throws Exception {
        mvc.perform(post("/privacy/afgeschermd/medewerkers").with(csrf()).with(users.as("privacy")).param("personId", person.toString())
                .param("username", "regisseur"));
        // Naming someone who does not do casework is refused next to the field.
        mvc.perform(post("/privacy/afgeschermd/medewerkers").with(csrf()).with(users.as("privacy")).param("personId", person.toString())
                        .param("username", "beleid"))
                .andExpect(x -> assertThat(x.getResponse().getContentAsString()).contains("username-error"));

        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur")))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(200))
                .andExpect(x -> assertThat(x.getResponse().getContentAsString()).contains(last));
        assertThat(alerts()).isEqualTo(1);
        mvc.perform(get("/api/v1/households/{id}", household).with(users.as("regisseur")))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(200));
        assertThat(alerts()).isEqualTo(2);
        String hits = mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content("{\"query\":\"" + last + "\"}")).andReturn().getResponse().getContentAsString();
        assertThat(hits).contains(household.toString()).contains("Fenna");
        assertThat(alerts()).isEqualTo(3);
        // Named, but not involved (another team): still no access.
        mvc.perform(post("/privacy/afgeschermd/medewerkers").with(csrf()).with(users.as("privacy")).param("personId", person.toString())
                .param("username", "regisseur.noord"));
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur.noord")))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(403));
        // Someone else of the same team still not.
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("teamleider")))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(403));

        // The privacy officer sees the alerts, newest first, and marks one as seen.
        String page = mvc.perform(get("/privacy/meldingen").with(users.as("privacy"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("regisseur").contains("zoekresultaat in huishouden met afgeschermde persoon");
        assertThat(page.indexOf("zoekresultaat in huishouden")).isLessThan(page.indexOf("huishouden met afgeschermde persoon geopend"));
        long newest = jdbc.sql("SELECT max(id) FROM privacy_alert WHERE household_id = :h").param("h", household).query(Long.class).single();
        mvc.perform(post("/privacy/meldingen/gezien").with(csrf()).with(users.as("privacy")).param("id", Long.toString(newest)))
                .andExpect(x -> assertThat(x.getResponse().getStatus()).isEqualTo(302));
        assertThat(jdbc.sql("SELECT seen_at IS NOT NULL FROM privacy_alert WHERE id = :id").param("id", newest).query(Boolean.class).single()).isTrue();

        // Every change by the privacy officer is audited.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'PROTECTED_PERSON' AND person_id = :p AND action = 'UPDATE'")
                .param("p", person).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    static String letters() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    static String bsn() {
        while (true) {
            StringBuilder b = new StringBuilder();
            b.append(1 + ThreadLocalRandom.current().nextInt(9));
            for (int i = 0; i < 8; i++) {
                b.append(ThreadLocalRandom.current().nextInt(10));
            }
            if (Bsn.isValid(b.toString())) {
                return b.toString();
            }
        }
    }
}
