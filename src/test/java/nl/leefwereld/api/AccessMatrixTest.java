package nl.leefwereld.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.RouteCatalog;
import nl.leefwereld.support.RouteCatalog.Route;
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
        // intake
        rule("GET /mijn-werk", CASEWORK);
        rule("GET /meldingen/nieuw", CASEWORK);
        rule("POST /meldingen", CASEWORK);
        rule("POST /meldingen/{id}/oppakken", CASEWORK);
        rule("POST /zaken/{id}/regisseur", EnumSet.of(Role.TEAM_LEAD));
        rule("POST /api/v1/notifications", CASEWORK);
        rule("GET /api/v1/my-work", CASEWORK);
        // household
        rule("GET /huishoudens/{id}", CASEWORK);
        rule("POST /huishoudens/{id}/netwerk", CASEWORK);
        rule("POST /huishoudens/{id}/leden", CASEWORK);
        rule("POST /huishoudens/{id}/toestemmingen", CASEWORK);
        rule("POST /huishoudens/{id}/toestemmingen/{consentId}/intrekken", CASEWORK);
        rule("GET /personen/zoeken", CASEWORK);
        rule("GET /api/v1/households/{id}", CASEWORK);
        rule("POST /api/v1/households", CASEWORK);
        rule("POST /api/v1/households/{id}/network-members", CASEWORK);
        rule("GET /api/v1/households/{id}/consents", CASEWORK);
        rule("POST /api/v1/households/{id}/consents", CASEWORK);
        rule("GET /api/v1/persons", CASEWORK);
        // privacy
        rule("POST /huishoudens/{id}/noodtoegang", CASEWORK);
        rule("POST /api/v1/households/{id}/break-glass", CASEWORK);
        rule("GET /privacy/audit", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/noodtoegang", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /privacy/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /privacy/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("GET /api/v1/audit-events", EnumSet.of(Role.PRIVACY_OFFICER));
        rule("POST /api/v1/inzage", EnumSet.of(Role.PRIVACY_OFFICER));
        // identity administration
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
    }

    private static void rule(String route, Set<Role> roles) {
        RULES.put(route, roles);
    }

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

    MockMvc mvc;
    Map<String, String> pathValues;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        CurrentUser director = users.current("regisseur");
        // A household of the demo users' own team, so household-level access never hides the role check.
        UUID household = jdbc.sql("""
                SELECT h.id FROM household h JOIN care_case c ON c.municipality_code = h.municipality_code AND c.household_id = h.id
                 WHERE h.municipality_code = :m AND h.district_code = 'centrum' ORDER BY h.created_at LIMIT 1
                """).param("m", director.municipalityCode()).query(UUID.class).single();
        UUID caseId = jdbc.sql("SELECT id FROM care_case WHERE household_id = :h").param("h", household).query(UUID.class).single();
        UUID notification = jdbc.sql("SELECT id FROM notification WHERE case_id = :c LIMIT 1").param("c", caseId).query(UUID.class).single();
        // A throw-away team, so posting an empty district list to it cannot break routing for other tests.
        UUID team = admin.createTeam(director.municipalityCode(), "Matrixteam " + UUID.randomUUID().toString().substring(0, 8), Set.of());
        pathValues = Map.of(
                "/huishoudens/{id}", household.toString(),
                "/api/v1/households/{id}", household.toString(),
                "/zaken/{id}", caseId.toString(),
                "/meldingen/{id}", notification.toString(),
                "/beheer/gebruikers/{id}", users.current("inwoner").id().toString(),
                "/beheer/teams/{id}", team.toString(),
                "{consentId}", UUID.randomUUID().toString());
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
        Set<String> exercised = new TreeSet<>();
        for (Route route : routes()) {
            Set<Role> allowed = RULES.get(route.key());
            if (!RULES.containsKey(route.key())) {
                continue;   // reported by the other test
            }
            exercised.add(route.key());
            // Anonymous
            MvcResult anon = mvc.perform(build(route)).andReturn();
            checked++;
            if (allowed == PUBLIC) {
                if (isDenied(anon)) {
                    failures.add(route.key() + " anonymous: expected public, got " + describe(anon));
                }
            } else if (!isLoginChallenge(route, anon)) {
                failures.add(route.key() + " anonymous: expected a login challenge, got " + describe(anon));
            }
            for (Role role : Role.values()) {
                MvcResult r = mvc.perform(build(route).with(users.as(role))).andReturn();
                checked++;
                boolean shouldAllow = allowed == PUBLIC || allowed.contains(role);
                if (shouldAllow && isDenied(r)) {
                    failures.add(route.key() + " " + role + ": expected allowed, got " + describe(r));
                }
                if (!shouldAllow && r.getResponse().getStatus() != 403) {
                    failures.add(route.key() + " " + role + ": expected 403, got " + describe(r));
                }
                if (shouldAllow && r.getResponse().getStatus() >= 500 && !route.pattern().equals("/error")) {
                    failures.add(route.key() + " " + role + ": server error " + describe(r));
                }
            }
        }
        assertThat(failures).as("access matrix violations").isEmpty();
        assertThat(exercised).as("every rule was exercised against the running application").isEqualTo(RULES.keySet());
        assertThat(checked).as("requests made").isGreaterThanOrEqualTo(RULES.size() * (Role.values().length + 1));
    }

    private MockHttpServletRequestBuilder build(Route route) {
        String path = RouteCatalog.fill(route.pattern(), pathValues);
        MockHttpServletRequestBuilder b = request(route.method(), path);
        if (route.method() != HttpMethod.GET) {
            b = b.with(csrf());
            if (path.startsWith("/api/")) {
                b = b.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        return b;
    }

    private static boolean isDenied(MvcResult r) {
        int s = r.getResponse().getStatus();
        String location = r.getResponse().getHeader("Location");
        return s == 401 || s == 403 || (s == 302 && location != null && location.endsWith("/login"));
    }

    private static boolean isLoginChallenge(Route route, MvcResult r) {
        int s = r.getResponse().getStatus();
        if (route.pattern().startsWith("/api/")) {
            return s == 401;
        }
        String location = r.getResponse().getHeader("Location");
        return s == 302 && location != null && location.endsWith("/login");
    }

    private static String describe(MvcResult r) {
        return r.getResponse().getStatus() + (r.getResponse().getHeader("Location") != null ? " → " + r.getResponse().getHeader("Location") : "");
    }
}
