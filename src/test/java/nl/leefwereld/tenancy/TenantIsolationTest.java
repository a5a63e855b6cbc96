package nl.leefwereld.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.leefwereld.support.DbSnapshot;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.SearchRequests;
import nl.leefwereld.support.SecondMunicipality;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation: with a second municipality (Tweestad, {@value SecondMunicipality#CODE}) in the same database, no
 * page or API of one municipality shows, finds, counts or changes the other's data — in both directions.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoUsers users;
    @Autowired
    SecondMunicipality second;
    @Autowired
    TestHouseholds households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SearchRequests search;
    SecondMunicipality.Data tweestad;
    /** A household of Leefstad (9999), Wijkteam Centrum-Haven. */
    TestHouseholds.Fresh leefstad;

    /** One probe: a request by a user of one municipality at the other's data. */
    record Probe(String name, String user, MockHttpServletRequestBuilder request, List<Integer> statuses, List<String> mustNotContain) {
    }

    @BeforeAll
    void setUp() {
        mvc = Mvc.of(context);
        search = new SearchRequests(mappings);
        tweestad = second.ensure();
        leefstad = households.register(users.current("regisseur"), "centrum");
    }

    List<Probe> readProbes() {
        List<Probe> p = new ArrayList<>();
        String th = tweestad.householdId().toString();
        String lh = leefstad.householdId().toString();
        List<String> tw = List.of(tweestad.lastName(), tweestad.bsn(), th, SecondMunicipality.DISTRICT, "Tweestad", "Wijkteam Oost");
        List<String> lf = List.of(leefstad.lastName(), leefstad.bsn(), lh, "Centrum-Haven");
        // Leefstad → Tweestad
        p.add(new Probe("huishoudpagina", "regisseur", get("/huishoudens/{id}", th), List.of(404), tw));
        p.add(new Probe("huishouden-API", "regisseur", get("/api/v1/households/{id}", th), List.of(404), tw));
        p.add(new Probe("toestemmingen-API", "teamleider", get("/api/v1/households/{id}/consents", th), List.of(404), tw));
        p.add(new Probe("zoeken API op BSN", "regisseur", search.api(tweestad.bsn()), List.of(200), tw));
        p.add(new Probe("zoeken API op naam", "regisseur", search.api(tweestad.lastName()), List.of(200), tw));
        p.add(new Probe("zoeken API op postcode", "regisseur", search.api(tweestad.postalCode()), List.of(200), tw));
        p.add(new Probe("zoeken scherm op naam", "teamleider", search.page(tweestad.lastName()), List.of(200), tw));
        p.add(new Probe("Mijn werk", "regisseur", get("/mijn-werk"), List.of(200), tw));
        p.add(new Probe("Mijn werk API", "teamleider", get("/api/v1/my-work"), List.of(200), tw));
        p.add(new Probe("nieuwe melding bij huishouden", "regisseur", get("/meldingen/nieuw").param("huishouden", th), List.of(404), tw));
        p.add(new Probe("auditlog API op huishouden", "privacy", get("/api/v1/audit-events").param("householdId", th), List.of(200), tw));
        p.add(new Probe("auditlog API op gebruiker", "privacy", get("/api/v1/audit-events").param("actor", SecondMunicipality.DIRECTOR),
                List.of(200), List.of(SecondMunicipality.DIRECTOR, th)));
        p.add(new Probe("auditlog scherm op huishouden", "privacy", get("/privacy/audit").param("household", th), List.of(200),
                List.of(SecondMunicipality.DIRECTOR)));
        p.add(new Probe("noodtoegang-overzicht", "privacy", get("/privacy/noodtoegang"), List.of(200), tw));
        p.add(new Probe("inzage scherm op BSN", "privacy", post("/privacy/inzage").with(csrf()).param("bsn", tweestad.bsn())
                .param("request", "INZ-TENANT-1"), List.of(200), List.of(tweestad.lastName(), th)));
        p.add(new Probe("inzage API op BSN", "privacy", post("/api/v1/inzage").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bsn\": \"" + tweestad.bsn() + "\", \"request\": \"INZ-TENANT-2\"}"), List.of(400, 404), tw));
        p.add(new Probe("gebruikers API", "beheer", get("/api/v1/admin/users"), List.of(200),
                List.of(SecondMunicipality.DIRECTOR, SecondMunicipality.LEAD, SecondMunicipality.PRIVACY)));
        p.add(new Probe("teams API", "beheer", get("/api/v1/admin/teams"), List.of(200), List.of("Wijkteam Oost", SecondMunicipality.DISTRICT)));
        p.add(new Probe("gebruikers scherm", "beheer", get("/beheer/gebruikers"), List.of(200), List.of(SecondMunicipality.DIRECTOR)));
        p.add(new Probe("gebruiker van de andere gemeente", "beheer", get("/beheer/gebruikers/{id}", tweestad.directorId()), List.of(404),
                List.of(SecondMunicipality.DIRECTOR)));
        p.add(new Probe("teams scherm", "beheer", get("/beheer/teams"), List.of(200), List.of("Wijkteam Oost", SecondMunicipality.DISTRICT)));
        p.add(new Probe("meldformulier (wijken)", "regisseur", get("/meldingen/nieuw"), List.of(200), List.of(SecondMunicipality.DISTRICT)));
        // Tweestad → Leefstad
        p.add(new Probe("andersom: huishoudpagina", SecondMunicipality.DIRECTOR, get("/huishoudens/{id}", lh), List.of(404), lf));
        p.add(new Probe("andersom: huishouden-API", SecondMunicipality.DIRECTOR, get("/api/v1/households/{id}", lh), List.of(404), lf));
        p.add(new Probe("andersom: zoeken API op BSN", SecondMunicipality.DIRECTOR, search.api(leefstad.bsn()), List.of(200), lf));
        p.add(new Probe("andersom: zoeken API op naam", SecondMunicipality.DIRECTOR, search.api(leefstad.lastName()), List.of(200), lf));
        p.add(new Probe("andersom: zoeken op een demonaam", SecondMunicipality.DIRECTOR, search.api("Bakker"), List.of(200), List.of("Bakker")));
        p.add(new Probe("andersom: Mijn werk API", SecondMunicipality.LEAD, get("/api/v1/my-work"), List.of(200), lf));
        p.add(new Probe("andersom: auditlog API", SecondMunicipality.PRIVACY, get("/api/v1/audit-events").param("actor", "regisseur"),
                List.of(200), List.of("\"regisseur\"", lh)));
        p.add(new Probe("andersom: inzage API", SecondMunicipality.PRIVACY, post("/api/v1/inzage").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bsn\": \"" + leefstad.bsn() + "\", \"request\": \"INZ-TENANT-3\"}"), List.of(400, 404), lf));
        return p;
    }

    @TestFactory
    Stream<DynamicTest> noPageOrApiShowsFindsOrCountsTheOtherMunicipalitysData() {
        return readProbes().stream().map(p -> dynamicTest(p.name() + " als " + p.user(), () -> {
            MvcResult r = mvc.perform(p.request().with(users.as(p.user()))).andReturn();
            // What the caller sent may come back (the path in a problem's "instance", the query in the search box): not a leak.
            String body = r.getResponse().getContentAsString().replace(r.getRequest().getRequestURI(), "");
            for (String[] values : r.getRequest().getParameterMap().values()) {
                for (String v : values) {
                    body = body.replace("value=\"" + v + "\"", "");
                }
            }
            assertThat(r.getResponse().getStatus()).as(p.name() + ": status (body " + abbreviate(body) + ")").isIn(p.statuses());
            for (String secret : p.mustNotContain()) {
                assertThat(body).as(p.name() + ": the answer holds nothing of the other municipality").doesNotContain(secret);
            }
        }));
    }

    /** The own municipality does see its data: the probes above would otherwise prove nothing. */
    @TestFactory
    Stream<DynamicTest> eachMunicipalitySeesItsOwnData() {
        return Stream.of(
                dynamicTest("Tweestad ziet zijn huishouden", () -> assertThat(body(SecondMunicipality.DIRECTOR,
                        get("/api/v1/households/{id}", tweestad.householdId()))).contains(tweestad.lastName())),
                dynamicTest("Tweestad vindt zijn inwoner op BSN", () -> assertThat(body(SecondMunicipality.DIRECTOR, search.api(tweestad.bsn())))
                        .contains(tweestad.householdId().toString())),
                dynamicTest("Tweestad heeft zijn melding in Mijn werk", () -> assertThat(body(SecondMunicipality.LEAD, get("/api/v1/my-work")))
                        .contains(tweestad.householdId().toString())),
                dynamicTest("Tweestad ziet zijn eigen auditregels", () -> assertThat(body(SecondMunicipality.PRIVACY,
                        get("/api/v1/audit-events").param("actor", SecondMunicipality.DIRECTOR))).contains(SecondMunicipality.DIRECTOR)),
                dynamicTest("Leefstad vindt zijn inwoner op BSN", () -> assertThat(body("regisseur", search.api(leefstad.bsn())))
                        .contains(leefstad.householdId().toString())));
    }

    /** Writes aimed at the other municipality's records: 404, and nothing written anywhere. */
    @TestFactory
    Stream<DynamicTest> noWriteReachesTheOtherMunicipality() {
        String th = tweestad.householdId().toString();
        String today = LocalDate.now(clock).toString();
        List<Probe> writes = List.of(
                new Probe("netwerklid toevoegen", "regisseur", post("/huishoudens/{id}/netwerk", th).with(csrf())
                        .param("kind", "INFORMAL").param("name", "Buurvrouw Els").param("relation", "buurvrouw"), List.of(404), List.of()),
                new Probe("gezinslid toevoegen", "regisseur", post("/huishoudens/{id}/leden", th).with(csrf()).param("firstName", "Lotte")
                        .param("lastName", "Tenant").param("birthDate", "2015-04-05").param("memberRelation", "CHILD").param("confirmNew", "true"),
                        List.of(404), List.of()),
                new Probe("toestemming vastleggen", "regisseur", post("/huishoudens/{id}/toestemmingen", th).with(csrf())
                        .param("personId", tweestad.headPersonId().toString()).param("purpose", "REFERRAL").param("recipient", "Huisarts")
                        .param("givenOn", today), List.of(404), List.of()),
                new Probe("melding oppakken", "regisseur", post("/meldingen/{id}/oppakken", tweestad.notificationId()).with(csrf()),
                        List.of(404), List.of()),
                new Probe("regisseur toewijzen", "teamleider", post("/zaken/{id}/regisseur", tweestad.caseId()).with(csrf())
                        .param("caseDirectorId", users.current("regisseur").id().toString()), List.of(404), List.of()),
                new Probe("noodtoegang", "regisseur", post("/huishoudens/{id}/noodtoegang", th).with(csrf())
                        .param("reason", "Acute zorgen gemeld door de politie vannacht"), List.of(404), List.of()),
                new Probe("noodtoegang API", "regisseur", post("/api/v1/households/{id}/break-glass", th).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Acute zorgen gemeld door de politie vannacht\"}"), List.of(404), List.of()),
                new Probe("netwerklid API", "regisseur", post("/api/v1/households/{id}/network-members", th).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"INFORMAL\", \"name\": \"Buurvrouw Els\", \"relation\": \"buurvrouw\"}"), List.of(404), List.of()),
                new Probe("toestemming API", "regisseur", post("/api/v1/households/{id}/consents", th).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"" + tweestad.headPersonId() + "\", \"purpose\": \"REFERRAL\", \"recipient\": \"Huisarts\", "
                                + "\"givenOn\": \"" + today + "\"}"), List.of(404), List.of()),
                new Probe("melding bij huishouden API", "regisseur", post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\": \"" + th + "\", \"notification\": {\"channel\": \"KCC_PHONE\", \"receivedOn\": \"" + today
                                + "\", \"questionAsAsked\": \"Hulp\"}}"), List.of(404), List.of()),
                new Probe("gebruiker wijzigen", "beheer", post("/beheer/gebruikers/{id}", tweestad.directorId()).with(csrf())
                        .param("displayName", "Overgenomen").param("roles", "CASE_DIRECTOR").param("active", "false"), List.of(404), List.of()),
                new Probe("wijken van een team", "beheer", post("/beheer/teams/{id}/wijken", tweestad.teamId()).with(csrf())
                        .param("districts", "centrum"), List.of(400, 404), List.of()));
        return writes.stream().map(p -> dynamicTest(p.name() + " als " + p.user(), () -> {
            Map<String, String> before = DbSnapshot.take(jdbc);
            MvcResult r = mvc.perform(p.request().with(users.as(p.user()))).andReturn();
            assertThat(r.getResponse().getStatus()).as(p.name() + " → " + r.getResponse().getStatus() + " "
                    + r.getResponse().getHeader("Location")).isIn(p.statuses());
            assertThat(DbSnapshot.take(jdbc)).as(p.name() + ": nothing written").isEqualTo(before);
        }));
    }

    private String body(String user, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(users.as(user))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
