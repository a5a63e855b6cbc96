package nl.leefwereld.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5 item 1: a professional of another team scripts searches (BSN, birth date, postcode, street, name prefixes)
 * against a Centrum household. The answers may say "known in district Centrum", never a stable id; every hit is audited;
 * the break-the-glass reference differs per search, is bound to the searcher and leads to the household only after a grant.
 */
@IntegrationTest
class SearchOracleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Households households;

    MockMvc mvc;
    String last;
    String birth;
    String bsn;
    String partnerBsn;
    UUID household;
    List<UUID> personIds;

    /** A fresh Centrum household (served by regisseur's team, not by regisseur.noord's) with a head and a partner. */
    @BeforeEach
    void setUp() throws Exception {
        mvc = Mvc.of(context);
        last = SearchFixtures.lastName();
        birth = SearchFixtures.randomBirthDate();
        bsn = SearchFixtures.bsn();
        MvcResult r = mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(SearchFixtures.householdJson("Iris", last, birth, bsn, "centrum", true))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        household = SearchFixtures.id(r.getResponse().getContentAsString());
        do {
            partnerBsn = SearchFixtures.bsn();
        } while (partnerBsn.equals(bsn));
        mvc.perform(post("/huishoudens/{id}/leden", household).with(csrf()).with(users.as("regisseur"))
                .param("firstName", "Koen").param("lastName", last).param("birthDate", "1980-02-02").param("bsn", partnerBsn)
                .param("memberRelation", "PARTNER").param("confirmNew", "true"));
        personIds = jdbc.sql("SELECT person_id FROM household_member WHERE household_id = :h").param("h", household).query(UUID.class).list();
        assertThat(personIds).hasSize(2);
    }

    private String search(String user, String query) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as(user))
                .content(json.writeValueAsString(java.util.Map.of("query", query)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(query + ": " + r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private long searchAudits(String actor, String reasonLike) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'SEARCH' AND actor_username = :a AND household_id = :h AND reason LIKE :r
                """).param("a", actor).param("h", household).param("r", reasonLike).query(Long.class).single();
    }

    @Test
    void aScriptedPrefixSearchByAnOutsiderRecoversNoStableIdAndEveryHitIsAudited() throws Exception {
        List<String> queries = new ArrayList<>(List.of(bsn, partnerBsn, birth, last, "Iris " + last, "Zoekpad", "8301 ZZ"));
        for (int n = 4; n <= last.length(); n++) {
            queries.add(last.substring(0, n));   // the name, letter by letter
        }
        long auditsBefore = searchAudits("regisseur.noord", "%geen toegang");
        Set<String> references = new HashSet<>();
        int hitsOnThisHousehold = 0;
        for (String q : queries) {
            String body = search("regisseur.noord", q);
            assertThat(body).as("no stable id of the household in the answer to " + q).doesNotContain(household.toString());
            for (UUID person : personIds) {
                assertThat(body).as("no person id in the answer to " + q).doesNotContain(person.toString());
            }
            assertThat(body).as("nothing of our household's persons").doesNotContain(last);
            for (JsonNode hit : json.readTree(body)) {
                if (!hit.get("accessible").asBoolean() && hit.get("district").asString().equals("Centrum")) {
                    assertThat(hit.has("householdId")).as("an inaccessible hit carries no household id").isFalse();
                    assertThat(hit.has("person")).isFalse();
                    assertThat(hit.get("reference").asString()).hasSize(43);
                    assertThat(references.add(hit.get("reference").asString())).as("a new reference on every search").isTrue();
                }
            }
            // How many persons of our household this query really matched: each of them is one audit row.
            hitsOnThisHousehold += matchesInHousehold(q);
        }
        assertThat(hitsOnThisHousehold).as("the script did find the household").isGreaterThan(queries.size());
        assertThat(searchAudits("regisseur.noord", "%geen toegang") - auditsBefore).as("every hit audited, inaccessible too")
                .isEqualTo(hitsOnThisHousehold);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'SEARCH' AND actor_username = 'regisseur.noord' AND household_id = :h
                   AND reason = 'zoeken op BSN, geen toegang' AND route = 'POST /api/v1/persons/search'
                """).param("h", household).query(Long.class).single()).isEqualTo(2);
    }

    private int matchesInHousehold(String q) {
        String digits = q.replace(" ", "");
        if (digits.equals(bsn) || digits.equals(partnerBsn)) {
            return 1;
        }
        if (q.equals(birth)) {
            return 1;
        }
        if (q.equals("8301 ZZ") || q.equals("Zoekpad") || last.startsWith(q) || q.equals(last)) {
            return 2;
        }
        if (q.equals("Iris " + last)) {
            return 1;
        }
        return 0;
    }

    @Test
    void theReferenceIsBoundToTheSearcherAndOpensTheHouseholdOnlyAfterAGrant() throws Exception {
        String reference = json.readTree(search("regisseur.noord", bsn)).get(0).get("reference").asString();
        String reason = "Acute zorgen gemeld door de politie vannacht";
        // Another user cannot use it, and a made-up well-formed one is unknown: both 404, nothing granted.
        for (String[] attempt : new String[][] {{"regisseur.zuid", reference}, {"regisseur.noord", "A".repeat(43)}}) {
            mvc.perform(post("/api/v1/break-glass").contentType(MediaType.APPLICATION_JSON).with(users.as(attempt[0]))
                            .content(json.writeValueAsString(java.util.Map.of("reference", attempt[1], "reason", reason))))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        }
        // Something that is not a reference at all is a field error (400, errors.reference), and grants nothing either.
        mvc.perform(post("/api/v1/break-glass").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.noord"))
                        .content(json.writeValueAsString(java.util.Map.of("reference", "kort", "reason", reason))))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400))
                .andExpect(r -> assertThat(json.readTree(r.getResponse().getContentAsString()).path("errors").has("reference")).isTrue());
        mvc.perform(get("/noodtoegang").param("verwijzing", reference).with(users.as("regisseur.zuid")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("verlopen of niet van u"));
        assertThat(jdbc.sql("SELECT count(*) FROM break_glass_grant WHERE household_id = :h").param("h", household).query(Long.class).single()).isZero();

        // 15 zero-width spaces (and a few letters) are not a reason.
        String invisible = "\u200B".repeat(15) + "ok\u200B".repeat(5);
        mvc.perform(post("/api/v1/break-glass").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.noord"))
                        .content(json.writeValueAsString(java.util.Map.of("reference", reference, "reason", invisible))))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"reason\"").contains("15 letters"));

        // The page shows the form for the owner; the grant reveals the household by redirecting to it.
        mvc.perform(get("/noodtoegang").param("verwijzing", reference).with(users.as("regisseur.noord")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Noodtoegang vragen").doesNotContain(household.toString()));
        mvc.perform(post("/noodtoegang").with(csrf()).with(users.as("regisseur.noord")).param("verwijzing", reference).param("reason", reason))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/huishoudens/" + household));
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("regisseur.noord")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));

        // The API answers the id only after the grant, too.
        String second = json.readTree(search("regisseur.zuid", bsn)).get(0).get("reference").asString();
        String granted = mvc.perform(post("/api/v1/break-glass").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.zuid"))
                        .content(json.writeValueAsString(java.util.Map.of("reference", second, "reason", reason))))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(granted).get("householdId").asString()).isEqualTo(household.toString());
    }

    @Test
    void thePageSearchIsAPostAndAQueryInTheUrlIsIgnored() throws Exception {
        mvc.perform(get("/personen/zoeken").param("q", last).with(users.as("regisseur")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain(last).contains("method=\"post\"")
                        .contains("name=\"_csrf\""));
        mvc.perform(post("/personen/zoeken").with(csrf()).with(users.as("regisseur")).param("q", last))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Iris " + last).contains("/huishoudens/" + household));
        String outsider = mvc.perform(post("/personen/zoeken").with(csrf()).with(users.as("regisseur.noord")).param("q", last))
                .andReturn().getResponse().getContentAsString();
        assertThat(outsider).contains("Bekend in een huishouden waar u geen toegang toe heeft").contains("/noodtoegang?verwijzing=")
                .doesNotContain(household.toString()).doesNotContain("Iris");
    }

    @Test
    void birthDatesOutsideNineteenHundredToTodayAreAFieldErrorNotA500() throws Exception {
        for (String q : List.of("+5874898-01-01", "1850-01-01", "01-01-1899", "2999-01-01", "+10000000-01-01")) {
            mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                            .content(json.writeValueAsString(java.util.Map.of("query", q))))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(q).isEqualTo(400))
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString()).as(q).contains("\"query\"").contains("tussen 1900 en vandaag"));
            mvc.perform(post("/personen/zoeken").with(csrf()).with(users.as("regisseur")).param("q", q))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(q).isEqualTo(200))
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString()).as(q).contains("q-error"));
        }
    }

    @Test
    void theDuplicateCheckShowsOutsidersOnlyTheDistrictAndAuditsIt() throws Exception {
        long before = searchAudits("regisseur.noord", "controle dubbele registratie, geen toegang");
        MvcResult r = mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.noord"))
                .content(SearchFixtures.householdJson("Iris", last, birth, "", "noord", false))).andReturn();
        String body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(409);
        assertThat(body).contains("Centrum").doesNotContain(household.toString()).doesNotContain(last);
        for (UUID person : personIds) {
            assertThat(body).doesNotContain(person.toString());
        }
        JsonNode candidate = json.readTree(body).get("candidates").get(0);
        assertThat(candidate.get("accessible").asBoolean()).isFalse();
        assertThat(candidate.has("householdId")).isFalse();
        // What the check showed is audited. (The 409 above rolls its transaction back; audit rows that survive a rollback
        // are the audit engineer's part, so the count is taken on the check as such.)
        List<DuplicateCandidate> shown = households.likelyDuplicates(users.current("regisseur.noord"),
                new PersonDraft("Iris", last, birth, null, null, null));
        assertThat(shown).singleElement().satisfies(c -> {
            assertThat(c.accessible()).isFalse();
            assertThat(c.householdId()).isNull();
            assertThat(c.personId()).isNull();
            assertThat(c.description()).contains("Centrum").doesNotContain(last);
        });
        assertThat(searchAudits("regisseur.noord", "controle dubbele registratie, geen toegang") - before).isGreaterThanOrEqualTo(1);
    }
}
