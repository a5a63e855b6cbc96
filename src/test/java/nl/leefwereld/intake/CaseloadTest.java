package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team caseload and the bounded Mijn werk: keyset paging without duplicates or gaps (also with inserts between
 * requests), the size cap, true counts, filters, reassignment inside and outside the team, IDOR, audit per household
 * shown. Runs on a team of its own (two districts, a lead, two directors) so every number is exact.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    Intake intake;
    @Autowired
    Administration admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    MockMvc mvc;
    String m;
    String tag;
    String districtA;
    String districtB;
    UUID team;
    String lead;
    String directorOne;
    String directorTwo;
    /** Cases registered before the team had a director: status "geen regisseur". */
    final List<UUID> withoutDirector = new ArrayList<>();
    final List<RegisteredNotification> registered = new ArrayList<>();

    @BeforeAll
    void setUp() {
        mvc = Mvc.of(context);
        m = users.current("regisseur").municipalityCode();
        tag = TestHouseholds.letters(8);
        districtA = "ca-" + tag;
        districtB = "cb-" + tag;
        admin.createDistrict(m, districtA, "Werkwijk A " + tag);
        admin.createDistrict(m, districtB, "Werkwijk B " + tag);
        team = admin.createTeam(m, "Werkteam " + tag, Set.of(districtA, districtB));
        lead = "lead." + tag;
        admin.createUser(m, new Administration.NewUser(lead, "Lea Leider", null, team, EnumSet.of(Role.TEAM_LEAD),
                "Een-lang-wachtwoord-2026", null), null, "caseload-test");
        // Two cases before any director exists: nobody can be assigned.
        for (int i = 0; i < 2; i++) {
            withoutDirector.add(register(districtA, 40 + i).caseId());
        }
        directorOne = "een." + tag;
        directorTwo = "twee." + tag;
        admin.createUser(m, new Administration.NewUser(directorOne, "Anna Eerst", null, team, EnumSet.of(Role.CASE_DIRECTOR),
                "Een-lang-wachtwoord-2026", null), null, "caseload-test");
        admin.createUser(m, new Administration.NewUser(directorTwo, "Bert Tweede", null, team, EnumSet.of(Role.CASE_DIRECTOR),
                "Een-lang-wachtwoord-2026", null), null, "caseload-test");
        for (int i = 0; i < 21; i++) {
            registered.add(register(i % 3 == 0 ? districtB : districtA, i % 7));
        }
    }

    RegisteredNotification register(String district, int daysAgo) {
        CurrentUser registrar = users.current("regisseur");
        String last = "Werk" + TestHouseholds.letters(10);
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 60));
        return intake.registerForNewHousehold(registrar, new PersonDraft("Wim" + TestHouseholds.letters(5), last, birth.toString(), null, null, null),
                new AddressDraft("Werkstraat", String.valueOf(1 + ThreadLocalRandom.current().nextInt(900)), "8301 AB", "Leefstad", district), true,
                new NotificationDraft("KCC_PHONE", LocalDate.now(clock).minusDays(daysAgo).toString(), null, "Hulp bij de administratie",
                        null, null, null, null, null, null));
    }

    JsonNode api(String user, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request.with(users.as(user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        return json.readTree(r.getResponse().getContentAsString());
    }

    /** The team's cases in the order the caseload promises, computed here independently. */
    List<String> expectedOrder(String extraWhere) {
        return jdbc.sql("""
                SELECT c.id::text FROM care_case c
                 WHERE c.municipality_code = :m AND c.team_id = :t""" + extraWhere + """
                 ORDER BY (SELECT max(received_on) FROM notification n WHERE n.case_id = c.id) DESC,
                          (SELECT max(registered_at) FROM notification n WHERE n.case_id = c.id) DESC, c.id DESC
                """).param("m", m).param("t", team).query(String.class).list();
    }

    List<String> walk(String user, String query, int size) throws Exception {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder r = get("/api/v1/teams/{id}/caseload" + query, team).param("size", String.valueOf(size));
            if (after != null) {
                r = r.param("after", after);
            }
            JsonNode page = api(user, r, 200);
            page.get("items").forEach(i -> seen.add(i.get("caseId").asString()));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(size);
            after = page.get("next").isNull() ? null : page.get("next").asString();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (after != null);
        return seen;
    }

    @Test
    void keysetPagesCoverEveryCaseOnceInDateOrderAtEveryPageSize() throws Exception {
        List<String> expected = expectedOrder("");
        assertThat(expected).hasSize(23);
        for (int size : List.of(1, 4, 5, 22, 23, 100)) {
            assertThat(walk(lead, "", size)).as("size " + size).containsExactlyElementsOf(expected);
        }
        // The team's case directors see the same list (read only), sorted by director too.
        List<String> byDirector = walk(directorOne, "?sort=DIRECTOR", 4);
        assertThat(byDirector).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void insertsBetweenPageRequestsCauseNoDuplicatesOrGaps() throws Exception {
        String ownDistrict = "cc-" + TestHouseholds.letters(8);
        admin.createDistrict(m, ownDistrict, "Werkwijk C " + ownDistrict);
        UUID ownTeam = admin.createTeam(m, "Invoegteam " + ownDistrict, Set.of(ownDistrict));
        String ownLead = "lead." + ownDistrict.substring(3);
        admin.createUser(m, new Administration.NewUser(ownLead, "Ivo Invoeg", null, ownTeam, EnumSet.of(Role.TEAM_LEAD),
                "Een-lang-wachtwoord-2026", null), null, "caseload-test");
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            before.add(register(ownDistrict, 2 + i).caseId().toString());
        }
        List<String> seen = new ArrayList<>();
        JsonNode page = api(ownLead, get("/api/v1/teams/{id}/caseload", ownTeam).param("size", "4"), 200);
        page.get("items").forEach(i -> seen.add(i.get("caseId").asString()));
        // Between the requests: a newer case (lands before the cursor: not on later pages) and an older one (after it: shown).
        String newer = register(ownDistrict, 0).caseId().toString();
        String older = register(ownDistrict, 30).caseId().toString();
        String after = page.get("next").asString();
        while (after != null) {
            page = api(ownLead, get("/api/v1/teams/{id}/caseload", ownTeam).param("size", "4").param("after", after), 200);
            page.get("items").forEach(i -> seen.add(i.get("caseId").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(older).doesNotContain(newer);
        assertThat(page.get("total").asLong()).isEqualTo(11);
    }

    @Test
    void unboundedOrMalformedPagingIsRefusedAtTheField() throws Exception {
        for (String size : List.of("101", "0", "-1", "100000", "abc")) {
            JsonNode p = api(lead, get("/api/v1/teams/{id}/caseload", team).param("size", size), 400);
            assertThat(p.get("errors").has("size")).as(size).isTrue();
            JsonNode w = api(lead, get("/api/v1/my-work").param("size", size), 400);
            assertThat(w.get("errors").has("size")).as(size).isTrue();
        }
        assertThat(api(lead, get("/api/v1/teams/{id}/caseload", team).param("after", "niet-een-cursor"), 400).get("errors").has("after")).isTrue();
        assertThat(api(lead, get("/api/v1/my-work").param("after", "x.y"), 400).get("errors").has("after")).isTrue();
        assertThat(api(lead, get("/api/v1/teams/{id}/caseload", team).param("status", "OPEN"), 400).get("errors").has("status")).isTrue();
        String html = mvc.perform(get("/teams/{id}/werkvoorraad", team).param("aantal", "500").with(users.as(lead)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Kies een aantal per pagina van 1 tot en met 100.").contains("utrecht-form-field-error-message");
        assertThat(mvc.perform(get("/teams/{id}/werkvoorraad", team).param("aantal", "500").with(users.as(lead))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void filtersAndTrueCounts() throws Exception {
        JsonNode all = api(lead, get("/api/v1/teams/{id}/caseload", team).param("size", "3"), 200);
        assertThat(all.get("total").asLong()).isEqualTo(23);
        JsonNode none = api(lead, get("/api/v1/teams/{id}/caseload", team).param("status", "NO_DIRECTOR"), 200);
        assertThat(none.get("total").asLong()).isEqualTo(2);
        List<String> noneIds = new ArrayList<>();
        none.get("items").forEach(i -> noneIds.add(i.get("caseId").asString()));
        assertThat(noneIds).containsExactlyInAnyOrderElementsOf(withoutDirector.stream().map(UUID::toString).toList());
        UUID one = users.current(directorOne).id();
        JsonNode ofOne = api(lead, get("/api/v1/teams/{id}/caseload", team).param("director", one.toString()).param("size", "100"), 200);
        long expectedOne = jdbc.sql("SELECT count(*) FROM care_case WHERE team_id = :t AND case_director_id = :d").param("t", team).param("d", one)
                .query(Long.class).single();
        assertThat(ofOne.get("total").asLong()).isEqualTo(expectedOne).isBetween(8L, 13L); // spread over two directors
        ofOne.get("items").forEach(i -> assertThat(i.get("caseDirectorId").asString()).isEqualTo(one.toString()));
        JsonNode inB = api(lead, get("/api/v1/teams/{id}/caseload", team).param("district", districtB).param("size", "100"), 200);
        assertThat(inB.get("total").asLong()).isEqualTo(7);
        inB.get("items").forEach(i -> assertThat(i.get("districtCode").asString()).isEqualTo(districtB));
        assertThat(expectedOrder(" AND EXISTS (SELECT 1 FROM household h WHERE h.id = c.household_id AND h.district_code = '" + districtB + "')"))
                .containsExactlyElementsOf(ids(inB));
        // Status: picking up a notification moves its case from "new" to "picked up".
        long newBefore = api(lead, get("/api/v1/teams/{id}/caseload", team).param("status", "NEW"), 200).get("total").asLong();
        mvc.perform(post("/meldingen/{id}/oppakken", registered.get(5).notificationId()).with(csrf()).with(users.as(lead))).andReturn();
        JsonNode picked = api(lead, get("/api/v1/teams/{id}/caseload", team).param("status", "PICKED_UP").param("size", "100"), 200);
        assertThat(ids(picked)).contains(registered.get(5).caseId().toString());
        assertThat(api(lead, get("/api/v1/teams/{id}/caseload", team).param("status", "NEW"), 200).get("total").asLong()).isEqualTo(newBefore - 1);
        // Mijn werk: true totals beyond a page, paged by cursor.
        JsonNode work = api(lead, get("/api/v1/my-work").param("size", "5"), 200);
        long openCases = jdbc.sql("SELECT count(*) FROM care_case c WHERE team_id = :t AND EXISTS (SELECT 1 FROM notification n WHERE n.case_id = c.id AND n.picked_up_at IS NULL)")
                .param("t", team).query(Long.class).single();
        assertThat(work.get("newForTeamTotal").asLong()).isEqualTo(openCases).isGreaterThan(5);
        assertThat(work.get("newNotificationsTotal").asLong()).isEqualTo(openCases);
        assertThat(work.get("newForTeam").size()).isEqualTo(5);
        Set<String> walked = new HashSet<>();
        String after = null;
        do {
            JsonNode p = api(lead, after == null ? get("/api/v1/my-work").param("size", "5") : get("/api/v1/my-work").param("size", "5").param("after", after), 200);
            p.get("newForTeam").forEach(i -> assertThat(walked.add(i.get("caseId").asString())).as("no duplicates").isTrue());
            after = p.get("next").isNull() ? null : p.get("next").asString();
        } while (after != null);
        assertThat((long) walked.size()).isEqualTo(openCases);
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("caseId").asString()));
        return out;
    }

    @Test
    void everyHouseholdShownIsAuditedInOneBatch() throws Exception {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
        JsonNode page = api(directorTwo, get("/api/v1/teams/{id}/caseload", team).param("size", "7"), 200);
        Set<String> shown = new HashSet<>();
        page.get("items").forEach(i -> shown.add(i.get("householdId").asString()));
        List<String> audited = jdbc.sql("""
                SELECT household_id::text FROM audit_event WHERE id > :id AND actor_username = :u AND action = 'READ' AND record_type = 'HOUSEHOLD_SUMMARY'
                """).param("id", before).param("u", directorTwo).query(String.class).list();
        assertThat(audited).hasSize(7).containsExactlyInAnyOrderElementsOf(shown);
        mvc.perform(get("/teams/{id}/werkvoorraad", team).param("aantal", "10").with(users.as(lead))).andReturn();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE id > :id AND actor_username = :u AND reason = 'werkvoorraad team'")
                .param("id", before).param("u", lead).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void reassignInsideTheTeamReturnsToTheSameFilteredPage() throws Exception {
        RegisteredNotification r = registered.get(3);
        UUID two = users.current(directorTwo).id();
        UUID one = users.current(directorOne).id();
        UUID target = two.equals(r.caseDirectorId()) ? one : two;
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/teams/{id}/werkvoorraad", team).param("status", "NEW").param("aantal", "10").session(session).with(users.as(lead))).andReturn();
        MvcResult res = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead)).session(session)
                .param("caseId", r.caseId().toString()).param("caseDirectorId", target.toString())).andReturn();
        assertThat(res.getResponse().getStatus()).isEqualTo(302);
        assertThat(res.getResponse().getRedirectedUrl()).isEqualTo("/teams/" + team + "/werkvoorraad?status=NEW&aantal=10#zaak-" + r.caseId());
        assertThat(director(r.caseId())).isEqualTo(target);
        assertThat(lastEvent(r.caseId())).startsWith("DIRECTOR_CHANGED: Regisseur is nu ");
        // A case director of the team sees the page but cannot reassign.
        String html = mvc.perform(get("/teams/{id}/werkvoorraad", team).with(users.as(directorOne))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Werkvoorraad Werkteam " + tag).doesNotContain("Toewijzen");
        assertThat(mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(directorOne))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", one.toString())).andReturn().getResponse().getStatus()).isEqualTo(403);
        // An unknown director is an error at the row's field; nothing changes.
        MvcResult bad = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", UUID.randomUUID().toString())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains("Kies een regisseur uit de lijst.").contains("id=\"caseDirectorId-error\"");
        assertThat(director(r.caseId())).isEqualTo(target);
    }

    @Test
    void aDirectorOfAnotherTeamNeedsAConfirmationAndShowsInTheTimeline() throws Exception {
        RegisteredNotification r = registered.get(4);
        UUID before = director(r.caseId());
        UUID noord = users.current("regisseur.noord").id();
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/teams/{id}/werkvoorraad", team).param("wijk", districtA).session(session).with(users.as(lead))).andReturn();
        MvcResult first = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead)).session(session)
                .param("caseId", r.caseId().toString()).param("caseDirectorId", noord.toString())).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(first.getResponse().getContentAsString()).contains("Youssef Amrani werkt in Wijkteam Noord").contains("name=\"confirmOutsideTeam\"");
        assertThat(director(r.caseId())).isEqualTo(before);
        MvcResult unchecked = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", noord.toString()).param("stap", "bevestigen")).andReturn();
        assertThat(unchecked.getResponse().getStatus()).isEqualTo(200);
        assertThat(unchecked.getResponse().getContentAsString()).contains("Vink aan dat u deze regisseur van buiten het team wilt toewijzen");
        assertThat(director(r.caseId())).isEqualTo(before);
        MvcResult confirmed = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", noord.toString()).param("stap", "bevestigen")
                .param("confirmOutsideTeam", "true").session(session)).andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/teams/" + team + "/werkvoorraad?wijk=" + districtA + "#zaak-" + r.caseId());
        assertThat(director(r.caseId())).isEqualTo(noord);
        assertThat(lastEvent(r.caseId())).isEqualTo("DIRECTOR_CHANGED_OUTSIDE_TEAM: Regisseur is nu Youssef Amrani "
                + "(Wijkteam Noord, buiten het team; bevestigd door de teamleider)");
    }

    @Test
    void theListOffersTheTeamsDirectorsAndEveryOtherDirectorOnAPageOfItsOwn() throws Exception {
        CurrentUser zuid = users.current("regisseur.zuid");
        String page = mvc.perform(get("/teams/{id}/werkvoorraad", team).with(users.as(lead))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Anna Eerst").contains("Bert Tweede").contains("<option value=\"ander\">Regisseur van een ander team …</option>")
                .doesNotContain(zuid.displayName());
        RegisteredNotification r = registered.get(7);
        UUID before = director(r.caseId());
        MvcResult choose = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", "ander")).andReturn();
        String all = choose.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(choose.getResponse().getStatus()).isEqualTo(200);
        assertThat(all).contains("value=\"" + zuid.id() + "\"").contains("name=\"stap\" value=\"\"").doesNotContain("utrecht-form-field-error-message\"");
        assertThat(director(r.caseId())).isEqualTo(before);
        // The director chosen there: the confirmation step, without an error before anything was done wrong.
        MvcResult confirm = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as(lead))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", zuid.id().toString()).param("stap", "")).andReturn();
        assertThat(confirm.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(zuid.displayName() + " werkt in")
                .contains("name=\"confirmOutsideTeam\"").doesNotContain("Vink aan dat u");
        assertThat(director(r.caseId())).isEqualTo(before);
        // The same choice from the household page.
        MvcResult fromHousehold = mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).with(csrf()).with(users.as(lead))
                .param("caseDirectorId", "ander")).andReturn();
        assertThat(fromHousehold.getResponse().getStatus()).isEqualTo(200);
        assertThat(fromHousehold.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("value=\"" + zuid.id() + "\"");
    }

    @Test
    void aTeamLeadOfAnotherTeamCannotSeeOrReassign() throws Exception {
        RegisteredNotification r = registered.get(6);
        UUID before = director(r.caseId());
        assertThat(mvc.perform(get("/teams/{id}/werkvoorraad", team).with(users.as("teamleider"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/teams/{id}/caseload", team).with(users.as("teamleider"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/teams/{id}/caseload", team).with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as("teamleider"))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", users.current("regisseur").id().toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // Through the own team's address with the other team's case: the own page again with an error, nothing changes.
        UUID ownTeam = users.current("teamleider").teamId();
        assertThat(mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", ownTeam).with(csrf()).with(users.as("teamleider"))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", users.current("regisseur").id().toString()))
                .andReturn().getResponse().getContentAsString()).contains("Dit huishouden staat niet in de werkvoorraad van uw team.");
        assertThat(mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).with(csrf()).with(users.as("teamleider"))
                .param("caseDirectorId", users.current("regisseur").id().toString())).andReturn().getResponse().getStatus()).isEqualTo(403);
        // "A director of another team..." is the same assignment: refused alike, and no list of directors shown.
        MvcResult viaTeam = mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", team).with(csrf()).with(users.as("teamleider"))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", "ander")).andReturn();
        assertThat(viaTeam.getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/teams/{id}/werkvoorraad/regisseur", ownTeam).with(csrf()).with(users.as("teamleider"))
                .param("caseId", r.caseId().toString()).param("caseDirectorId", "ander")).andReturn().getResponse().getContentAsString())
                .contains("Dit huishouden staat niet in de werkvoorraad van uw team.");
        for (String user : new String[] {"teamleider", "regisseur", directorOne}) {
            MvcResult viaCase = mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).with(csrf()).with(users.as(user))
                    .param("caseDirectorId", "ander")).andReturn();
            assertThat(viaCase.getResponse().getStatus()).as(user).isIn(403, 404);
            assertThat(viaCase.getResponse().getContentAsString()).as(user).doesNotContain("Anna Eerst");
        }
        assertThat(director(r.caseId())).isEqualTo(before);
        // Nor does the other lead's own caseload show this team's households.
        JsonNode own = api("teamleider", get("/api/v1/teams/{id}/caseload", ownTeam).param("size", "100"), 200);
        assertThat(ids(own)).doesNotContain(r.caseId().toString());
    }

    UUID director(UUID caseId) {
        return jdbc.sql("SELECT case_director_id FROM care_case WHERE id = :c").param("c", caseId).query(UUID.class).optional().orElse(null);
    }

    String lastEvent(UUID caseId) {
        return jdbc.sql("SELECT type || ': ' || summary FROM case_event WHERE case_id = :c ORDER BY id DESC LIMIT 1").param("c", caseId)
                .query(String.class).single();
    }
}
