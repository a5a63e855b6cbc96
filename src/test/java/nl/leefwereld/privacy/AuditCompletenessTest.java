package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.SearchRequests;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Audit completeness, table-driven: for every route that shows personal data, N requests write exactly N × the
 * expected audit rows (action, record type, the household or person they are about) and nothing else for that user.
 * The households are this test's own (random names), so the expected rows are exact.
 *
 * <p>To adjust: one {@link Row} per route in {@link #table()}. Refused reads (ACCESS_DENIED) and reads shown in a
 * transaction that is rolled back (the duplicate warning) are rows too: what a user saw or tried is always logged.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCompletenessTest {

    static final int N = 3;

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
    Administration admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SearchRequests search;
    /** A household of Wijkteam Centrum-Haven with one member, one network member, a case and a notification. */
    TestHouseholds.Fresh centrum;
    /** A household in a district of its own, served by a team of its own with one case director: {@link #ownDirector}. */
    TestHouseholds.Fresh own;
    String ownDirector;
    /** A case return of the own household (returns module). */
    UUID ownReturn;
    /** A custom-budget request of the own household, waiting for the own team's decision (budget module). */
    UUID ownBudgetRequest;
    /** A household of Centrum-Haven with a household plan (two versions) and one life-domain assessment. */
    TestHouseholds.Fresh planned;
    @Autowired
    nl.leefwereld.plan.HouseholdPlans plans;

    record Row(String name, String user, Function<AuditCompletenessTest, MockHttpServletRequestBuilder> request, int status,
               Function<AuditCompletenessTest, Map<String, Integer>> expected) {
    }

    @BeforeAll
    void setUp() throws Exception {
        mvc = Mvc.of(context);
        search = new SearchRequests(mappings);
        centrum = households.register(users.current("regisseur"), "centrum");
        mvc.perform(post("/api/v1/households/{id}/network-members", centrum.householdId()).with(users.as("regisseur"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "INFORMAL", "name": "Buurman Piet", "relation": "buurman", "role": "Boodschappen"}
                        """)).andReturn();
        String m = users.current("regisseur").municipalityCode();
        String tag = TestHouseholds.letters(8);
        String district = "au-" + tag;
        admin.createDistrict(m, district, "Auditwijk " + tag);
        UUID team = admin.createTeam(m, "Auditteam " + tag, Set.of(district));
        ownDirector = "audit." + tag;
        admin.createUser(m, new Administration.NewUser(ownDirector, "Audit Regisseur", null, team, EnumSet.of(Role.CASE_DIRECTOR),
                "Een-lang-wachtwoord-2026", null), null, "audit-test");
        own = households.register(users.current(ownDirector), district);
        wmoRequest = nl.leefwereld.support.WmoFixtures.request(mvc, users, households, jdbc, LocalDate.now(clock),
                nl.leefwereld.support.WmoFixtures.Stage.BESCHIKT);
        wmoHousehold = jdbc.sql("SELECT household_id FROM wmo_request WHERE id = ?").param(wmoRequest).query(UUID.class).single();
        wmoPerson = jdbc.sql("SELECT person_id FROM wmo_request WHERE id = ?").param(wmoRequest).query(UUID.class).single();
        ownReturn = nl.leefwereld.returns.ReturnsTestFixtures.caseReturn(jdbc, m, own.householdId(), users.current(ownDirector).id());
        ownBudgetRequest = nl.leefwereld.budget.BudgetTestFixtures.request(jdbc, m, own.householdId(), team);
        centrumMeeting = meetings.start(users.current("procesbegeleider"), centrum.householdId(), centrum.headPersonId().toString(), "");
        // A household with a plan in two versions and one assessment (one without the first would show neither).
        planned = households.register(users.current("regisseur"), "centrum");
        plans.recordMeetingDecisions(users.current("regisseur"), planned.householdId(), new nl.leefwereld.plan.MeetingDecisions(null,
                "Planbijeenkomst audit", List.of(new nl.leefwereld.plan.AgreementDraft("NETWORK_MEMBER", "Oom Audit", "Haalt de kinderen op",
                LocalDate.now(clock).plusDays(7), null)), "Dan belt moeder haar zus", null, null));
        mvc.perform(post("/huishoudens/{id}/plan/doelen", planned.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("goalDomain", "FINANCES").param("goalText", "Overzicht over geld")).andReturn();
        mvc.perform(post("/huishoudens/{id}/leefgebieden", planned.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("assessedOn", LocalDate.now(clock).toString()).param("pro_FINANCES", "2").param("res_FINANCES", "3")).andReturn();
        complaint = complaint(m, centrum.householdId(), users.current("regisseur").teamId());
        complaint(m, own.householdId(), team);
    }

    /** A planning meeting of the centrum household (made before any row is counted). */
    UUID centrumMeeting;
    @Autowired
    nl.leefwereld.meeting.RecordingMeeting meetings;

    UUID centrumMeeting() {
        return centrumMeeting;
    }

    /** A complaint of this test's own (the own team's register then lists exactly one). */
    UUID complaint;

    private UUID complaint(String m, UUID household, UUID team) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_complaint (municipality_code, id, law, category, received_on, from_kind, household_id, team_id, summary, created_at, created_by)
                VALUES (?, ?, 'WMO', 'TREATMENT', ?, 'RESIDENT', ?, ?, 'Auditklacht', now(), ?)""")
                .params(m, id, LocalDate.now(clock), household, team, users.current("regisseur").id()).update();
        return id;
    }

    /** A decided Wmo request of a household of this test's own (team Centrum-Haven). */
    UUID wmoRequest;
    UUID wmoHousehold;
    UUID wmoPerson;

    List<Row> table() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("huishoudpagina (leden, netwerk, zaak, tijdlijn, meldingen)", "regisseur",
                t -> get("/huishoudens/{id}", t.centrum.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD " + t.centrum.householdId(), "READ PERSON " + t.centrum.headPersonId(),
                        "READ NETWORK " + t.centrum.householdId(), "READ CASE " + t.centrum.householdId(),
                        "READ NOTIFICATION " + t.centrum.householdId(), "READ MEETING " + t.centrum.headPersonId())));
        rows.add(new Row("huishouden-API", "teamleider", t -> get("/api/v1/households/{id}", t.centrum.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD " + t.centrum.householdId(), "READ PERSON " + t.centrum.headPersonId(),
                        "READ NETWORK " + t.centrum.householdId())));
        rows.add(new Row("toestemmingen-API", "procesbegeleider", t -> get("/api/v1/households/{id}/consents", t.centrum.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD " + t.centrum.householdId(), "READ PERSON " + t.centrum.headPersonId(),
                        "READ NETWORK " + t.centrum.householdId())));
        rows.add(new Row("lidpagina (gegevens wijzigen, geschiedenis)", "regisseur",
                t -> get("/huishoudens/{id}/leden/{p}", t.centrum.householdId(), t.centrum.headPersonId()), 200,
                t -> rowsOf("READ PERSON " + t.centrum.headPersonId())));
        rows.add(new Row("zoeken (API) op achternaam", "regisseur", t -> t.search.api(t.centrum.lastName()), 200,
                t -> rowsOf("SEARCH PERSON " + t.centrum.headPersonId())));
        rows.add(new Row("zoeken (API) op BSN", "regisseur", t -> t.search.api(t.centrum.bsn()), 200,
                t -> rowsOf("SEARCH PERSON " + t.centrum.headPersonId())));
        rows.add(new Row("zoeken (scherm) op achternaam", "teamleider", t -> t.search.page(t.centrum.lastName()), 200,
                t -> rowsOf("SEARCH PERSON " + t.centrum.headPersonId())));
        rows.add(new Row("Mijn werk (scherm)", ownDirector, t -> get("/mijn-werk"), 200,
                t -> rowsOf("READ HOUSEHOLD_SUMMARY " + t.own.householdId())));
        rows.add(new Row("Mijn werk (API)", ownDirector, t -> get("/api/v1/my-work"), 200,
                t -> rowsOf("READ HOUSEHOLD_SUMMARY " + t.own.householdId())));
        rows.add(new Row("werkvoorraad team (scherm)", ownDirector, t -> get("/teams/{id}/werkvoorraad", t.users.current(t.ownDirector).teamId()), 200,
                t -> rowsOf("READ HOUSEHOLD_SUMMARY " + t.own.householdId())));
        rows.add(new Row("werkvoorraad team (API)", ownDirector, t -> get("/api/v1/teams/{id}/caseload", t.users.current(t.ownDirector).teamId()), 200,
                t -> rowsOf("READ HOUSEHOLD_SUMMARY " + t.own.householdId())));
        rows.add(new Row("nieuwe melding bij bestaand huishouden", "regisseur",
                t -> get("/meldingen/nieuw").param("huishouden", t.centrum.householdId().toString()), 200,
                t -> rowsOf("READ HOUSEHOLD_SUMMARY " + t.centrum.householdId())));
        rows.add(new Row("inzage (scherm)", "privacy",
                t -> post("/privacy/inzage").with(csrf()).param("bsn", t.own.bsn()).param("request", "INZ-AUDIT-1"), 200,
                t -> rowsOf("EXPORT INZAGE " + t.own.headPersonId())));
        rows.add(new Row("inzage (API)", "privacy", t -> post("/api/v1/inzage").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bsn\": \"" + t.own.bsn() + "\", \"request\": \"INZ-AUDIT-2\"}"), 200,
                t -> rowsOf("EXPORT INZAGE " + t.own.headPersonId())));
        rows.add(new Row("auditlog gezocht op BSN (scherm)", "privacy",
                t -> post("/privacy/audit").with(csrf()).param("bsn", t.own.bsn()), 200,
                t -> rowsOf("SEARCH AUDIT_LOG " + t.own.headPersonId())));
        rows.add(new Row("auditlog als CSV (scherm)", "privacy",
                t -> post("/privacy/audit/export").with(csrf()).param("household", t.own.householdId().toString()), 200,
                t -> rowsOf("EXPORT AUDIT_LOG " + t.own.householdId())));
        rows.add(new Row("auditlog als CSV (API)", "privacy",
                t -> get("/api/v1/audit-events/export").param("personId", t.own.headPersonId().toString()), 200,
                t -> rowsOf("EXPORT AUDIT_LOG " + t.own.headPersonId())));
        rows.add(new Row("rendement van een huishouden (scherm)", ownDirector,
                t -> get("/huishoudens/{id}/rendement/{r}", t.own.householdId(), t.ownReturn), 200,
                t -> rowsOf("READ CASE_RETURN " + t.own.householdId())));
        rows.add(new Row("geweigerd: rendement van een ander team", "regisseur",
                t -> get("/huishoudens/{id}/rendement/{r}", t.own.householdId(), t.ownReturn), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.own.householdId())));
        rows.add(new Row("maatwerkbudget-aanvraag (scherm)", ownDirector,
                t -> get("/huishoudens/{id}/maatwerkbudget/{r}", t.own.householdId(), t.ownBudgetRequest), 200,
                t -> rowsOf("READ BUDGET_REQUEST " + t.own.householdId())));
        rows.add(new Row("geweigerd: maatwerkbudget van een ander team", "regisseur",
                t -> get("/huishoudens/{id}/maatwerkbudget/{r}", t.own.householdId(), t.ownBudgetRequest), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.own.householdId())));
        rows.add(new Row("maatwerkbudget van het team (scherm: wacht op mijn besluit)", ownDirector, t -> get("/maatwerkbudget"), 200,
                t -> rowsOf("READ BUDGET_REQUEST " + t.own.householdId())));
        rows.add(new Row("planbijeenkomsten-API", "teamleider", t -> get("/api/v1/households/{id}/meetings", t.centrum.householdId()), 200,
                t -> rowsOf("READ MEETING " + t.centrum.headPersonId())));
        rows.add(new Row("planbijeenkomst (scherm: bijeenkomst, huishouden, leden, netwerk)", "procesbegeleider",
                t -> get("/bijeenkomsten/{id}", t.centrumMeeting()), 200,
                t -> rowsOf("READ MEETING " + t.centrum.headPersonId(), "READ HOUSEHOLD " + t.centrum.householdId(),
                        "READ PERSON " + t.centrum.headPersonId(), "READ NETWORK " + t.centrum.householdId())));
        rows.add(new Row("geweigerd: planbijeenkomsten-API van een ander team", "regisseur.noord",
                t -> get("/api/v1/households/{id}/meetings", t.centrum.householdId()), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.centrum.householdId())));
        rows.add(new Row("huishoudplan (scherm)", "regisseur", t -> get("/huishoudens/{id}/plan", t.planned.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD_PLAN " + t.planned.householdId(), "READ HOUSEHOLD_PLAN_VERSIONS " + t.planned.householdId())));
        rows.add(new Row("huishoudplan: versies vergelijken", "regisseur", t -> get("/huishoudens/{id}/plan/vergelijken", t.planned.householdId())
                .param("van", "1").param("tot", "2"), 200,
                t -> rowsOf("READ HOUSEHOLD_PLAN_VERSIONS " + t.planned.householdId(), "READ HOUSEHOLD_PLAN " + t.planned.householdId(),
                        "READ HOUSEHOLD_PLAN " + t.planned.householdId())));
        rows.add(new Row("huishoudplan als PDF", "teamleider", t -> get("/huishoudens/{id}/plan/pdf", t.planned.householdId()), 200,
                t -> rowsOf("EXPORT HOUSEHOLD_PLAN " + t.planned.householdId())));
        rows.add(new Row("huishoudplan (API)", "procesbegeleider", t -> get("/api/v1/households/{id}/plan", t.planned.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD_PLAN " + t.planned.householdId())));
        rows.add(new Row("versies huishoudplan (API)", "regisseur", t -> get("/api/v1/households/{id}/plan/versions", t.planned.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD_PLAN_VERSIONS " + t.planned.householdId())));
        rows.add(new Row("metingen leefgebieden (API)", "regisseur", t -> get("/api/v1/households/{id}/assessments", t.planned.householdId()), 200,
                t -> rowsOf("READ ASSESSMENT " + t.planned.householdId())));
        rows.add(new Row("leefgebieden (scherm)", "teamleider", t -> get("/huishoudens/{id}/leefgebieden", t.planned.householdId()), 200,
                t -> rowsOf("READ HOUSEHOLD " + t.planned.householdId(), "READ PERSON " + t.planned.headPersonId(),
                        "READ ASSESSMENT " + t.planned.householdId(), "READ HOUSEHOLD_PLAN " + t.planned.householdId())));
        rows.add(new Row("geweigerd: huishoudplan van een ander team", "regisseur.noord",
                t -> get("/huishoudens/{id}/plan", t.planned.householdId()), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.planned.householdId())));
        rows.add(new Row("geweigerd: metingen-API van een ander team", "regisseur.noord",
                t -> get("/api/v1/households/{id}/assessments", t.planned.householdId()), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.planned.householdId())));
        // Refused: another team's professional. No READ row ever, but the refusal itself is audited.
        rows.add(new Row("Wmo-verzoek met beschikkingsbrief (scherm)", "regisseur", t -> get("/wmo/verzoeken/{id}", t.wmoRequest), 200,
                t -> rowsOf("READ WMO_REQUEST " + t.wmoPerson, "READ HOUSEHOLD " + t.wmoHousehold, "READ PERSON " + t.wmoPerson)));
        rows.add(new Row("beschikkingsbrief als PDF", "teamleider", t -> get("/wmo/verzoeken/{id}/beschikking.pdf", t.wmoRequest), 200,
                t -> rowsOf("READ WMO_REQUEST " + t.wmoPerson, "READ HOUSEHOLD " + t.wmoHousehold, "READ PERSON " + t.wmoPerson)));
        rows.add(new Row("Wmo-verzoeken (API)", "procesbegeleider", t -> get("/api/v1/households/{id}/wmo-requests", t.wmoHousehold), 200,
                t -> rowsOf("READ WMO_REQUEST " + t.wmoPerson)));
        rows.add(new Row("klachtenregister van het eigen team", ownDirector, t -> get("/wmo/klachten"), 200,
                t -> rowsOf("READ COMPLAINT " + t.own.householdId())));
        rows.add(new Row("klacht", "regisseur", t -> get("/wmo/klachten/{id}", t.complaint), 200,
                t -> rowsOf("READ COMPLAINT " + t.centrum.householdId())));
        rows.add(new Row("klacht vastleggen (formulier met huishouden en verzoeken)", "teamleider",
                t -> get("/huishoudens/{id}/klachten/nieuw", t.centrum.householdId()), 200, t -> rowsOf("READ HOUSEHOLD " + t.centrum.householdId())));
        rows.add(new Row("geweigerd: klacht van een ander team", "regisseur.noord", t -> get("/wmo/klachten/{id}", t.complaint), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.centrum.householdId())));
        rows.add(new Row("geweigerd: Wmo-verzoek van een ander team", "regisseur.noord", t -> get("/wmo/verzoeken/{id}", t.wmoRequest), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.wmoHousehold)));
        rows.add(new Row("geweigerd: huishoudpagina van een ander team", "regisseur.noord",
                t -> get("/huishoudens/{id}", t.centrum.householdId()), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.centrum.householdId())));
        rows.add(new Row("geweigerd: huishouden-API van een ander team", "regisseur.noord",
                t -> get("/api/v1/households/{id}", t.centrum.householdId()), 403,
                t -> rowsOf("ACCESS_DENIED HOUSEHOLD " + t.centrum.householdId())));
        {
            // Rolled back: the duplicate warning shows the existing person, then the transaction is rolled back.
            rows.add(new Row("teruggedraaid: waarschuwing dubbele registratie", "regisseur", t -> post("/meldingen").with(csrf())
                    .param("firstName", t.centrum.firstName()).param("lastName", t.centrum.lastName()).param("birthDate", t.centrum.birthDate().toString())
                    .param("street", "Anderestraat").param("houseNumber", "9").param("postalCode", "8399 ZZ").param("city", "Leefstad")
                    .param("districtCode", "centrum").param("channel", "KCC_PHONE").param("receivedOn", LocalDate.now(t.clock).toString())
                    .param("questionAsAsked", "Hulp gevraagd"), 200,
                    t -> rowsOf("SEARCH PERSON " + t.centrum.headPersonId())));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteThatShowsPersonalDataWritesExactlyTheExpectedAuditRows() {
        return table().stream().map(row -> dynamicTest(row.name() + " als " + row.user(), () -> {
            long before = lastAuditId();
            for (int i = 0; i < N; i++) {
                int status = mvc.perform(row.request().apply(this).with(users.as(row.user()))).andReturn().getResponse().getStatus();
                assertThat(status).as(row.name() + " request " + (i + 1)).isEqualTo(row.status());
            }
            Map<String, Integer> expected = new TreeMap<>();
            row.expected().apply(this).forEach((k, v) -> expected.put(k, v * N));
            assertThat(auditRowsSince(before, row.user())).as(row.name() + ": audit rows of " + row.user() + " after " + N + " requests")
                    .isEqualTo(expected);
        }));
    }

    /** The duplicate warning names the existing person although its transaction is rolled back (audited: see the table). */
    @TestFactory
    Stream<DynamicTest> theRolledBackDuplicateWarningShowsTheExistingPerson() {
        return Stream.of(dynamicTest("POST /meldingen met een bestaande naam en geboortedatum toont de waarschuwing", () -> {
            String html = mvc.perform(post("/meldingen").with(csrf()).with(users.as("regisseur"))
                    .param("firstName", centrum.firstName()).param("lastName", centrum.lastName()).param("birthDate", centrum.birthDate().toString())
                    .param("street", "Anderestraat").param("houseNumber", "9").param("postalCode", "8399 ZZ").param("city", "Leefstad")
                    .param("districtCode", "centrum").param("channel", "KCC_PHONE").param("receivedOn", LocalDate.now(clock).toString())
                    .param("questionAsAsked", "Hulp gevraagd")).andReturn().getResponse().getContentAsString();
            assertThat(html).as("the duplicate warning names the existing person").contains(centrum.lastName());
        }));
    }

    static Map<String, Integer> rowsOf(String... keys) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.merge(k, 1, Integer::sum);
        }
        return m;
    }

    long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    /** "ACTION RECORD_TYPE subject" → count, where subject is the person, else the household, of the row. */
    Map<String, Integer> auditRowsSince(long id, String actor) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.sql("""
                SELECT action || ' ' || record_type || ' ' || coalesce(person_id::text, household_id::text, '-') AS k, count(*) AS n
                  FROM audit_event WHERE id > :id AND actor_username = :u GROUP BY 1
                """).param("id", id).param("u", actor).query((rs, i) -> Map.entry(rs.getString("k"), rs.getInt("n"))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
