package nl.leefwereld.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.support.DbSnapshot;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Moves, departures and corrections (issue 6 item 9): history kept with who and why, every change audited, another
 * team refused with nothing written, bad input as field errors, a BSN that is taken refused even under parallel requests.
 */
@IntegrationTest
class PersonChangesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    Households register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final ObjectMapper json = new ObjectMapper();
    MockMvc mvc;
    CurrentUser director;
    TestHouseholds.Fresh fresh;
    UUID partner;
    String today;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        director = users.current("regisseur");
        fresh = households.register(director, "centrum");
        partner = register.addMember(director, fresh.householdId(),
                new PersonDraft("Pim", "Partner" + TestHouseholds.letters(6), "1970-05-06", null, "06-12121212", null), "PARTNER", true);
        today = LocalDate.now(clock).toString();
    }

    @Test
    void aMoveToAnotherTeamsDistrictKeepsEveryMembersOldAddressAuditsEachAndTellsTheCaseTimeline() throws Exception {
        long auditBefore = audits();
        MvcResult r = api("/api/v1/persons/" + fresh.headPersonId() + "/moves", "regisseur", """
                {"street": "Nieuwe Gracht", "houseNumber": "7a", "postalCode": "8302 bc", "city": "Leefstad", "districtCode": "noord",
                 "movedOn": "%s", "reason": "Verhuizing doorgegeven door de BRP"}""".formatted(today));
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT street || ' ' || house_number || ' ' || postal_code || ' ' || district_code FROM household WHERE id = :h")
                .param("h", fresh.householdId()).query(String.class).single()).isEqualTo("Nieuwe Gracht 7a 8302 BC noord");
        // one history row per member, holding the OLD address, with who and why
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT person_id, kind, street, district_code, changed_fields, reason, changed_by_name, effective_on FROM person_history
                 WHERE person_id IN (:a, :b)""").param("a", fresh.headPersonId()).param("b", partner).query().listOfRows();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("MOVE");
            assertThat(row.get("street")).isEqualTo("Proefstraat");
            assertThat(row.get("district_code")).isEqualTo("centrum");
            assertThat(row.get("changed_fields")).isEqualTo("adres, wijk");
            assertThat(row.get("reason")).isEqualTo("Verhuizing doorgegeven door de BRP");
            assertThat(row.get("changed_by_name")).isEqualTo(director.displayName());
        });
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id IN (:a, :b) AND street = 'Nieuwe Gracht' AND district_code = 'noord'")
                .param("a", fresh.headPersonId()).param("b", partner).query(Long.class).single()).isEqualTo(2);
        // audited: the household and each member
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'UPDATE' AND household_id = :h AND reason LIKE 'verhuizing%'")
                .param("h", fresh.householdId()).query(Long.class).single()).isEqualTo(3);
        assertThat(audits() - auditBefore).isGreaterThanOrEqualTo(3);
        // the case stays with its team, the timeline says the district belongs to another team now
        String summary = jdbc.sql("SELECT summary FROM case_event WHERE case_id = :c AND type = 'HOUSEHOLD_MOVED'").param("c", fresh.caseId())
                .query(String.class).single();
        assertThat(summary).contains("Wijkteam Noord").contains("Wijkteam Centrum-Haven").contains("Teamleider");
        assertThat(jdbc.sql("SELECT t.name FROM care_case c JOIN team t ON t.id = c.team_id WHERE c.id = :c").param("c", fresh.caseId())
                .query(String.class).single()).isEqualTo("Wijkteam Centrum-Haven");
        // the history is on the household page (the old address), and in the resident's inzage export
        String page = mvc.perform(get("/huishoudens/{id}", fresh.householdId()).with(users.as("regisseur"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Geschiedenis van de leden").contains("Woonde op Proefstraat").contains("Verhuizing doorgegeven door de BRP");
        MvcResult inzage = api("/api/v1/inzage", "privacy", "{\"bsn\": \"" + fresh.bsn() + "\", \"request\": \"INZ-MOVE-" + TestHouseholds.letters(5) + "\"}");
        assertThat(body(inzage)).contains("eerdere_gegevens").contains("Proefstraat").contains("Verhuizing doorgegeven door de BRP");
    }

    @Test
    void aMemberLeavingIntoANewHouseholdEndsTheMembershipWithHistoryAndIsAudited() throws Exception {
        MvcResult r = api("/api/v1/households/" + fresh.householdId() + "/members/" + partner + "/departure", "regisseur", """
                {"leftOn": "%s", "reason": "Gaat apart wonen na de scheiding", "destination": "NEW",
                 "street": "Havenkade", "houseNumber": "12", "postalCode": "8303 AA", "city": "Leefstad", "districtCode": "haven"}""".formatted(today));
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        UUID newHousehold = UUID.fromString(json.readTree(body(r)).get("destinationHouseholdId").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = :h AND person_id = :p")
                .param("h", fresh.householdId()).param("p", partner).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT relation FROM household_member WHERE household_id = :h AND person_id = :p")
                .param("h", newHousehold).param("p", partner).query(String.class).single()).isEqualTo("HEAD");
        Map<String, Object> history = jdbc.sql("SELECT relation, valid_to, reason, destination FROM membership_history WHERE person_id = :p")
                .param("p", partner).query().singleRow();
        assertThat(history.get("relation")).isEqualTo("PARTNER");
        assertThat(history.get("reason")).isEqualTo("Gaat apart wonen na de scheiding");
        assertThat(history.get("destination")).isEqualTo(newHousehold);
        assertThat(jdbc.sql("SELECT count(*) FROM person_history WHERE person_id = :p AND kind = 'MOVE' AND street = 'Proefstraat'")
                .param("p", partner).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE person_id = :p AND action IN ('UPDATE','CREATE') AND record_type = 'HOUSEHOLD_MEMBER'")
                .param("p", partner).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND type = 'MEMBER_DEPARTED'").param("c", fresh.caseId())
                .query(Long.class).single()).isEqualTo(1);
        // the last member cannot leave: that is a move of the household
        MvcResult last = api("/api/v1/households/" + fresh.householdId() + "/members/" + fresh.headPersonId() + "/departure", "regisseur",
                "{\"leftOn\": \"" + today + "\", \"reason\": \"Gaat in een verpleeghuis wonen\"}");
        assertThat(last.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(body(last)).path("errors").has("destination")).isTrue();
        // history rows are never rewritten
        assertThat(updateRefused("UPDATE membership_history SET reason = 'x' WHERE person_id = '" + partner + "'")).isTrue();
        assertThat(updateRefused("DELETE FROM person_history WHERE person_id = '" + partner + "'")).isTrue();
    }

    @Test
    void aCorrectionKeepsTheOldValuesMasksTheBsnOnThePageAndRefusesATakenOrInvalidBsn() throws Exception {
        String newBsn = households.freshBsn();
        MvcResult r = api("/api/v1/persons/" + fresh.headPersonId() + "/corrections", "regisseur", """
                {"lastName": "Gecorrigeerd", "bsn": "%s", "reason": "Achternaam en BSN gecontroleerd in de BRP"}""".formatted(newBsn));
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        Map<String, Object> old = jdbc.sql("SELECT kind, last_name, bsn, changed_fields FROM person_history WHERE person_id = :p")
                .param("p", fresh.headPersonId()).query().singleRow();
        assertThat(old.get("kind")).isEqualTo("CORRECTION");
        assertThat(old.get("last_name")).isEqualTo(fresh.lastName());
        assertThat(old.get("bsn")).isEqualTo(fresh.bsn());
        assertThat(old.get("changed_fields")).isEqualTo("achternaam, bsn");
        assertThat(jdbc.sql("SELECT bsn FROM person WHERE id = :p").param("p", fresh.headPersonId()).query(String.class).single()).isEqualTo(newBsn);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE person_id = :p AND action = 'UPDATE' AND record_type = 'PERSON'")
                .param("p", fresh.headPersonId()).query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get("/huishoudens/{id}/leden/{p}", fresh.householdId(), fresh.headPersonId()).with(users.as("regisseur")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gecorrigeerd: achternaam, bsn").contains(fresh.lastName()).doesNotContain(fresh.bsn()).doesNotContain(newBsn);

        // someone else's BSN: a field error, nothing changed
        TestHouseholds.Fresh other = households.register(director, "centrum");
        MvcResult taken = api("/api/v1/persons/" + fresh.headPersonId() + "/corrections", "regisseur",
                "{\"bsn\": \"" + other.bsn() + "\", \"reason\": \"BSN overgenomen uit een brief\"}");
        assertThat(taken.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(body(taken)).path("errors").path("bsn").asText()).contains("al een persoon met dit BSN");
        MvcResult invalid = api("/api/v1/persons/" + fresh.headPersonId() + "/corrections", "regisseur",
                "{\"bsn\": \"123456789\", \"reason\": \"BSN overgenomen uit een brief\"}");
        assertThat(json.readTree(body(invalid)).path("errors").has("bsn")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM person_history WHERE person_id = :p").param("p", fresh.headPersonId()).query(Long.class).single())
                .isEqualTo(1);
        // the page form: error next to the field, what was typed still there
        String form = mvc.perform(post("/huishoudens/{id}/leden/{p}/correctie", fresh.householdId(), fresh.headPersonId()).with(csrf())
                        .with(users.as("regisseur")).param("firstName", "Vera").param("lastName", "Typfout").param("birthDate", "1960-01-01")
                        .param("bsn", other.bsn()).param("reason", "")).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("bsn-error").contains("reason-error").contains("value=\"Typfout\"");
    }

    @Test
    void twoParallelCorrectionsToTheSameBsnGiveOneSuccessAndOneFieldError() throws Exception {
        TestHouseholds.Fresh second = households.register(director, "centrum");
        String bsn = households.freshBsn();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MvcResult>> results = new ArrayList<>();
            for (UUID person : List.of(fresh.headPersonId(), second.headPersonId())) {
                Callable<MvcResult> call = () -> {
                    start.await();
                    return api("/api/v1/persons/" + person + "/corrections", "regisseur",
                            "{\"bsn\": \"" + bsn + "\", \"reason\": \"BSN gecontroleerd in de BRP\"}");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MvcResult> f : results) {
                MvcResult r = f.get();
                statuses.add(r.getResponse().getStatus());
                if (r.getResponse().getStatus() == 400) {
                    assertThat(json.readTree(body(r)).path("errors").has("bsn")).as(body(r)).isTrue();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE bsn = :b").param("b", bsn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherTeamIsRefusedOnEveryChangeAndNothingIsWritten() throws Exception {
        Map<String, String> before = DbSnapshot.take(jdbc);
        List<MvcResult> answers = List.of(
                api("/api/v1/persons/" + fresh.headPersonId() + "/moves", "regisseur.noord", """
                        {"street": "Idorstraat", "houseNumber": "1", "postalCode": "8301 AB", "city": "Leefstad", "districtCode": "noord",
                         "movedOn": "%s", "reason": "Verhuisd volgens de BRP"}""".formatted(today)),
                api("/api/v1/persons/" + fresh.headPersonId() + "/corrections", "regisseur.noord",
                        "{\"phone\": \"06-99998888\", \"reason\": \"Nieuw nummer doorgegeven\"}"),
                api("/api/v1/households/" + fresh.householdId() + "/members/" + partner + "/departure", "regisseur.noord",
                        "{\"leftOn\": \"" + today + "\", \"reason\": \"Gaat zelfstandig wonen\"}"));
        for (MvcResult r : answers) {
            assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(403);
            assertThat(body(r)).doesNotContain(fresh.lastName());
        }
        int page = mvc.perform(get("/huishoudens/{id}/leden/{p}", fresh.householdId(), partner).with(users.as("regisseur.noord")))
                .andReturn().getResponse().getStatus();
        assertThat(page).isEqualTo(403);
        assertThat(DbSnapshot.take(jdbc)).isEqualTo(before);
        // joining a household of another team is refused too
        TestHouseholds.Fresh noord = households.register(users.current("regisseur.noord"), "noord");
        MvcResult join = api("/api/v1/households/" + fresh.householdId() + "/members/" + partner + "/departure", "regisseur", """
                {"leftOn": "%s", "reason": "Gaat bij familie wonen", "destination": "EXISTING", "destinationHouseholdId": "%s",
                 "relation": "OTHER"}""".formatted(today, noord.householdId()));
        assertThat(join.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM membership_history WHERE person_id = :p").param("p", partner).query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsAFieldErrorForEachField() throws Exception {
        JsonNode move = json.readTree(body(api("/api/v1/persons/" + fresh.headPersonId() + "/moves", "regisseur", """
                {"street": "", "houseNumber": "1", "postalCode": "123", "city": "Leefstad", "districtCode": "bestaat-niet",
                 "movedOn": "2999-01-01", "reason": "kort"}""")));
        assertThat(move.path("errors").fieldNames()).toIterable().contains("street", "postalCode", "districtCode", "movedOn", "reason");
        JsonNode same = json.readTree(body(api("/api/v1/persons/" + fresh.headPersonId() + "/moves", "regisseur", """
                {"street": "Proefstraat", "houseNumber": "%s", "postalCode": "%s", "city": "Leefstad", "districtCode": "centrum",
                 "movedOn": "%s", "reason": "Verhuisd volgens de BRP"}""".formatted(
                jdbc.sql("SELECT house_number FROM household WHERE id = :h").param("h", fresh.householdId()).query(String.class).single(),
                fresh.postalCode(), today))));
        assertThat(same.path("errors").has("street")).isTrue();
        JsonNode departure = json.readTree(body(api("/api/v1/households/" + fresh.householdId() + "/members/" + partner + "/departure", "regisseur",
                "{\"leftOn\": \"31-12-2026\", \"destination\": \"EXISTING\", \"destinationHouseholdId\": \"geen-uuid\", \"relation\": \"BAAS\"}")));
        assertThat(departure.path("errors").fieldNames()).toIterable().contains("leftOn", "reason", "destinationHouseholdId", "relation");
        JsonNode nothing = json.readTree(body(api("/api/v1/persons/" + fresh.headPersonId() + "/corrections", "regisseur",
                "{\"reason\": \"Niets aan de hand hoor\"}")));
        assertThat(nothing.path("errors").has("firstName")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM person_history WHERE person_id IN (:a, :b)").param("a", fresh.headPersonId()).param("b", partner)
                .query(Long.class).single()).isZero();
        // the move page: errors at the fields, typed values kept
        String page = mvc.perform(post("/huishoudens/{id}/leden/{p}/verhuizing", fresh.householdId(), partner).with(csrf()).with(users.as("regisseur"))
                .param("street", "Lindelaan").param("houseNumber", "").param("postalCode", "8301 AB").param("city", "Leefstad")
                .param("districtCode", "centrum").param("movedOn", today).param("reason", "Verhuisd volgens de BRP"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("houseNumber-error").contains("value=\"Lindelaan\"").contains("Verhuisd volgens de BRP");
    }

    private MvcResult api(String path, String user, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(users.as(user))).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long audits() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    private boolean updateRefused(String sql) {
        try {
            jdbc.sql(sql).update();
            return false;
        } catch (org.springframework.dao.DataAccessException e) {
            return true;
        }
    }
}
