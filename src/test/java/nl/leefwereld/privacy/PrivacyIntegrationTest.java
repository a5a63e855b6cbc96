package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.shared.TimeConfiguration;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Consents consents;
    @Autowired
    JsonMapper json;
    @Autowired
    nl.leefwereld.support.TestClock clock;

    MockMvc mvc;
    /** A demo household in Centrum, served by Wijkteam Centrum-Haven. */
    UUID centrum;
    int members;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        centrum = jdbc.sql("""
                SELECT h.id FROM household h JOIN person p ON p.municipality_code = h.municipality_code
                  JOIN household_member hm ON hm.household_id = h.id AND hm.person_id = p.id
                 WHERE h.district_code = 'centrum' AND p.last_name = 'Bakker' AND hm.relation = 'HEAD'
                """).query(UUID.class).single();
        members = jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = :h").param("h", centrum).query(Integer.class).single();
    }

    long audits(String action, String recordType, UUID household) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND record_type = :t AND household_id = :h")
                .param("a", action).param("t", recordType).param("h", household).query(Long.class).single();
    }

    @Test
    void everyReadOfAHouseholdAndItsPeopleIsAudited() throws Exception {
        long households = audits("READ", "HOUSEHOLD", centrum);
        long persons = audits("READ", "PERSON", centrum);
        int pageReads = 3;
        int apiReads = 2;
        for (int i = 0; i < pageReads; i++) {
            mvc.perform(get("/huishoudens/{id}", centrum).with(users.as("regisseur"))).andExpect(status().isOk());
        }
        for (int i = 0; i < apiReads; i++) {
            mvc.perform(get("/api/v1/households/{id}", centrum).with(users.as("teamleider"))).andExpect(status().isOk());
        }
        assertThat(audits("READ", "HOUSEHOLD", centrum) - households).isEqualTo(pageReads + apiReads);
        assertThat(audits("READ", "PERSON", centrum) - persons).isEqualTo((long) (pageReads + apiReads) * members);
        assertThat(jdbc.sql("""
                SELECT route FROM audit_event WHERE household_id = :h AND record_type = 'HOUSEHOLD' AND action = 'READ'
                 ORDER BY id DESC LIMIT 1""").param("h", centrum).query(String.class).single())
                .isEqualTo("GET /api/v1/households/{id}");
    }

    @Test
    void searchResultsAreAuditedPerPersonShown() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SEARCH'").query(Long.class).single();
        String body = mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"Bakker\"}")
                        .with(users.as("regisseur")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode hits = json.readTree(body);
        long accessible = 0;
        for (JsonNode hit : hits) {
            if (hit.get("accessible").asBoolean()) {
                accessible++;
                assertThat(hit.get("person").get("bsn").asString()).startsWith("******");
            } else {
                assertThat(hit.path("person").isMissingNode() || hit.path("person").isNull()).isTrue();
            }
        }
        assertThat(accessible).isPositive();
        // Every hit is audited, the ones the user may not open too (those are shown once per household).
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SEARCH'").query(Long.class).single() - before)
                .isGreaterThanOrEqualTo(hits.size());
    }

    @Test
    void aProfessionalOfAnotherTeamGetsNoAccessAndNoAuditedRead() throws Exception {
        long reads = audits("READ", "HOUSEHOLD", centrum);
        mvc.perform(get("/huishoudens/{id}", centrum).with(users.as("regisseur.noord")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Geen toegang tot dit huishouden")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Noodtoegang vragen")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Bakker"))));
        mvc.perform(get("/api/v1/households/{id}", centrum).with(users.as("regisseur.noord")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(audits("READ", "HOUSEHOLD", centrum)).isEqualTo(reads);
    }

    @Test
    void breakTheGlassNeedsAReasonGivesTimeLimitedAccessAndIsShownToThePrivacyOfficer() throws Exception {
        UUID household = jdbc.sql("SELECT id FROM household WHERE district_code = 'zuid' ORDER BY created_at LIMIT 1").query(UUID.class).single();
        CurrentUser noord = users.current("regisseur.noord");
        clock.freezeAt(java.time.Instant.now().minus(java.time.Duration.ofHours(5)));   // so the grant has expired in real time afterwards

        mvc.perform(post("/huishoudens/{id}/noodtoegang", household).param("reason", "nodig").with(csrf()).with(users.as("regisseur.noord")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("reason-error")));
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur.noord"))).andExpect(status().isForbidden());

        String reason = "Acute zorgen gemeld door politie, regisseur Zuid niet bereikbaar";
        mvc.perform(post("/huishoudens/{id}/noodtoegang", household).param("reason", reason).with(csrf()).with(users.as("regisseur.noord")))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/huishoudens/" + household));
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur.noord"))).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE action = 'READ' AND record_type = 'HOUSEHOLD' AND household_id = :h AND actor_username = 'regisseur.noord'")
                .param("h", household).query(String.class).single()).isEqualTo("noodtoegang: " + reason);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BREAK_GLASS' AND household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT expires_at - granted_at FROM break_glass_grant WHERE household_id = :h AND user_id = :u")
                .param("h", household).param("u", noord.id()).query(String.class).single()).isEqualTo("04:00:00");

        mvc.perform(get("/privacy/noodtoegang").with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(reason)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Loopt nog")));

        // When the time is up, access ends (the application's clock is stepped; BreakGlassExpiryTest has the exact boundary).
        clock.advance(java.time.Duration.ofHours(4).plusMinutes(1));
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur.noord"))).andExpect(status().isForbidden());
    }

    @Test
    void breakTheGlassIsOnlyForCaseworkAndOnlyForExistingHouseholds() throws Exception {
        mvc.perform(post("/api/v1/households/{id}/break-glass", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Een reden die lang genoeg is om te tellen\"}").with(users.as("regisseur.noord")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/households/{id}/break-glass", centrum).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Een reden die lang genoeg is om te tellen\"}").with(users.as("beleid")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAuditTrailCannotBeChangedByTheApplicationsDatabaseRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("leefwereld_app");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET reason = 'gewist'").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DROP TABLE audit_event").update()).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isPositive();
    }

    @Test
    void thePrivacyOfficerSearchesTheAuditTrail() throws Exception {
        mvc.perform(get("/huishoudens/{id}", centrum).with(users.as("procesbegeleider"))).andExpect(status().isOk());
        mvc.perform(get("/privacy/audit").param("actor", "procesbegeleider").param("household", centrum.toString()).with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("GET /huishoudens/{id}")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("team bedient wijk")));
        mvc.perform(get("/privacy/audit").param("from", "gisteren").with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("from-error")));
        String api = mvc.perform(get("/api/v1/audit-events").param("actor", "procesbegeleider").param("action", "READ").with(users.as("privacy")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(api).size()).isPositive();
    }

    @Test
    void theInzageExportHoldsTheResidentsDataAndWhoAccessedIt() throws Exception {
        String bsn = jdbc.sql("""
                SELECT p.bsn FROM person p JOIN household_member hm ON hm.person_id = p.id
                 WHERE hm.household_id = :h AND hm.relation = 'HEAD'""").param("h", centrum).query(String.class).single();
        mvc.perform(get("/huishoudens/{id}", centrum).with(users.as("teamleider"))).andExpect(status().isOk());

        var response = mvc.perform(post("/privacy/inzage").param("bsn", bsn).param("request", "INZ-2026-001").with(csrf()).with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment; filename=\"inzage-")))
                .andReturn().getResponse();
        JsonNode export = json.readTree(response.getContentAsString());
        assertThat(export.get("persoon_en_huishoudens").get("persoon").get("bsn").asString()).isEqualTo(bsn);
        assertThat(export.get("persoon_en_huishoudens").get("persoon").get("achternaam").asString()).isEqualTo("Bakker");
        assertThat(export.get("persoon_en_huishoudens").get("huishoudens").get(0).get("huisgenoten").size()).isEqualTo(members - 1);
        assertThat(export.get("meldingen").size()).isPositive();
        assertThat(export.get("wie_heeft_uw_gegevens_bekeken").toString()).contains("Teamleider").contains("bekeken");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND record_type = 'INZAGE' AND reason = 'INZ-2026-001'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND record_type = 'INZAGE_CO_RESIDENT' AND reason = 'INZ-2026-001'")
                .query(Long.class).single()).as("each co-resident named gets a row").isEqualTo(members - 1);

        mvc.perform(post("/privacy/inzage").param("bsn", "123456789").with(csrf()).with(users.as("privacy")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("bsn-error")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("request-error")));
        mvc.perform(post("/privacy/inzage").param("bsn", "111222333").param("request", "INZ-2026-002").with(csrf()).with(users.as("privacy")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("geen inwoner met dit BSN")));
    }

    @Test
    void consentIsPerPurposeAndRecipientAndBlocksAShareOnceWithdrawn() throws Exception {
        CurrentUser director = users.current("regisseur");
        UUID person = jdbc.sql("SELECT person_id FROM household_member WHERE household_id = :h AND relation = 'HEAD'").param("h", centrum)
                .query(UUID.class).single();
        String recipient = "GGZ Leefstad " + UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> consents.requireConsent(director.municipalityCode(), person, ConsentPurpose.REFERRAL, recipient))
                .isInstanceOf(ConsentMissingException.class);

        mvc.perform(post("/huishoudens/{id}/toestemmingen", centrum).with(csrf()).with(users.as("regisseur"))
                        .param("personId", person.toString()).param("purpose", "REFERRAL").param("recipient", recipient)
                        .param("givenOn", LocalDate.now(TimeConfiguration.ZONE).toString()).param("scope", "Verslag keukentafelgesprek"))
                .andExpect(status().is3xxRedirection());
        consents.requireConsent(director.municipalityCode(), person, ConsentPurpose.REFERRAL, recipient.toUpperCase());
        assertThat(consents.hasValidConsent(director.municipalityCode(), person, ConsentPurpose.PLANNING_MEETING, recipient)).isFalse();
        assertThat(consents.hasValidConsent(director.municipalityCode(), person, ConsentPurpose.REFERRAL, "Andere organisatie")).isFalse();

        UUID consentId = consents.of(director.municipalityCode(), List.of(person)).stream().filter(c -> c.recipient().equals(recipient))
                .findFirst().orElseThrow().id();
        mvc.perform(post("/huishoudens/{id}/toestemmingen/{c}/intrekken", centrum, consentId).with(csrf()).with(users.as("regisseur"))
                        .param("reason", "De inwoner wil het niet meer"))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> consents.requireConsent(director.municipalityCode(), person, ConsentPurpose.REFERRAL, recipient))
                .isInstanceOf(ConsentMissingException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'CONSENT' AND record_id = :c").param("c", consentId.toString())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void consentWithBadDatesIsRefusedNextToTheField() throws Exception {
        UUID person = jdbc.sql("SELECT person_id FROM household_member WHERE household_id = :h AND relation = 'HEAD'").param("h", centrum)
                .query(UUID.class).single();
        mvc.perform(post("/huishoudens/{id}/toestemmingen", centrum).with(csrf()).with(users.as("regisseur"))
                        .param("personId", person.toString()).param("purpose", "REFERRAL").param("recipient", "Huisarts")
                        .param("givenOn", LocalDate.now(TimeConfiguration.ZONE).plusDays(3).toString()).param("validUntil", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("givenOn-error")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Huisarts\"")));
    }

    @Test
    void logsContainNoBsnNamesOrFreeText(CapturedOutput output) throws Exception {
        String bsn = jdbc.sql("SELECT bsn FROM person WHERE bsn IS NOT NULL ORDER BY bsn LIMIT 1").query(String.class).single();
        String question = "Mijn buurman Klaasjan Zwartkop heeft hulp nodig";
        mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"" + bsn + "\"}")
                .with(users.as("regisseur"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content("{\"head\":{\"firstName\":\"Klaasjan\",\"lastName\":\"Zwartkop\",\"birthDate\":\"1950-01-01\",\"bsn\":\"" + bsn + "\"},"
                        + "\"address\":{\"street\":\"Laan\",\"houseNumber\":\"1\",\"postalCode\":\"8301AA\",\"city\":\"Leefstad\",\"districtCode\":\"nergens\"},"
                        + "\"notification\":{\"channel\":\"KCC_PHONE\",\"receivedOn\":\"" + LocalDate.now(TimeConfiguration.ZONE) + "\",\"questionAsAsked\":\"" + question + "\"}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/privacy/inzage").param("bsn", bsn).param("request", "INZ-LOG-1").with(csrf()).with(users.as("privacy")))
                .andExpect(status().isOk());
        assertThat(output.getAll()).doesNotContain(bsn).doesNotContain("Zwartkop").doesNotContain(question);
    }
}
