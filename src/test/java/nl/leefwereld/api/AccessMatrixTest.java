package nl.leefwereld.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.RouteCatalog;
import nl.leefwereld.support.RouteCatalog.Route;
import nl.leefwereld.support.TestHouseholds;
import nl.leefwereld.support.WmoFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Every route of the application × every role (and anonymous): allowed or denied as this table says. The route
 * list comes from the running application, so a new endpoint without a row here fails the test.
 *
 * <p>"Allowed" means more than "not refused": every role the table allows sends a VALID request (valid ids and
 * body, fresh records where the request changes something) and the handler must answer 2xx or 3xx (not to the
 * login; a page post must redirect, as 200 there is the form again with errors); another status counts only where
 * {@link #ALSO_ALLOWED} declares it for the route. Denied is 403 for
 * every other role, anonymous gets the login challenge. Besides the table: unmapped paths and every other HTTP
 * method on each mapped path never answer 2xx or 5xx.
 */
@IntegrationTest
class AccessMatrixTest {

    static final Set<Role> CASEWORK = EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR);
    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** Marker: no login needed. */
    static final Set<Role> PUBLIC = null;

    /** The expected rules: "METHOD pattern" → roles allowed. */
    static final Map<String, Set<Role>> RULES = new LinkedHashMap<>();

    static {
        rule("GET /login", PUBLIC);
        rule("GET /error", PUBLIC);
        rule("GET /", EVERYONE);
        rule("GET /api/v1/me", EVERYONE);
        rule("GET /v3/api-docs", PUBLIC);
        rule("GET /v3/api-docs.yaml", PUBLIC);
        rule("GET /api/v1/reference/districts", CASEWORK);
        // intake
        rule("GET /mijn-werk", CASEWORK);
        rule("GET /meldingen/nieuw", CASEWORK);
        rule("POST /meldingen", CASEWORK);
        rule("POST /meldingen/{id}/oppakken", CASEWORK);
        rule("POST /zaken/{id}/regisseur", EnumSet.of(Role.TEAM_LEAD));
        rule("POST /api/v1/notifications", CASEWORK);
        rule("GET /api/v1/my-work", CASEWORK);
        rule("GET /teams/{id}/werkvoorraad", EnumSet.of(Role.TEAM_LEAD, Role.CASE_DIRECTOR));
        rule("POST /teams/{id}/werkvoorraad/regisseur", EnumSet.of(Role.TEAM_LEAD));
        rule("GET /api/v1/teams/{id}/caseload", EnumSet.of(Role.TEAM_LEAD, Role.CASE_DIRECTOR));
        rule("GET /api/v1/reference/channels", CASEWORK);
        // household
        rule("GET /huishoudens/{id}", CASEWORK);
        rule("POST /huishoudens/{id}/netwerk", CASEWORK);
        rule("POST /huishoudens/{id}/leden", CASEWORK);
        rule("POST /huishoudens/{id}/toestemmingen", CASEWORK);
        rule("POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken", CASEWORK);
        rule("GET /personen/zoeken", CASEWORK);
        rule("POST /personen/zoeken", CASEWORK);
        rule("GET /api/v1/households/{id}", CASEWORK);
        rule("POST /api/v1/households", CASEWORK);
        rule("POST /api/v1/households/{id}/network-members", CASEWORK);
        rule("GET /api/v1/households/{id}/consents", CASEWORK);
        rule("POST /api/v1/households/{id}/consents", CASEWORK);
        rule("GET /api/v1/reference/relations", CASEWORK);
        rule("POST /api/v1/persons/search", CASEWORK);
        rule("GET /huishoudens/{id}/leden/{personId}", CASEWORK);
        rule("POST /huishoudens/{id}/leden/{personId}/verhuizing", CASEWORK);
        rule("POST /huishoudens/{id}/leden/{personId}/vertrek", CASEWORK);
        rule("POST /huishoudens/{id}/leden/{personId}/correctie", CASEWORK);
        rule("POST /api/v1/persons/{id}/moves", CASEWORK);
        rule("POST /api/v1/persons/{id}/corrections", CASEWORK);
        rule("POST /api/v1/households/{id}/members/{personId}/departure", CASEWORK);
        rule("POST /api/v1/households/{id}/consents/{consentId}/withdrawal", CASEWORK);
        // privacy
        rule("POST /huishoudens/{id}/noodtoegang", CASEWORK);
        rule("POST /api/v1/households/{id}/break-glass", CASEWORK);
        rule("GET /noodtoegang", CASEWORK);
        rule("POST /noodtoegang", CASEWORK);
        rule("POST /api/v1/break-glass", CASEWORK);
        rule("GET /privacy/afgeschermd", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/zoeken", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/persoon", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/afschermen", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/opheffen", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/medewerkers", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/afgeschermd/medewerkers/verwijderen", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/meldingen", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/meldingen/gezien", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/audit", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/audit", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/audit/export", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/noodtoegang", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /api/v1/audit-events", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /api/v1/audit-events/export", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /api/v1/audit-chain/verification", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /api/v1/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /api/v1/reference/consent-purposes", CASEWORK);
        // identity administration
        // plan
        rule("GET /huishoudens/{id}/plan", CASEWORK);
        rule("GET /huishoudens/{id}/plan/vergelijken", CASEWORK);
        rule("GET /huishoudens/{id}/plan/pdf", CASEWORK);
        rule("POST /huishoudens/{id}/plan/doelen", CASEWORK);
        rule("POST /huishoudens/{id}/plan/afspraken", CASEWORK);
        rule("POST /huishoudens/{id}/plan/afspraken/{agreementId}", CASEWORK);
        rule("POST /huishoudens/{id}/plan/kader", CASEWORK);
        rule("POST /huishoudens/{id}/plan/instemming", CASEWORK);
        rule("GET /api/v1/households/{id}/plan", CASEWORK);
        rule("GET /api/v1/households/{id}/plan/versions", CASEWORK);
        // outcome
        rule("GET /huishoudens/{id}/leefgebieden", CASEWORK);
        rule("POST /huishoudens/{id}/leefgebieden", CASEWORK);
        rule("GET /api/v1/households/{id}/assessments", CASEWORK);
        rule("GET /beheer/gebruikers", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/gebruikers", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/gebruikers/{id}", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/gebruikers/{id}", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/gebruikers/{id}/wachtwoord", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/teams", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/teams", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/teams/{id}/wijken", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/wijken", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/sessies", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sessies/beeindigen", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/wijzigingen", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/wijzigingen/bevestigen", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/wijzigingen/afwijzen", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /api/v1/admin/users", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /api/v1/admin/users", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /api/v1/admin/teams", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/api-tokens", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/api-tokens", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/api-tokens/{id}/intrekken", EnumSet.of(Role.ADMINISTRATOR));
        // meeting: the planning meeting (led by a facilitator) and the participants' survey (public links)
        rule("POST /huishoudens/{id}/bijeenkomsten", CASEWORK);
        rule("GET /bijeenkomsten/{id}", CASEWORK);
        rule("GET /bijeenkomsten/{id}/deelnemers/{participantId}/uitnodiging.pdf", CASEWORK);
        rule("POST /bijeenkomsten/{id}/deelnemers", EnumSet.of(Role.MEETING_FACILITATOR));
        rule("POST /bijeenkomsten/{id}/deelnemers/{participantId}/uitnodigen", EnumSet.of(Role.MEETING_FACILITATOR));
        rule("POST /bijeenkomsten/{id}/deelnemers/{participantId}/voorbereiding", EnumSet.of(Role.MEETING_FACILITATOR));
        rule("POST /bijeenkomsten/{id}/verslag", EnumSet.of(Role.MEETING_FACILITATOR));
        rule("GET /api/v1/households/{id}/meetings", CASEWORK);
        rule("GET /rapportage/planbijeenkomsten", EnumSet.of(Role.MEETING_FACILITATOR, Role.TEAM_LEAD, Role.POLICY_OFFICER));
        rule("GET /enquete/{token}", PUBLIC);
        rule("POST /enquete/{token}", PUBLIC);
        rule("GET /enquete/bedankt", PUBLIC);
        rule("GET /api/v1/me/tokens", EVERYONE);
        rule("POST /api/v1/me/tokens", EVERYONE);
        rule("DELETE /api/v1/me/tokens/{id}", EVERYONE);
        // wmo
        rule("GET /api/v1/terms/due", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /beheer/termijnen", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/termijnen", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/termijnen/feestdagen", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/termijnen/eigen-bijdrage", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/termijnen/feestdagen/verwijderen", EnumSet.of(Role.ADMINISTRATOR));
        // catalog
        rule("GET /sociale-kaart", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /api/v1/provisions", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /beheer/sociale-kaart", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sociale-kaart/aanbieders", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sociale-kaart/voorzieningen", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/sociale-kaart/aanbieders/{id}", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sociale-kaart/aanbieders/{id}", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sociale-kaart/aanbieders/{id}/gecontroleerd", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /beheer/sociale-kaart/voorzieningen/{id}", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/sociale-kaart/voorzieningen/{id}", EnumSet.of(Role.ADMINISTRATOR));
        // wmo legal process
        rule("POST /huishoudens/{id}/wmo-verzoeken", CASEWORK);
        rule("GET /wmo/verzoeken/{id}", CASEWORK);
        rule("GET /wmo/verzoeken/{id}/beschikking.pdf", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/persoonlijk-plan", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/onderzoek", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/aanvraag", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/beschikking", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/bezwaar", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/beslissing-op-bezwaar", CASEWORK);
        rule("POST /wmo/verzoeken/{id}/termijn", CASEWORK);
        rule("GET /api/v1/households/{id}/wmo-requests", CASEWORK);
        rule("GET /wmo/termijnen", CASEWORK);
        rule("GET /wmo/klachten", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("GET /wmo/klachten/cijfers", EnumSet.of(Role.TEAM_LEAD, Role.POLICY_OFFICER));
        rule("GET /wmo/klachten/{id}", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /wmo/klachten/{id}/verlengen", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /wmo/klachten/{id}/afhandelen", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("GET /huishoudens/{id}/klachten/nieuw", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /huishoudens/{id}/klachten", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        // returns
        rule("GET /api/v1/price-list", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER, Role.ADMINISTRATOR));
        rule("POST /api/v1/returns/scenario-evaluations", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("POST /api/v1/returns/project-calculations", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /beheer/prijslijst", EnumSet.of(Role.ADMINISTRATOR));
        rule("POST /beheer/prijslijst", EnumSet.of(Role.ADMINISTRATOR));
        rule("GET /huishoudens/{id}/rendement/nieuw", CASEWORK);
        rule("POST /huishoudens/{id}/rendement", CASEWORK);
        rule("GET /huishoudens/{id}/rendement/{returnId}", CASEWORK);
        rule("GET /huishoudens/{id}/doorbraak", CASEWORK);
        rule("POST /huishoudens/{id}/doorbraak", CASEWORK);
        rule("GET /projecten", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /projecten/{id}", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD, Role.MEETING_FACILITATOR, Role.POLICY_OFFICER));
        rule("GET /projecten/nieuw", EnumSet.of(Role.TEAM_LEAD, Role.POLICY_OFFICER));
        rule("POST /projecten", EnumSet.of(Role.TEAM_LEAD, Role.POLICY_OFFICER));
        rule("POST /projecten/{id}/status", EnumSet.of(Role.TEAM_LEAD, Role.POLICY_OFFICER));
        // budget (custom budget: the household's team decides; batches are the team lead's)
        rule("GET /huishoudens/{id}/maatwerkbudget/nieuw", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /huishoudens/{id}/maatwerkbudget", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("GET /huishoudens/{id}/maatwerkbudget/{requestId}", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /huishoudens/{id}/maatwerkbudget/{requestId}/besluit", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("GET /maatwerkbudget", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /maatwerkbudget/betaalbestanden", EnumSet.of(Role.TEAM_LEAD));
        rule("GET /maatwerkbudget/betaalbestanden/{batchId}/pain001.xml", EnumSet.of(Role.TEAM_LEAD));
        rule("GET /maatwerkbudget/betaalbestanden/{batchId}/betaalbestand.csv", EnumSet.of(Role.TEAM_LEAD));
        rule("POST /maatwerkbudget/betaalbestanden/{batchId}/betaald", EnumSet.of(Role.TEAM_LEAD));
        rule("GET /maatwerkbudget/jaaroverzicht", EnumSet.of(Role.CASE_DIRECTOR, Role.TEAM_LEAD));
        rule("POST /maatwerkbudget/jaarbudget", EnumSet.of(Role.TEAM_LEAD));
        rule("GET /beleid/maatwerkbudget", EnumSet.of(Role.POLICY_OFFICER));
        // monitor: the reference-data forms (budget per law, measured indicator values)
        rule("GET /monitor/money/budget", EnumSet.of(Role.POLICY_OFFICER));
        rule("POST /monitor/money/budget", EnumSet.of(Role.POLICY_OFFICER));
        rule("GET /monitor/indicators/{id}/waarden", EnumSet.of(Role.POLICY_OFFICER));
        rule("POST /monitor/indicators/{id}/waarden", EnumSet.of(Role.POLICY_OFFICER));
        // monitor exports: CSV, XLSX, the council report and its background job (a job is its owner's only)
        rule("GET /monitor/{table}.csv", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/{table}.xlsx", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/raadsrapportage", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/raadsrapportage/nieuw", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("POST /monitor/raadsrapportage", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/raadsrapportage.pdf", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/exports/{jobId}", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        rule("GET /monitor/exports/{jobId}/bestand", nl.leefwereld.monitor.MonitorTestRoles.EXPORT);
        // monitor (aggregates only: policy officers and council members all, team leads their own team; refresh by policy officers)
        rule("GET /monitor", EnumSet.of(Role.POLICY_OFFICER, Role.COUNCIL, Role.TEAM_LEAD));
        rule("GET /monitor/{table}", EnumSet.of(Role.POLICY_OFFICER, Role.COUNCIL, Role.TEAM_LEAD));
        rule("POST /monitor/vernieuwen", EnumSet.of(Role.POLICY_OFFICER));
        rule("GET /api/v1/monitor/{table}", EnumSet.of(Role.POLICY_OFFICER, Role.COUNCIL, Role.TEAM_LEAD));
        rule("GET /api/v1/monitor/refresh", EnumSet.of(Role.POLICY_OFFICER, Role.COUNCIL, Role.TEAM_LEAD));
        rule("POST /api/v1/monitor/refresh", EnumSet.of(Role.POLICY_OFFICER));
    }

    private static void rule(String route, Set<Role> roles) {
        RULES.put(route, roles);
    }

    /** Answers other than 2xx/3xx that still mean "the handler ran with a valid request", per route, with the reason. */
    static final Map<String, Set<Integer>> ALSO_ALLOWED = Map.of(
            // the error page, asked for directly, renders "something went wrong" with the status of the (absent) error
            "GET /error", Set.of(500),
            // page posts whose valid answer is a page, not a redirect: the inzage download and search results
            "POST /privacy/inzage", Set.of(200),
            "POST /personen/zoeken", Set.of(200),
            // the privacy officer's look-up of a person to protect answers with the person's page
            "POST /privacy/afgeschermd/zoeken", Set.of(200),
            "POST /privacy/afgeschermd/persoon", Set.of(200),
            // the audit log search (a BSN is posted) shows results; its CSV download is the file itself
            "POST /privacy/audit", Set.of(200),
            "POST /privacy/audit/export", Set.of(200));
    /** Unmapped paths: never 2xx, never 5xx. Logged in: 403 (closed by default) or 404 (unknown). */
    static final List<String> UNMAPPED = List.of("/api/v1/bestaat-niet", "/onbekend", "/api/v1/households/bestaat/niet/x", "/huishoudens");
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Administration admin;
    @Autowired
    TestHouseholds households;
    @Autowired
    nl.leefwereld.household.Households householdRegister;
    @Autowired
    Consents consents;
    @Autowired
    Clock clock;
    @Autowired
    nl.leefwereld.privacy.SearchReferences references;
    @Autowired
    nl.leefwereld.privacy.ProtectedPersons protectedPersons;
    @Autowired
    nl.leefwereld.meeting.RecordingMeeting recordingMeeting;
    @Autowired
    nl.leefwereld.plan.HouseholdPlans plans;

    MockMvc mvc;
    String municipality;
    String tag;
    /** A fresh household of the demo users' own team (Centrum-Haven), so household-level access never hides the role check. */
    TestHouseholds.Fresh household;
    UUID team;
    UUID account;
    /** A case return of the test's household and a project of its own (returns module). */
    UUID caseReturn;
    UUID project;
    /** An indicator of its own (monitor). */
    UUID indicator;
    /** Routes allowed to a role but with no valid request declared in {@link #valid}: checked only as "passed the role check". */
    final Set<String> withoutValidRequest = new TreeSet<>();

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        CurrentUser director = users.current("regisseur");
        municipality = director.municipalityCode();
        tag = TestHouseholds.letters(8);
        household = households.register(director, "centrum");
        // A throw-away team and account, so posting to them cannot break routing or the demo accounts for other tests.
        team = admin.createTeam(municipality, "Matrixteam " + tag, Set.of());
        account = admin.createUser(municipality, new Administration.NewUser("matrix." + tag, "Matrix Account", null, null,
                EnumSet.of(Role.POLICY_OFFICER), "Een-lang-wachtwoord-2026", null), null, "matrix-test");
        caseReturn = nl.leefwereld.returns.ReturnsTestFixtures.caseReturn(jdbc, municipality, household.householdId(), director.id());
        project = nl.leefwereld.returns.ReturnsTestFixtures.project(jdbc, municipality, "Matrixproject " + tag);
        indicator = nl.leefwereld.monitor.MonitorTestFixtures.indicator(jdbc, municipality);
    }

    List<Route> routes() {
        return RouteCatalog.all(mappings);
    }

    @Test
    void everyRouteHasARuleAndEveryRuleARoute() {
        Set<String> actual = new TreeSet<>();
        routes().forEach(r -> actual.add(r.key()));
        assertThat(actual).as("routes without an access rule in this test").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for routes that no longer exist").isSubsetOf(actual);
    }

    @Test
    void everyRoleGetsExactlyTheAccessTheTableGives() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int validAllowed = 0;
        Set<String> exercised = new TreeSet<>();
        for (Route route : routes()) {
            Set<Role> allowed = RULES.get(route.key());
            if (!RULES.containsKey(route.key())) {
                continue;   // reported by the other test
            }
            exercised.add(route.key());
            // Anonymous
            MvcResult anon = mvc.perform(build(route, null)).andReturn();
            checked++;
            if (allowed == PUBLIC) {
                if (!ranValidly(route, anon)) {
                    failures.add(route.key() + " anonymous: expected public and a valid answer, got " + describe(anon));
                }
            } else if (!isLoginChallenge(route, anon)) {
                failures.add(route.key() + " anonymous: expected a login challenge, got " + describe(anon));
            }
            for (Role role : Role.values()) {
                MvcResult r = mvc.perform(build(route, role).with(users.as(role))).andReturn();
                checked++;
                boolean shouldAllow = allowed == PUBLIC || allowed.contains(role);
                if (shouldAllow) {
                    if (withoutValidRequest.contains(route.key())) {
                        if (isDenied(r) || r.getResponse().getStatus() >= 500) {
                            failures.add(route.key() + " " + role + ": expected to pass the role check, got " + describe(r));
                        }
                    } else if (!ranValidly(route, r)) {
                        failures.add(route.key() + " " + role + ": expected allowed (the handler answers a valid request with 2xx/3xx), got "
                                + describe(r));
                    } else {
                        validAllowed++;
                    }
                } else if (r.getResponse().getStatus() != 403) {
                    failures.add(route.key() + " " + role + ": expected 403, got " + describe(r));
                }
            }
        }
        if (!withoutValidRequest.isEmpty()) {
            System.out.println("AccessMatrixTest: no valid request declared (only the role check is tested) for " + withoutValidRequest);
        }
        assertThat(failures).as("access matrix violations").isEmpty();
        assertThat(exercised).as("every rule was exercised against the running application").isEqualTo(RULES.keySet());
        assertThat(checked).as("requests made").isGreaterThanOrEqualTo(RULES.size() * (Role.values().length + 1));
        assertThat(validAllowed).as("allowed requests that ran with a valid request").isGreaterThanOrEqualTo(RULES.size());
    }

    @Test
    void unmappedPathsAndOtherMethodsNeverAnswer2xxOr5xx() throws Exception {
        Map<String, Set<String>> patternMethods = new TreeMap<>();
        for (Route r : routes()) {
            patternMethods.computeIfAbsent(r.pattern(), p -> new TreeSet<>()).add(r.method().name());
        }
        List<String> failures = new ArrayList<>();
        int probes = 0;
        List<String> users = new ArrayList<>();
        users.add(null);
        DemoUsers.BY_ROLE.values().stream().sorted().forEach(users::add);
        for (String path : UNMAPPED) {
            for (HttpMethod method : METHODS) {
                for (String user : users) {
                    MvcResult r = perform(method, path, user);
                    probes++;
                    int s = r.getResponse().getStatus();
                    boolean ok = user == null ? s == 401 || s == 403 || s == 404 || isLoginRedirect(r) : s == 403 || s == 404;
                    if (!ok) {
                        failures.add(method + " " + path + " as " + (user == null ? "anonymous" : user) + ": expected 403/404, got " + describe(r));
                    }
                }
            }
        }
        patternMethods.remove("/error");   // mapped for every method: the error page
        for (Map.Entry<String, Set<String>> e : patternMethods.entrySet()) {
            String path = RouteCatalog.fill(e.getKey(), pathValues(UUID.randomUUID()));
            for (HttpMethod method : METHODS) {
                if (e.getValue().contains(method.name())) {
                    continue;
                }
                for (String user : users) {
                    MvcResult r = perform(method, path, user);
                    probes++;
                    int s = r.getResponse().getStatus();
                    if ((s >= 200 && s < 300) || s >= 500) {
                        failures.add(method + " " + e.getKey() + " (only " + e.getValue() + ") as " + (user == null ? "anonymous" : user)
                                + ": expected no 2xx/5xx, got " + describe(r));
                    }
                }
            }
        }
        assertThat(failures).as("probes of unmapped paths and unmapped methods").isEmpty();
        assertThat(probes).as("probes made").isGreaterThan(UNMAPPED.size() * METHODS.size() * users.size());
    }

    private MvcResult perform(HttpMethod method, String path, String user) throws Exception {
        MockHttpServletRequestBuilder b = request(method, path).with(csrf());
        if (method != HttpMethod.GET) {
            b = b.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (user != null) {
            b = b.with(users.as(user));
        }
        return mvc.perform(b).andReturn();
    }

    /** Path values of this test's own records; the consent is the one given. */
    private Map<String, String> pathValues(UUID consent) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("/huishoudens/{id}", household.householdId().toString());
        v.put("/api/v1/households/{id}", household.householdId().toString());
        v.put("/wmo/verzoeken/{id}", UUID.randomUUID().toString());
        v.put("/wmo/klachten/{id}", UUID.randomUUID().toString());
        v.put("/beheer/sociale-kaart/aanbieders/{id}", matrixProvider().toString());
        v.put("/beheer/sociale-kaart/voorzieningen/{id}", matrixProvision().toString());
        v.put("/zaken/{id}", household.caseId().toString());
        v.put("/teams/{id}", household.registration().teamId().toString());
        v.put("/api/v1/teams/{id}", household.registration().teamId().toString());
        v.put("/meldingen/{id}", household.notificationId().toString());
        v.put("/beheer/gebruikers/{id}", account.toString());
        v.put("/beheer/teams/{id}", team.toString());
        v.put("{consentId}", consent.toString());
        v.put("/beheer/api-tokens/{id}", UUID.randomUUID().toString());
        v.put("/api/v1/me/tokens/{id}", UUID.randomUUID().toString());
        v.put("{personId}", household.headPersonId().toString());
        v.put("/api/v1/persons/{id}", household.headPersonId().toString());
        v.put("{returnId}", caseReturn.toString());
        v.put("/projecten/{id}", project.toString());
        v.put("/bijeenkomsten/{id}", UUID.randomUUID().toString());
        v.put("{participantId}", UUID.randomUUID().toString());
        v.put("{token}", "A".repeat(43));
        v.put("{agreementId}", UUID.randomUUID().toString());
        v.put("{requestId}", UUID.randomUUID().toString());
        v.put("{batchId}", UUID.randomUUID().toString());
        v.put("/monitor/indicators/{id}", indicator.toString());
        v.put("{table}", "reach");
        v.put("{jobId}", UUID.randomUUID().toString());
        return v;
    }

    /** This test's meeting for the matrix household (made once per test), led by the demo facilitator. */
    UUID meeting;

    private UUID meeting() {
        if (meeting == null) {
            meeting = recordingMeeting.start(users.current("procesbegeleider"), household.householdId(), household.headPersonId().toString(), "");
        }
        return meeting;
    }

    /** The route's path on this test's meeting; with a name, on a fresh household-member participant of that name. */
    private String meetingPath(Route route, String participantName) {
        Map<String, String> v = pathValues(UUID.randomUUID());
        v.put("/bijeenkomsten/{id}", meeting().toString());
        if (participantName != null) {
            UUID p = recordingMeeting.addParticipant(users.current("procesbegeleider"), meeting(), new nl.leefwereld.meeting.ParticipantDraft(
                    "INVOLVED", "", "HOUSEHOLD_MEMBER", participantName, "", "", "", "", "", ""));
            v.put("{participantId}", p.toString());
        }
        return RouteCatalog.fill(route.pattern(), v);
    }

    private String residentParticipant() {
        return jdbc.sql("SELECT id::text FROM meeting_participant WHERE meeting_id = :m AND kind = 'RESIDENT'").param("m", meeting())
                .query(String.class).single();
    }

    /** A held meeting of its own for the survey links (the other meeting stays open for the write routes). */
    UUID surveyMeeting;

    /** A survey link of its own: a participant of the held survey meeting and an invitation with the token's hash. */
    private String freshSurveyToken() {
        UUID participant = UUID.randomUUID();
        if (surveyMeeting == null) {
            surveyMeeting = recordingMeeting.start(users.current("procesbegeleider"), household.householdId(), household.headPersonId().toString(), "");
            jdbc.sql("UPDATE meeting SET recorded_at = now(), held_on = current_date WHERE id = :m").param("m", surveyMeeting).update();
        }
        jdbc.sql("""
                INSERT INTO meeting_participant (municipality_code, id, meeting_id, position, kind, name, question, attended)
                VALUES (:mc, :id, :m, 100 + (SELECT count(*) FROM meeting_participant WHERE meeting_id = :m), 'NETWORK', 'Matrix', 'INVOLVED', true)""")
                .param("mc", municipality).param("id", participant).param("m", surveyMeeting).update();
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                INSERT INTO survey_invitation (municipality_code, id, meeting_id, participant_id, token_hash, created_at, expires_at)
                VALUES (:mc, :id, :m, :p, :h, now(), now() + interval '1 day')""")
                .param("mc", municipality).param("id", UUID.randomUUID()).param("m", surveyMeeting).param("p", participant).param("h", hash).update();
        return token;
    }

    /** A break-the-glass reference from a search, issued to the role's demo account (any string for roles without one). */
    private String referenceFor(Role role) {
        String username = role == null ? null : DemoUsers.BY_ROLE.get(role);
        return username == null || !users.current(username).doesCasework() ? "A".repeat(43)
                : references.issue(users.current(username), household.householdId());
    }

    /** The head of a fresh household, protected by the privacy officer when asked. */
    private String freshPerson(boolean needed, boolean protectedAlready) {
        if (!needed) {
            return UUID.randomUUID().toString();
        }
        TestHouseholds.Fresh fresh = households.register(users.current("regisseur"), "centrum");
        if (protectedAlready) {
            try {
                mvc.perform(request(HttpMethod.POST, "/privacy/afgeschermd/afschermen").with(csrf()).with(users.as("privacy"))
                        .param("personId", fresh.headPersonId().toString()).param("category", "DREIGING").param("note", "Matrix"))
                        .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(302));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return fresh.headPersonId().toString();
    }

    private UUID decidedRequest;

    /** The path (and valid form) of a Wmo route: a request in the stage the route needs; null for other routes. */
    private String wmoRequest(Route route, boolean allowed, Map<String, String> form) {
        String today = LocalDate.now(clock).toString();
        switch (route.key()) {
            case "GET /wmo/verzoeken/{id}", "GET /wmo/verzoeken/{id}/beschikking.pdf" -> {
                return RouteCatalog.fill(route.pattern(), Map.of("/wmo/verzoeken/{id}", decidedWmoRequest().toString()));
            }
            case "POST /huishoudens/{id}/wmo-verzoeken" -> {
                TestHouseholds.Fresh fresh = allowed ? households.register(users.current("regisseur"), "centrum") : household;
                form.putAll(Map.of("notificationId", fresh.notificationId().toString(), "law", "WMO"));
                return RouteCatalog.fill(route.pattern(), Map.of("/huishoudens/{id}", fresh.householdId().toString()));
            }
            case "POST /wmo/verzoeken/{id}/persoonlijk-plan" -> {
                form.putAll(Map.of("receivedOn", today, "personalPlan", "Ik wil hulp van mijn buurvrouw"));
                return wmoPath(route, allowed, WmoFixtures.Stage.MELDING);
            }
            case "POST /wmo/verzoeken/{id}/onderzoek" -> {
                form.putAll(WmoFixtures.investigation(LocalDate.now(clock)));
                return wmoPath(route, allowed, WmoFixtures.Stage.MELDING);
            }
            case "POST /wmo/verzoeken/{id}/aanvraag" -> {
                form.put("aanvraagOn", today);
                return wmoPath(route, allowed, WmoFixtures.Stage.ONDERZOCHT);
            }
            case "POST /wmo/verzoeken/{id}/beschikking" -> {
                form.putAll(WmoFixtures.decision(jdbc, LocalDate.now(clock)));
                return wmoPath(route, allowed, WmoFixtures.Stage.AANVRAAG);
            }
            case "POST /wmo/verzoeken/{id}/bezwaar" -> {
                form.putAll(Map.of("receivedOn", today, "grounds", "Te weinig uren"));
                return wmoPath(route, allowed, WmoFixtures.Stage.BESCHIKT);
            }
            case "POST /wmo/verzoeken/{id}/beslissing-op-bezwaar" -> {
                form.putAll(Map.of("objectionDecidedOn", today, "objectionOutcome", "UNFOUNDED", "objectionDecisionGrounds", "Volledig onderzocht"));
                return wmoPath(route, allowed, WmoFixtures.Stage.BEZWAAR);
            }
            case "POST /wmo/verzoeken/{id}/termijn" -> {
                form.putAll(Map.of("kind", "SUSPEND", "changeOn", today, "reason", "Wacht op gegevens"));
                return wmoPath(route, allowed, WmoFixtures.Stage.MELDING);
            }
            case "GET /wmo/klachten/{id}" -> {
                return RouteCatalog.fill(route.pattern(), Map.of("/wmo/klachten/{id}", complaint(allowed).toString()));
            }
            case "POST /wmo/klachten/{id}/verlengen" -> {
                form.putAll(Map.of("weeks", "2", "reason", "Gesprek met de aanbieder nodig"));
                return RouteCatalog.fill(route.pattern(), Map.of("/wmo/klachten/{id}", complaint(allowed).toString()));
            }
            case "POST /wmo/klachten/{id}/afhandelen" -> {
                form.putAll(Map.of("handledBy", "J. Jansen", "handledHow", "CONVERSATION", "outcome", "Uitgelegd", "closedOn", today));
                return RouteCatalog.fill(route.pattern(), Map.of("/wmo/klachten/{id}", complaint(allowed).toString()));
            }
            case "POST /huishoudens/{id}/klachten" -> {
                form.putAll(Map.of("law", "WMO", "category", "TREATMENT", "receivedOn", today, "from", "RESIDENT", "summary", "Niet teruggebeld"));
                return RouteCatalog.fill(route.pattern(), Map.of("/huishoudens/{id}", household.householdId().toString()));
            }
            default -> {
                return null;
            }
        }
    }

    private UUID matrixProvider;
    private UUID matrixProvision;

    /** A provider of this test's own, for the upkeep routes (the demo providers stay as other tests expect them). */
    private UUID matrixProvider() {
        if (matrixProvider == null) {
            matrixProvider = UUID.randomUUID();
            jdbc.sql("INSERT INTO provider (municipality_code, id, name, contracted, last_checked_on, created_at) VALUES (?, ?, ?, true, ?, now())")
                    .params(municipality, matrixProvider, "Matrixaanbieder eigen " + matrixProvider, LocalDate.now(clock)).update();
        }
        return matrixProvider;
    }

    private UUID matrixProvision() {
        if (matrixProvision == null) {
            matrixProvision = UUID.randomUUID();
            jdbc.sql("INSERT INTO provision (municipality_code, id, kind, name, description, valid_from, created_at) VALUES (?, ?, 'GENERAL', ?, 'Ontmoeting', ?, now())")
                    .params(municipality, matrixProvision, "Matrixvoorziening eigen", LocalDate.now(clock)).update();
        }
        return matrixProvision;
    }

    /** A fresh complaint of the demo team's household for an allowed role (each write changes it); any id for a refused one. */
    private UUID complaint(boolean allowed) {
        if (!allowed) {
            return UUID.randomUUID();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_complaint (municipality_code, id, law, category, received_on, from_kind, household_id, team_id, summary, created_at, created_by)
                VALUES (?, ?, 'WMO', 'TREATMENT', ?, 'RESIDENT', ?, ?, 'Matrixklacht', now(), ?)""")
                .params(municipality, id, LocalDate.now(clock), household.householdId(), household.registration().teamId(), users.current("regisseur").id())
                .update();
        return id;
    }

    /** One decided Wmo request of the demo team, for the read routes. */
    private UUID decidedWmoRequest() {
        if (decidedRequest == null) {
            decidedRequest = WmoFixtures.request(mvc, users, households, jdbc, LocalDate.now(clock), WmoFixtures.Stage.BESCHIKT);
        }
        return decidedRequest;
    }

    /** A fresh request in the stage the route needs for an allowed role; any id for a refused one. */
    private String wmoPath(Route route, boolean allowed, WmoFixtures.Stage stage) {
        UUID id = allowed ? WmoFixtures.request(mvc, users, households, jdbc, LocalDate.now(clock), stage) : UUID.randomUUID();
        return RouteCatalog.fill(route.pattern(), Map.of("/wmo/verzoeken/{id}", id.toString()));
    }

    /** A far-future working day no equated day uses yet (the matrix adds equated days there). */
    private LocalDate matrixDay() {
        LocalDate day = LocalDate.of(2110, 1, 2).plusDays(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 30000));
        // past every general holiday (the day after Easter Sunday, Whit Sunday or Christmas Day is one too)
        while (nl.leefwereld.wmo.GeneralHolidays.nameOf(day).isPresent()) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** An equated day of its own, to remove. */
    private LocalDate matrixEquatedDay() {
        LocalDate day = matrixDay();
        jdbc.sql("INSERT INTO wmo_equated_day (municipality_code, day, name, added_at, added_by) VALUES (?, ?, 'Matrix', now(), ?) ON CONFLICT DO NOTHING")
                .params(municipality, day, users.current("beheer").id()).update();
        return day;
    }

    /** The household's plan (made by a planning meeting's decisions when there is none yet): the id of its first agreement. */
    private String planAgreement(boolean needed) {
        if (!needed) {
            return UUID.randomUUID().toString();
        }
        if (planVersion() == 0) {
            plans.recordMeetingDecisions(users.current("regisseur"), household.householdId(), new nl.leefwereld.plan.MeetingDecisions(null,
                    "Planbijeenkomst matrix", List.of(new nl.leefwereld.plan.AgreementDraft("NETWORK_MEMBER", "Oom Matrix", "Haalt de kinderen op",
                    LocalDate.now(clock).plusDays(7), null)), "Dan belt moeder haar zus", null, null));
        }
        return jdbc.sql("SELECT snapshot -> 'agreements' -> 0 ->> 'id' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1")
                .param("h", household.householdId()).query(String.class).single();
    }

    private int planVersion() {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM plan_version WHERE household_id = :h").param("h", household.householdId())
                .query(Integer.class).single();
    }

    /** A privacy alert of its own, to mark as seen. */
    private String freshAlert() {
        protectedPersons.alert(users.current("regisseur"), household.householdId(), household.headPersonId(), "toegangsmatrix");
        return jdbc.sql("SELECT id::text FROM privacy_alert ORDER BY id DESC LIMIT 1").query(String.class).single();
    }

    /**
     * A valid request for the route as the role would send it; fresh records where the request changes one (a new
     * notification to pick up, a new consent to withdraw). Routes without an entry get an empty request and are
     * listed in {@link #withoutValidRequest}.
     */
    private MockHttpServletRequestBuilder build(Route route, Role role) {
        boolean allowed = role != null && RULES.get(route.key()) != PUBLIC && RULES.get(route.key()).contains(role);
        UUID consent = UUID.randomUUID();
        Map<String, String> values = pathValues(consent);
        String unique = TestHouseholds.letters(8);
        String today = LocalDate.now(clock).toString();
        if (allowed && route.key().equals("POST /meldingen/{id}/oppakken")) {
            values.put("/meldingen/{id}", households.register(users.current("regisseur"), "centrum").notificationId().toString());
        }
        if (allowed && route.key().endsWith("/departure") || allowed && route.key().endsWith("/vertrek")) {
            // a fresh second member leaves, so the household keeps its head for the other requests
            values.put("{personId}", householdRegister.addMember(users.current("regisseur"), household.householdId(),
                    new nl.leefwereld.household.PersonDraft("Lid", "Matrix" + unique, "2001-02-03", null, null, null), "CHILD", true).toString());
        }
        if (allowed && (route.key().equals("POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken")
                || route.key().equals("POST /api/v1/households/{id}/consents/{consentId}/withdrawal"))) {
            consent = consents.give(users.current("regisseur"), household.householdId(), household.headPersonId(), "REFERRAL",
                    "Matrix " + unique, "Verwijzing", today, null);
            values.put("{consentId}", consent.toString());
        }
        if (route.pattern().contains("{agreementId}")) {
            values.put("{agreementId}", allowed ? planAgreement(true) : UUID.randomUUID().toString());
        }
        if (route.pattern().contains("{requestId}")) {
            values.put("{requestId}", nl.leefwereld.budget.BudgetTestFixtures.request(jdbc, municipality, household.householdId(),
                    household.registration().teamId()).toString());
        }
        if (route.pattern().contains("{jobId}")) {   // an export job of the requesting user's own
            values.put("{jobId}", allowed ? nl.leefwereld.monitor.internal.ExportJobsTestSupport.finishedJob(context,
                    users.current(DemoUsers.BY_ROLE.get(role))).toString() : UUID.randomUUID().toString());
        }
        if (route.pattern().contains("{batchId}")) {
            values.put("{batchId}", nl.leefwereld.budget.BudgetTestFixtures.batch(jdbc, municipality, household.registration().teamId()).toString());
        }
        Map<String, String> wmoForm = new LinkedHashMap<>();
        String wmoPath = wmoRequest(route, allowed, wmoForm);
        String path = wmoPath != null ? wmoPath : RouteCatalog.fill(route.pattern(), values);
        MockHttpServletRequestBuilder b = request(route.method(), path);
        if (route.method() != HttpMethod.GET) {
            b = b.with(csrf());
        }
        String json = null;
        Map<String, String> form = new LinkedHashMap<>();
        switch (route.key()) {
            case "GET /login", "GET /error", "GET /", "GET /api/v1/me", "GET /mijn-werk", "GET /meldingen/nieuw", "GET /api/v1/my-work",
                 "GET /huishoudens/{id}", "GET /personen/zoeken", "GET /api/v1/households/{id}", "GET /api/v1/households/{id}/consents",
                 "GET /privacy/audit", "GET /privacy/noodtoegang", "GET /privacy/inzage", "GET /api/v1/audit-events",
                 "POST /privacy/audit", "POST /privacy/audit/export", "GET /api/v1/audit-events/export",
                 "GET /beheer/gebruikers", "GET /beheer/gebruikers/{id}", "GET /beheer/teams", "GET /api/v1/admin/users",
                 "GET /api/v1/admin/teams", "POST /meldingen/{id}/oppakken",
                 "GET /api/v1/audit-chain/verification", "GET /api/v1/reference/channels", "GET /api/v1/reference/consent-purposes",
                 "GET /api/v1/reference/districts", "GET /api/v1/reference/relations", "GET /privacy/afgeschermd", "GET /privacy/meldingen",
                 "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /beheer/sessies", "GET /beheer/wijzigingen" -> {
                // valid as they are
            }
            case "GET /huishoudens/{id}/plan", "GET /huishoudens/{id}/leefgebieden", "GET /api/v1/households/{id}/assessments" -> {
                // valid as they are (a household without a plan or assessments still has the page, and an empty list)
            }
            case "GET /huishoudens/{id}/plan/vergelijken", "GET /huishoudens/{id}/plan/pdf", "GET /api/v1/households/{id}/plan",
                 "GET /api/v1/households/{id}/plan/versions" -> planAgreement(allowed);
            case "POST /huishoudens/{id}/plan/doelen" -> form.putAll(Map.of("goalDomain", "FINANCES", "goalText", "Overzicht over geld " + unique));
            case "POST /huishoudens/{id}/plan/afspraken" -> form.putAll(Map.of("whoKind", "NETWORK_MEMBER", "who", "Tante " + unique,
                    "what", "Opent samen de post", "due", LocalDate.now(clock).plusDays(14).toString()));
            case "POST /huishoudens/{id}/plan/kader" -> form.putAll(Map.of("fallback", "Dan belt moeder haar zus " + unique));
            case "POST /huishoudens/{id}/plan/instemming" -> {
                planAgreement(allowed);
                form.putAll(Map.of("agreedBy", "Moeder " + unique, "agreedOn", today, "agreedForm", "ORAL", "version", String.valueOf(planVersion())));
            }
            case "POST /huishoudens/{id}/plan/afspraken/{agreementId}" -> form.putAll(Map.of("status", "DONE", "note", "Gedaan " + unique));
            case "POST /huishoudens/{id}/leefgebieden" -> form.putAll(Map.of("assessedOn", today, "pro_FINANCES", "2", "res_FINANCES", "3",
                    "basis_FINANCES", "NETWORK"));
            case "GET /noodtoegang" -> b = b.param("verwijzing", referenceFor(role));
            case "POST /noodtoegang" -> form.putAll(Map.of("verwijzing", referenceFor(role), "reason", "Acute zorgen gemeld door de huisarts vandaag"));
            case "POST /api/v1/break-glass" -> json = "{\"reference\": \"" + referenceFor(role)
                    + "\", \"reason\": \"Acute zorgen gemeld door de huisarts vandaag\"}";
            case "POST /privacy/afgeschermd/zoeken" -> form.put("bsn", household.bsn());
            case "POST /privacy/afgeschermd/persoon" -> form.put("personId", household.headPersonId().toString());
            // Protection changes go to households of their own: a protected person closes the household for everyone else.
            case "POST /privacy/afgeschermd/afschermen" -> form.putAll(Map.of("personId", freshPerson(allowed, false), "category", "OPVANG",
                    "note", "Verblijft in de opvang"));
            case "POST /privacy/afgeschermd/opheffen" -> form.put("personId", freshPerson(allowed, true));
            case "POST /privacy/afgeschermd/medewerkers" -> form.putAll(Map.of("personId", freshPerson(allowed, true), "username", "regisseur"));
            case "POST /privacy/afgeschermd/medewerkers/verwijderen" -> form.putAll(Map.of("personId", freshPerson(allowed, true),
                    "userId", users.current("regisseur").id().toString()));
            case "POST /beheer/sessies/beeindigen" -> form.put("userId", account.toString());
            case "POST /beheer/wijzigingen/bevestigen", "POST /beheer/wijzigingen/afwijzen" -> form.put("changeId", allowed
                    ? nl.leefwereld.support.PendingSelfGrants.create(admin, jdbc, municipality, team, "matrix." + unique + ".beheer")
                    : UUID.randomUUID().toString());
            case "POST /privacy/meldingen/gezien" -> form.put("id", allowed ? freshAlert() : UUID.randomUUID().toString());
            case "GET /api/v1/persons" -> b = b.param("q", household.lastName());
            case "POST /personen/zoeken" -> form.put("q", household.lastName());
            case "POST /api/v1/persons/search" -> json = "{\"query\": \"" + household.lastName() + "\"}";
            case "POST /meldingen" -> {
                form.putAll(Map.of("firstName", "Mara", "lastName", "Matrix" + unique, "birthDate", "1980-01-02", "street", "Matrixstraat",
                        "houseNumber", "3", "postalCode", "8301 AB", "city", "Leefstad", "districtCode", "centrum", "channel", "KCC_PHONE"));
                form.putAll(Map.of("receivedOn", today, "questionAsAsked", "Hulp bij de administratie", "confirmNew", "true"));
            }
            case "POST /zaken/{id}/regisseur" -> form.put("caseDirectorId", users.current("regisseur").id().toString());
            case "GET /teams/{id}/werkvoorraad", "GET /api/v1/teams/{id}/caseload" -> b = b.param("status", "NEW");
            case "POST /teams/{id}/werkvoorraad/regisseur" -> form.putAll(Map.of("caseId", household.caseId().toString(),
                    "caseDirectorId", users.current("regisseur").id().toString()));
            case "POST /api/v1/notifications" -> json = """
                    {"head": {"firstName": "Mara", "lastName": "Matrix%s", "birthDate": "1980-01-02"},
                     "address": {"street": "Matrixstraat", "houseNumber": "3", "postalCode": "8301 AB", "city": "Leefstad", "districtCode": "centrum"},
                     "confirmNew": true, "notification": {"channel": "KCC_PHONE", "receivedOn": "%s", "questionAsAsked": "Hulp"}}
                    """.formatted(unique, today);
            case "POST /api/v1/households" -> json = """
                    {"head": {"firstName": "Mara", "lastName": "Matrix%s", "birthDate": "1980-01-02"},
                     "address": {"street": "Matrixstraat", "houseNumber": "3", "postalCode": "8301 AB", "city": "Leefstad", "districtCode": "centrum"},
                     "confirmNew": true}
                    """.formatted(unique);
            case "POST /huishoudens/{id}/netwerk" -> form.putAll(Map.of("kind", "INFORMAL", "name", "Buurvrouw " + unique, "relation", "buurvrouw",
                    "role", "Boodschappen"));
            case "POST /api/v1/households/{id}/network-members" -> json = """
                    {"kind": "INFORMAL", "name": "Buurvrouw %s", "relation": "buurvrouw", "role": "Boodschappen"}""".formatted(unique);
            case "POST /huishoudens/{id}/leden" -> form.putAll(Map.of("firstName", "Lotte", "lastName", "Matrix" + unique, "birthDate", "2015-04-05",
                    "memberRelation", "CHILD", "confirmNew", "true"));
            case "POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken" -> form.put("reason", "De inwoner wil het niet meer");
            case "POST /api/v1/households/{id}/consents/{consentId}/withdrawal" -> json = "{\"reason\": \"De inwoner wil het niet meer\"}";
            case "GET /huishoudens/{id}/leden/{personId}" -> {
                // valid as it is
            }
            case "POST /huishoudens/{id}/leden/{personId}/verhuizing" -> form.putAll(Map.of("street", "Matrixlaan " + unique, "houseNumber", "1",
                    "postalCode", "8301 AB", "city", "Leefstad", "districtCode", "centrum", "movedOn", today, "reason", "Verhuisd volgens de BRP"));
            case "POST /api/v1/persons/{id}/moves" -> json = """
                    {"street": "Matrixpad %s", "houseNumber": "2", "postalCode": "8301 AB", "city": "Leefstad", "districtCode": "centrum",
                     "movedOn": "%s", "reason": "Verhuisd volgens de BRP"}""".formatted(unique, today);
            case "POST /huishoudens/{id}/leden/{personId}/vertrek" -> form.putAll(Map.of("leftOn", today, "destination", "NONE",
                    "reason", "Gaat zelfstandig wonen"));
            case "POST /api/v1/households/{id}/members/{personId}/departure" -> json = """
                    {"leftOn": "%s", "destination": "NONE", "reason": "Gaat zelfstandig wonen"}""".formatted(today);
            case "POST /huishoudens/{id}/leden/{personId}/correctie" -> form.putAll(Map.of("phone", "06-" + (10000000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89999999)),
                    "reason", "Nieuw nummer doorgegeven"));
            case "POST /api/v1/persons/{id}/corrections" -> json = """
                    {"phone": "06-%d", "reason": "Nieuw nummer doorgegeven"}""".formatted(10000000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89999999));
            case "POST /huishoudens/{id}/toestemmingen" -> form.putAll(Map.of("personId", household.headPersonId().toString(), "purpose", "REFERRAL",
                    "recipient", "Matrix " + unique, "scope", "Verwijzing", "givenOn", today));
            case "POST /api/v1/households/{id}/consents" -> json = """
                    {"personId": "%s", "purpose": "REFERRAL", "recipient": "Matrix %s", "scope": "Verwijzing", "givenOn": "%s"}
                    """.formatted(household.headPersonId(), unique, today);
            case "POST /huishoudens/{id}/noodtoegang" -> form.put("reason", "Acute zorgen gemeld door de huisarts vandaag");
            case "POST /api/v1/households/{id}/break-glass" -> json = "{\"reason\": \"Acute zorgen gemeld door de huisarts vandaag\"}";
            case "POST /privacy/inzage" -> form.putAll(Map.of("bsn", household.bsn(), "request", "INZ-MATRIX-" + unique));
            case "POST /api/v1/inzage" -> json = "{\"bsn\": \"" + household.bsn() + "\", \"request\": \"INZ-MATRIX-" + unique + "\"}";
            case "POST /beheer/gebruikers" -> form.putAll(Map.of("username", "matrix." + unique, "displayName", "Matrix Nieuw",
                    "teamId", team.toString(), "roles", "POLICY_OFFICER", "password", "Een-lang-wachtwoord-2026"));
            case "POST /beheer/gebruikers/{id}" -> form.putAll(Map.of("displayName", "Matrix Gewijzigd", "email", "matrix@voorbeeld.nl",
                    "teamId", team.toString(), "roles", "POLICY_OFFICER", "active", "true"));
            case "POST /beheer/gebruikers/{id}/wachtwoord" -> form.put("password", "Een-ander-wachtwoord-2026");
            case "POST /beheer/teams" -> form.put("name", "Matrixteam " + unique);
            case "POST /beheer/teams/{id}/wijken" -> {
                // no districts: the throw-away team serves none, routing for other tests is untouched
            }
            case "POST /beheer/wijken" -> form.putAll(Map.of("districtCode", "mx-" + unique, "districtName", "Matrixwijk " + unique));
            case "POST /api/v1/admin/users" -> json = """
                    {"username": "matrix.%s.api", "displayName": "Matrix Api", "teamId": "%s", "roles": ["POLICY_OFFICER"],
                     "password": "Een-lang-wachtwoord-2026"}""".formatted(unique, team);
            case "GET /beheer/api-tokens", "GET /api/v1/me/tokens" -> { }
            case "GET /api/v1/terms/due" -> b = b.param("law", "WMO").param("step", "ONDERZOEK").param("from", "2027-03-24");
            case "GET /beheer/termijnen", "GET /beheer/sociale-kaart", "GET /api/v1/households/{id}/wmo-requests", "GET /wmo/termijnen" -> { }
            case "GET /wmo/verzoeken/{id}", "GET /wmo/verzoeken/{id}/beschikking.pdf", "POST /huishoudens/{id}/wmo-verzoeken",
                 "POST /wmo/verzoeken/{id}/persoonlijk-plan", "POST /wmo/verzoeken/{id}/onderzoek", "POST /wmo/verzoeken/{id}/aanvraag",
                 "POST /wmo/verzoeken/{id}/beschikking", "POST /wmo/verzoeken/{id}/bezwaar", "POST /wmo/verzoeken/{id}/termijn",
                 "POST /wmo/verzoeken/{id}/beslissing-op-bezwaar", "POST /wmo/klachten/{id}/verlengen", "POST /wmo/klachten/{id}/afhandelen", "POST /huishoudens/{id}/klachten" -> form.putAll(wmoForm);
            case "GET /wmo/klachten", "GET /wmo/klachten/cijfers", "GET /wmo/klachten/{id}", "GET /huishoudens/{id}/klachten/nieuw" -> { }
            case "GET /sociale-kaart" -> b = b.param("wijk", "noord").param("q", "eenzaam");
            case "GET /api/v1/provisions" -> b = b.param("district", "noord").param("q", "eenzaam");
            case "POST /beheer/sociale-kaart/aanbieders" -> form.putAll(Map.of("name", "Matrixaanbieder " + unique, "contracted", "true",
                    "lastCheckedOn", today));
            case "POST /beheer/sociale-kaart/voorzieningen" -> form.putAll(Map.of("kind", "GENERAL", "title", "Matrixvoorziening " + unique,
                    "description", "Ontmoeting", "validFrom", today));
            case "POST /beheer/termijnen" -> form.putAll(Map.of("law", "JEUGDWET", "step", "BEZWAAR", "amount", "6", "unit", "WEEKS"));
            case "GET /beheer/sociale-kaart/aanbieders/{id}", "GET /beheer/sociale-kaart/voorzieningen/{id}",
                 "POST /beheer/sociale-kaart/aanbieders/{id}/gecontroleerd" -> { }
            case "POST /beheer/sociale-kaart/aanbieders/{id}" -> form.putAll(Map.of("name", "Matrixaanbieder eigen " + matrixProvider(), "contracted", "false",
                    "lastCheckedOn", today));
            case "POST /beheer/sociale-kaart/voorzieningen/{id}" -> form.putAll(Map.of("kind", "GENERAL", "title", "Matrixvoorziening eigen",
                    "description", "Ontmoeting en koffie", "validFrom", today));
            case "POST /beheer/termijnen/eigen-bijdrage" -> form.putAll(Map.of("year", "2150", "rate", "10,00"));
            case "POST /beheer/termijnen/feestdagen" -> form.putAll(Map.of("day", matrixDay().toString(), "name", "Matrixdag " + unique));
            case "POST /beheer/termijnen/feestdagen/verwijderen" -> form.put("day", allowed ? matrixEquatedDay().toString() : "2199-01-01");
            case "GET /api/v1/price-list" -> { }
            case "GET /beheer/prijslijst", "GET /huishoudens/{id}/rendement/nieuw", "GET /huishoudens/{id}/doorbraak", "GET /projecten",
                 "GET /projecten/nieuw" -> { }
            case "POST /beheer/prijslijst" -> form.putAll(Map.of("code", "MX-" + unique.toUpperCase(), "name", "Matrix", "unit", "PER_TIME", "price", "10",
                    "payer", "OTHER", "sourceDocument", "Matrix", "sourceLine", "L1", "validFrom", today));
            case "POST /huishoudens/{id}/rendement" -> form.putAll(Map.of("title", "Matrix " + unique, "assumptions", "Zonder hulp een OTS",
                    "refItem", "NOP-OTS"));
            case "POST /huishoudens/{id}/doorbraak" -> form.putAll(Map.of("kind", "PARTY", "name", "Matrix " + unique, "yearlyCostBefore", "100"));
            case "GET /huishoudens/{id}/rendement/{returnId}" -> { }
            case "GET /projecten/{id}" -> { }
            case "GET /huishoudens/{id}/maatwerkbudget/nieuw", "GET /huishoudens/{id}/maatwerkbudget/{requestId}", "GET /maatwerkbudget",
                 "POST /maatwerkbudget/betaalbestanden", "GET /maatwerkbudget/betaalbestanden/{batchId}/pain001.xml",
                 "GET /maatwerkbudget/betaalbestanden/{batchId}/betaalbestand.csv", "POST /maatwerkbudget/betaalbestanden/{batchId}/betaald",
                 "GET /maatwerkbudget/jaaroverzicht", "GET /beleid/maatwerkbudget" -> { }
            case "GET /monitor", "GET /monitor/{table}", "POST /monitor/vernieuwen", "GET /api/v1/monitor/{table}", "GET /api/v1/monitor/refresh" -> { }
            case "POST /api/v1/monitor/refresh" -> json = "{\"confirm\": true}";
            case "POST /maatwerkbudget/jaarbudget" -> form.putAll(Map.of("year", "2150", "budget", "50.000,00"));
            case "GET /monitor/money/budget", "GET /monitor/indicators/{id}/waarden" -> { }
            case "POST /monitor/money/budget" -> form.putAll(Map.of("year", "2099", "law", "PARTICIPATIEWET", "amount", "1.000,00"));
            case "POST /monitor/indicators/{id}/waarden" -> form.putAll(Map.of("year", "2099", "value", "50", "source", "Matrix " + unique));
            case "GET /monitor/{table}.csv", "GET /monitor/{table}.xlsx", "GET /monitor/raadsrapportage", "GET /monitor/raadsrapportage/nieuw",
                 "GET /monitor/raadsrapportage.pdf", "GET /monitor/exports/{jobId}", "GET /monitor/exports/{jobId}/bestand" -> { }
            case "POST /monitor/raadsrapportage" -> form.put("year", String.valueOf(LocalDate.now(clock).getYear()));
            case "POST /huishoudens/{id}/maatwerkbudget" -> form.putAll(nl.leefwereld.budget.BudgetTestFixtures.form(planAgreement(allowed), unique));
            case "POST /huishoudens/{id}/maatwerkbudget/{requestId}/besluit" -> form.putAll(Map.of("decision", "APPROVE", "remark", "Akkoord " + unique));
            case "POST /projecten" -> form.putAll(Map.of("name", "Matrix " + unique, "goal", "Matrix", "status", "PLANNED", "returnKind", "UNKNOWN"));
            case "POST /projecten/{id}/status" -> form.putAll(Map.of("status", "RUNNING", "embeddingPlan", "Gewoon werk van het team"));
            case "POST /api/v1/returns/scenario-evaluations" -> json = "{\"reference\": [{\"item\": \"JGD-OTS\"}], \"actual\": []}";
            case "POST /api/v1/returns/project-calculations" -> json = "{\"leavers\": [{\"count\": 1, \"valuePerLeaver\": 37000}], \"businessAsUsualShare\": 0.5}";
            case "POST /huishoudens/{id}/bijeenkomsten" -> form.putAll(Map.of("residentPersonId", household.headPersonId().toString(),
                    "facilitatorId", users.current("procesbegeleider").id().toString()));
            case "GET /bijeenkomsten/{id}", "GET /api/v1/households/{id}/meetings", "GET /rapportage/planbijeenkomsten", "GET /enquete/bedankt" -> {
                path = meetingPath(route, null);
                b = request(route.method(), path);
            }
            case "GET /bijeenkomsten/{id}/deelnemers/{participantId}/uitnodiging.pdf" -> {
                path = meetingPath(route, "Matrix Lid " + unique);
                b = request(route.method(), path);
            }
            case "POST /bijeenkomsten/{id}/deelnemers" -> {
                path = meetingPath(route, null);
                b = request(route.method(), path).with(csrf());
                form.putAll(Map.of("question", "INVOLVED", "kind", "HOUSEHOLD_MEMBER", "name", "Matrix Lid " + unique));
            }
            case "POST /bijeenkomsten/{id}/deelnemers/{participantId}/uitnodigen" -> {
                path = meetingPath(route, "Matrix Lid " + unique);
                b = request(route.method(), path).with(csrf());
                form.put("invitedBy", "ON_BEHALF");
            }
            case "POST /bijeenkomsten/{id}/deelnemers/{participantId}/voorbereiding" -> {
                path = meetingPath(route, "Matrix Lid " + unique);
                b = request(route.method(), path).with(csrf());
                form.putAll(Map.of("prepared", "true", "preparedOn", today, "brings", "Oppas op woensdag"));
            }
            case "POST /bijeenkomsten/{id}/verslag" -> {
                // a meeting of its own each time: a meeting is recorded once
                meeting = null;
                path = meetingPath(route, null);
                b = request(route.method(), path).with(csrf());
                form.putAll(Map.of("heldOn", today, "place", "Wijkcentrum", "attended", residentParticipant(),
                        "agreements[0].whoKind", "NETWORK_MEMBER", "agreements[0].who", "Oma", "agreements[0].what", "Past op",
                        "agreements[0].due", LocalDate.now(clock).plusDays(14).toString(), "fallback", "Opnieuw bij elkaar komen"));
            }
            case "GET /enquete/{token}" -> {
                path = "/enquete/" + freshSurveyToken();
                b = request(route.method(), path);
            }
            case "POST /enquete/{token}" -> {
                path = "/enquete/" + freshSurveyToken();
                b = request(route.method(), path).with(csrf());
                form.putAll(Map.of("preparedWell", "4", "heard", "5", "decidedTogether", "4", "clearAgreements", "3", "confidence", "4"));
            }
            case "POST /beheer/api-tokens" -> form.putAll(Map.of("userId", account.toString(), "name", "Matrix " + unique,
                    "expiresOn", LocalDate.now(clock).plusDays(30).toString()));
            case "POST /api/v1/me/tokens" -> json = "{\"name\": \"Matrix %s\", \"expiresOn\": \"%s\"}".formatted(unique,
                    LocalDate.now(clock).plusDays(30));
            default -> {
                withoutValidRequest.add(route.key());
                if (route.method() != HttpMethod.GET && path.startsWith("/api/")) {
                    json = "{}";
                }
            }
        }
        if (json != null) {
            b = b.contentType(MediaType.APPLICATION_JSON).content(json);
        } else if (!form.isEmpty()) {
            b = b.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (Map.Entry<String, String> f : form.entrySet()) {
                b = b.param(f.getKey(), f.getValue());
            }
        } else if (route.method() != HttpMethod.GET && path.startsWith("/api/")) {
            b = b.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return b;
    }

    /** The handler ran with the valid request: 2xx, or 3xx not to the login, or a status declared for the route. */
    private static boolean ranValidly(Route route, MvcResult r) {
        int s = r.getResponse().getStatus();
        if (ALSO_ALLOWED.getOrDefault(route.key(), Set.of()).contains(s)) {
            return true;
        }
        if (route.key().equals("POST /zaken/{id}/regisseur")) {
            // refuses bad input by a redirect with the error as flash message: only the success message counts
            return s == 302 && "De regisseur is toegewezen.".equals(r.getFlashMap().get("message"));
        }
        if (route.method() == HttpMethod.POST && !route.pattern().startsWith("/api/")) {
            // A page post that was saved redirects; 200 is the form shown again with errors, so not a valid request.
            return s >= 300 && s < 400 && !isLoginRedirect(r);
        }
        return (s >= 200 && s < 300) || (s >= 300 && s < 400 && !isLoginRedirect(r));
    }

    private static boolean isLoginRedirect(MvcResult r) {
        String location = r.getResponse().getHeader("Location");
        return r.getResponse().getStatus() == 302 && location != null && location.endsWith("/login");
    }

    private static boolean isDenied(MvcResult r) {
        int s = r.getResponse().getStatus();
        return s == 401 || s == 403 || isLoginRedirect(r);
    }

    private static boolean isLoginChallenge(Route route, MvcResult r) {
        int s = r.getResponse().getStatus();
        if (route.pattern().startsWith("/api/")) {
            return s == 401;
        }
        return isLoginRedirect(r);
    }

    private static String describe(MvcResult r) {
        return r.getResponse().getStatus() + (r.getResponse().getHeader("Location") != null ? " → " + r.getResponse().getHeader("Location") : "");
    }
}
