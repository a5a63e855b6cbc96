package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DbSnapshot;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.RouteCatalog;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Household-level access on write routes (IDOR): a professional of ANOTHER team, with the right role, sends a valid
 * write to a household, case or notification of Wijkteam Centrum-Haven. The answer is 403 (the "Geen toegang" page or
 * problem+json) and nothing at all is written (row count + md5 of every municipal table unchanged).
 *
 * <p>The routes come from the application: every POST route with a household, case or notification id in its path.
 * Break-the-glass is the one write meant for outsiders and is left out; a new such route without a request here fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteRouteHouseholdAccessTest {

    /** Writes that an outsider may do by design: asking for break-the-glass access (audited, time-limited). */
    static final Set<String> OPEN_TO_OUTSIDERS = Set.of("POST /huishoudens/{id}/noodtoegang", "POST /api/v1/households/{id}/break-glass");

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    nl.leefwereld.household.Households householdRegister;
    @Autowired
    Consents consents;
    @Autowired
    Administration admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    nl.leefwereld.plan.HouseholdPlans plans;

    MockMvc mvc;
    TestHouseholds.Fresh victim;
    UUID consent;
    /** A team lead of Wijkteam Noord (a fresh account: the demo has none). */
    String noordLead;

    @BeforeAll
    void setUp() {
        mvc = Mvc.of(context);
        CurrentUser regisseur = users.current("regisseur");
        victim = households.register(regisseur, "centrum");
        consent = consents.give(regisseur, victim.householdId(), victim.headPersonId(), "REFERRAL", "Zorgaanbieder Idor", "Verwijzing",
                LocalDate.now(clock).toString(), null);
        plans.recordMeetingDecisions(regisseur, victim.householdId(), new nl.leefwereld.plan.MeetingDecisions(null, "Planbijeenkomst idor",
                List.of(new nl.leefwereld.plan.AgreementDraft("NETWORK_MEMBER", "Oom Idor", "Haalt de kinderen op", LocalDate.now(clock).plusDays(7), null)),
                "Dan belt moeder haar zus", null, null));
        CurrentUser noord = users.current("regisseur.noord");
        noordLead = "idor.lead." + TestHouseholds.letters(8);
        admin.createUser(noord.municipalityCode(), new Administration.NewUser(noordLead, "Idor Teamleider", null, noord.teamId(),
                EnumSet.of(Role.TEAM_LEAD), "Een-lang-wachtwoord-2026", null), null, "idor-test");
    }

    /** Every POST route with a household, case or notification in its path. */
    List<String> writeRoutes() {
        Set<String> out = new TreeSet<>();
        for (RouteCatalog.Route r : RouteCatalog.all(mappings)) {
            String p = r.pattern();
            if (r.method() == HttpMethod.POST && p.contains("{") && (p.startsWith("/huishoudens/") || p.startsWith("/api/v1/households/")
                    || p.startsWith("/meldingen/") || p.startsWith("/zaken/") || p.startsWith("/api/v1/notifications/")
                    || p.startsWith("/api/v1/cases/")) && !OPEN_TO_OUTSIDERS.contains(r.key())) {
                out.add(r.key());
            }
        }
        return new ArrayList<>(out);
    }

    @TestFactory
    Stream<DynamicTest> anotherTeamCannotWriteToAHouseholdItDoesNotServe() {
        List<String> routes = writeRoutes();
        assertThat(routes).as("write routes found").hasSizeGreaterThanOrEqualTo(8);
        return routes.stream().map(key -> dynamicTest(key, () -> {
            MockHttpServletRequestBuilder request = request(key);
            assertThat(request).as("add a valid request for " + key + " to WriteRouteHouseholdAccessTest.request").isNotNull();
            String user = key.equals("POST /zaken/{id}/regisseur") ? noordLead : "regisseur.noord";
            Map<String, String> before = DbSnapshot.take(jdbc);
            MvcResult r = mvc.perform(request.with(users.as(user))).andReturn();
            int status = r.getResponse().getStatus();
            assertThat(status).as(key + " as " + user + " (another team): refused, got " + status + " → "
                    + r.getResponse().getHeader("Location")).isEqualTo(403);
            String contentType = r.getResponse().getContentType();
            if (key.contains("/api/")) {
                assertThat(contentType).as(key + ": problem+json").startsWith("application/problem+json");
            } else {
                assertThat(r.getResponse().getContentAsString()).as(key + ": the Geen toegang page").contains("Geen toegang");
            }
            assertThat(r.getResponse().getContentAsString()).as(key + ": nothing of the household shown")
                    .doesNotContain(victim.lastName()).doesNotContain(victim.bsn());
            assertThat(DbSnapshot.take(jdbc)).as(key + ": nothing written (every municipal table unchanged)").isEqualTo(before);
        }));
    }

    /** The same request by the household's own team succeeds: the refusal above is about the team, not the request. */
    @TestFactory
    Stream<DynamicTest> theOwnTeamCanSendTheSameRequests() {
        return writeRoutes().stream().map(key -> dynamicTest(key, () -> {
            MockHttpServletRequestBuilder request = request(key);
            assertThat(request).isNotNull();
            String user = key.equals("POST /zaken/{id}/regisseur") ? "teamleider" : "regisseur";
            if (key.equals("POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken")) {
                // a consent of its own, so the one above stays for the outsider's attempt
                UUID own = consents.give(users.current("regisseur"), victim.householdId(), victim.headPersonId(), "REFERRAL",
                        "Zorgaanbieder Eigen " + TestHouseholds.letters(5), "Verwijzing", LocalDate.now(clock).toString(), null);
                request = post("/huishoudens/{id}/toestemmingen/{c}/intrekken", victim.householdId(), own).with(csrf())
                        .param("reason", "De inwoner wil het niet meer");
            }
            if (key.endsWith("/vertrek") || key.endsWith("/departure")) {
                // a member of its own leaves (the head is the last member and stays)
                UUID member = householdRegister.addMember(users.current("regisseur"), victim.householdId(), new nl.leefwereld.household.PersonDraft(
                        "Lid", "Idor" + TestHouseholds.letters(6), "2003-04-05", null, null, null), "CHILD", true);
                String today = LocalDate.now(clock).toString();
                request = key.endsWith("/vertrek")
                        ? post("/huishoudens/{id}/leden/{p}/vertrek", victim.householdId(), member).with(csrf())
                                .param("leftOn", today).param("destination", "NONE").param("reason", "Gaat zelfstandig wonen")
                        : post("/api/v1/households/{id}/members/{p}/departure", victim.householdId(), member).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"leftOn\": \"" + today + "\", \"destination\": \"NONE\", \"reason\": \"Gaat zelfstandig wonen\"}");
            }
            if (key.equals("POST /api/v1/households/{id}/consents/{consentId}/withdrawal")) {
                UUID own = consents.give(users.current("regisseur"), victim.householdId(), victim.headPersonId(), "REFERRAL",
                        "Zorgaanbieder Api " + TestHouseholds.letters(5), "Verwijzing", LocalDate.now(clock).toString(), null);
                request = post("/api/v1/households/{id}/consents/{c}/withdrawal", victim.householdId(), own).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"De inwoner wil het niet meer\"}");
            }
            if (key.equals("POST /zaken/{id}/regisseur")) {
                request = post("/zaken/{id}/regisseur", victim.caseId()).with(csrf()).param("caseDirectorId", users.current("regisseur").id().toString());
            }
            if (key.equals("POST /meldingen/{id}/oppakken")) {
                UUID fresh = households.register(users.current("regisseur"), "centrum").notificationId();
                request = post("/meldingen/{id}/oppakken", fresh).with(csrf());
            }
            MvcResult r = mvc.perform(request.with(users.as(user))).andReturn();
            assertThat(r.getResponse().getStatus()).as(key + " as " + user + " (own team)").isBetween(200, 399);
            if (r.getResponse().getStatus() == 302) {
                assertThat(r.getResponse().getRedirectedUrl()).as(key + ": not to the login").doesNotEndWith("/login");
            }
            Object message = r.getFlashMap().get("message");
            if (key.equals("POST /zaken/{id}/regisseur")) {
                assertThat(message).as(key + ": saved, not refused by a redirect with an error").isEqualTo("De regisseur is toegewezen.");
            }
        }));
    }

    /** A valid write for the route, aimed at the victim household (or its case, notification, consent). */
    MockHttpServletRequestBuilder request(String key) {
        String h = victim.householdId().toString();
        String unique = TestHouseholds.letters(6);
        String today = LocalDate.now(clock).toString();
        Map<String, String> form = new LinkedHashMap<>();
        MockHttpServletRequestBuilder b;
        switch (key) {
            case "POST /huishoudens/{id}/plan/doelen" -> {
                b = post("/huishoudens/{id}/plan/doelen", h);
                form.putAll(Map.of("goalDomain", "FINANCES", "goalText", "Overzicht over geld " + unique));
            }
            case "POST /huishoudens/{id}/plan/afspraken" -> {
                b = post("/huishoudens/{id}/plan/afspraken", h);
                form.putAll(Map.of("whoKind", "NETWORK_MEMBER", "who", "Tante " + unique, "what", "Opent samen de post", "due", today));
            }
            case "POST /huishoudens/{id}/plan/afspraken/{agreementId}" -> {
                b = post("/huishoudens/{id}/plan/afspraken/{a}", h, jdbc.sql("""
                        SELECT snapshot -> 'agreements' -> 0 ->> 'id' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1""")
                        .param("h", victim.householdId()).query(String.class).single());
                form.putAll(Map.of("status", "DONE", "note", "Gedaan " + unique));
            }
            case "POST /huishoudens/{id}/plan/kader" -> {
                b = post("/huishoudens/{id}/plan/kader", h);
                form.put("fallback", "Dan belt moeder haar zus " + unique);
            }
            case "POST /huishoudens/{id}/plan/instemming" -> {
                b = post("/huishoudens/{id}/plan/instemming", h);
                form.putAll(Map.of("agreedBy", "Moeder " + unique, "agreedOn", today, "agreedForm", "ORAL", "version",
                        String.valueOf(jdbc.sql("SELECT max(version) FROM plan_version WHERE household_id = :h").param("h", victim.householdId())
                                .query(Integer.class).single())));
            }
            case "POST /huishoudens/{id}/leefgebieden" -> {
                b = post("/huishoudens/{id}/leefgebieden", h);
                form.putAll(Map.of("assessedOn", today, "pro_FINANCES", "2", "res_FINANCES", "3", "basis_FINANCES", "NETWORK"));
            }
            case "POST /huishoudens/{id}/netwerk" -> {
                b = post("/huishoudens/{id}/netwerk", h);
                form.putAll(Map.of("kind", "INFORMAL", "name", "Buurvrouw " + unique, "relation", "buurvrouw", "role", "Boodschappen"));
            }
            case "POST /huishoudens/{id}/leden" -> {
                b = post("/huishoudens/{id}/leden", h);
                form.putAll(Map.of("firstName", "Lotte", "lastName", "Idor" + unique, "birthDate", "2015-04-05", "memberRelation", "CHILD",
                        "confirmNew", "true"));
            }
            case "POST /huishoudens/{id}/bijeenkomsten" -> {
                b = post("/huishoudens/{id}/bijeenkomsten", h);
                form.putAll(Map.of("residentPersonId", victim.headPersonId().toString(), "facilitatorId",
                        users.current("procesbegeleider").id().toString()));
            }
            case "POST /huishoudens/{id}/toestemmingen" -> {
                b = post("/huishoudens/{id}/toestemmingen", h);
                form.putAll(Map.of("personId", victim.headPersonId().toString(), "purpose", "REFERRAL", "recipient", "Idor " + unique,
                        "scope", "Verwijzing", "givenOn", today));
            }
            case "POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken" -> {
                b = post("/huishoudens/{id}/toestemmingen/{c}/intrekken", h, consent);
                form.put("reason", "De inwoner wil het niet meer");
            }
            case "POST /api/v1/households/{id}/consents/{consentId}/withdrawal" -> {
                return post("/api/v1/households/{id}/consents/{c}/withdrawal", h, consent).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"De inwoner wil het niet meer\"}");
            }
            case "POST /huishoudens/{id}/leden/{personId}/verhuizing" -> {
                b = post("/huishoudens/{id}/leden/{p}/verhuizing", h, victim.headPersonId());
                form.putAll(Map.of("street", "Idorlaan " + unique, "houseNumber", "1", "postalCode", "8301 AB", "city", "Leefstad",
                        "districtCode", "centrum", "movedOn", today, "reason", "Verhuisd volgens de BRP"));
            }
            case "POST /huishoudens/{id}/leden/{personId}/vertrek" -> {
                b = post("/huishoudens/{id}/leden/{p}/vertrek", h, victim.headPersonId());
                form.putAll(Map.of("leftOn", today, "destination", "NONE", "reason", "Gaat zelfstandig wonen"));
            }
            case "POST /huishoudens/{id}/leden/{personId}/correctie" -> {
                b = post("/huishoudens/{id}/leden/{p}/correctie", h, victim.headPersonId());
                form.putAll(Map.of("phone", "06-55554444", "reason", "Nieuw nummer doorgegeven"));
            }
            case "POST /api/v1/households/{id}/members/{personId}/departure" -> {
                return post("/api/v1/households/{id}/members/{p}/departure", h, victim.headPersonId()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leftOn\": \"" + today + "\", \"destination\": \"NONE\", \"reason\": \"Gaat zelfstandig wonen\"}");
            }
            case "POST /meldingen/{id}/oppakken" -> b = post("/meldingen/{id}/oppakken", victim.notificationId());
            case "POST /huishoudens/{id}/wmo-verzoeken" -> {
                b = post("/huishoudens/{id}/wmo-verzoeken", h);
                form.putAll(Map.of("notificationId", victim.notificationId().toString(), "law", "WMO"));
            }
            case "POST /huishoudens/{id}/klachten" -> {
                b = post("/huishoudens/{id}/klachten", h);
                form.putAll(Map.of("law", "WMO", "category", "TREATMENT", "receivedOn", today, "from", "RESIDENT", "summary", "Niet teruggebeld"));
            }
            case "POST /zaken/{id}/regisseur" -> {
                b = post("/zaken/{id}/regisseur", victim.caseId());
                form.put("caseDirectorId", users.current("regisseur.noord").id().toString());
            }
            case "POST /huishoudens/{id}/rendement" -> {
                b = post("/huishoudens/{id}/rendement", h);
                form.putAll(Map.of("title", "Rendement " + unique, "assumptions", "Zonder hulp een OTS", "refItem", "NOP-OTS"));
            }
            case "POST /huishoudens/{id}/maatwerkbudget" -> {
                b = post("/huishoudens/{id}/maatwerkbudget", h);
                form.putAll(nl.leefwereld.budget.BudgetTestFixtures.form(jdbc.sql("""
                        SELECT snapshot -> 'agreements' -> 0 ->> 'id' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1""")
                        .param("h", victim.householdId()).query(String.class).single(), unique));
            }
            case "POST /huishoudens/{id}/maatwerkbudget/{requestId}/besluit" -> {
                b = post("/huishoudens/{id}/maatwerkbudget/{r}/besluit", h, nl.leefwereld.budget.BudgetTestFixtures.request(jdbc,
                        users.current("regisseur").municipalityCode(), victim.householdId(), victim.registration().teamId()));
                form.putAll(Map.of("decision", "APPROVE", "remark", "Akkoord " + unique));
            }
            case "POST /huishoudens/{id}/doorbraak" -> {
                b = post("/huishoudens/{id}/doorbraak", h);
                form.putAll(Map.of("kind", "PARTY", "name", "Partij " + unique, "yearlyCostBefore", "1000"));
            }
            case "POST /api/v1/households/{id}/network-members" -> {
                return post("/api/v1/households/{id}/network-members", h).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"INFORMAL\", \"name\": \"Buurvrouw " + unique + "\", \"relation\": \"buurvrouw\", \"role\": \"Boodschappen\"}");
            }
            case "POST /api/v1/households/{id}/consents" -> {
                return post("/api/v1/households/{id}/consents", h).contentType(MediaType.APPLICATION_JSON).content("""
                        {"personId": "%s", "purpose": "REFERRAL", "recipient": "Idor %s", "scope": "Verwijzing", "givenOn": "%s"}
                        """.formatted(victim.headPersonId(), unique, today));
            }
            default -> {
                return null;
            }
        }
        b = b.with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (Map.Entry<String, String> f : form.entrySet()) {
            b = b.param(f.getKey(), f.getValue());
        }
        return b;
    }
}
