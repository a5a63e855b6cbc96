package nl.leefwereld.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The household plan end to end through the real app: versions and their comparison, forms that keep what was
 * typed, the API's exact fields and 404, the PDF's text, the demo plans, and no access for another team.
 */
@IntegrationTest
class PlanIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    HouseholdPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    MockMvc mvc;
    TestHouseholds.Fresh h;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        h = households.register(users.current("regisseur"), "centrum");
    }

    private MvcResult send(org.springframework.test.web.servlet.RequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn();
    }

    private String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void addGoal(String domain, String text) throws Exception {
        MvcResult r = send(post("/huishoudens/{id}/plan/doelen", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("goalDomain", domain).param("goalText", text));
        assertThat(r.getResponse().getStatus()).as(html(r)).isEqualTo(302);
    }

    private void addAgreement(String who, String what, LocalDate due) throws Exception {
        MvcResult r = send(post("/huishoudens/{id}/plan/afspraken", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("whoKind", "NETWORK_MEMBER").param("who", who).param("what", what).param("due", due.toString()));
        assertThat(r.getResponse().getStatus()).as(html(r)).isEqualTo(302);
    }

    private UUID agreementId(int index) {
        String id = jdbc.sql("""
                        SELECT snapshot -> 'agreements' -> :i ->> 'id' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1""")
                .param("i", index).param("h", h.householdId()).query(String.class).single();
        return UUID.fromString(id);
    }

    @Test
    void everyChangeIsANewVersionAndTwoVersionsCompareSideBySide() throws Exception {
        LocalDate today = LocalDate.now(clock);
        MvcResult empty = send(get("/huishoudens/{id}/plan", h.householdId()).with(users.as("regisseur")));
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(empty)).contains("Huishoudplan").contains("nog geen plan");

        addGoal("FINANCES", "Ik wil overzicht over mijn geld");
        addAgreement("Tante Ria", "Opent elke maandag samen de post", today.plusDays(14));
        String v2 = html(send(get("/huishoudens/{id}/plan", h.householdId()).with(users.as("regisseur"))));
        assertThat(v2).contains("Versie 2").contains("Financiën").contains("Tante Ria").contains("Opent elke maandag samen de post");

        // Not done without saying whether the fallback was used: an error next to the field, the typed note kept.
        UUID agreement = agreementId(0);
        MvcResult bad = send(post("/huishoudens/{id}/plan/afspraken/{a}", h.householdId(), agreement).with(csrf()).with(users.as("regisseur"))
                .param("status", "NOT_DONE").param("note", "Tante was ziek, drie weken"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(bad)).contains("Kies of het terugvalplan is gebruikt.").contains("Tante was ziek, drie weken");
        assertThat(versions()).isEqualTo(2);

        MvcResult ok = send(post("/huishoudens/{id}/plan/afspraken/{a}", h.householdId(), agreement).with(csrf()).with(users.as("regisseur"))
                .param("status", "NOT_DONE").param("note", "Tante was ziek, drie weken").param("fallbackUsed", "JA"));
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(versions()).isEqualTo(3);

        String compare = html(send(get("/huishoudens/{id}/plan/vergelijken", h.householdId()).param("van", "2").param("tot", "3")
                .with(users.as("regisseur"))));
        assertThat(compare).contains("versie 2 en versie 3 naast elkaar");
        assertThat(compare).as("the goal is the same in both").contains("Gelijk");
        assertThat(compare).as("the agreement changed, in words").contains("Gewijzigd").contains("<del>").contains("<ins>")
                .contains("niet gedaan (Tante was ziek, drie weken) · terugvalplan gebruikt");
        String fromOne = html(send(get("/huishoudens/{id}/plan/vergelijken", h.householdId()).param("van", "1").param("tot", "3")
                .with(users.as("regisseur"))));
        assertThat(fromOne).as("the agreement did not exist in version 1").contains("Toegevoegd").contains("(niet in deze versie)");

        // An earlier version can still be read as it was.
        String v1 = html(send(get("/huishoudens/{id}/plan", h.householdId()).param("versie", "1").with(users.as("regisseur"))));
        assertThat(v1).contains("Versie 1").contains("eerdere versie").doesNotContain("Opent elke maandag samen de post");

        // Versions are immutable in the database itself: the application role may not change or remove them (and a trigger
        // refuses it for any role).
        assertThatThrownBy(() -> jdbc.sql("UPDATE plan_version SET change_summary = 'x' WHERE household_id = :h").param("h", h.householdId()).update())
                .rootCause().hasMessageMatching("(?s).*(permission denied|insert-only).*");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM plan_version WHERE household_id = :h").param("h", h.householdId()).update())
                .rootCause().hasMessageMatching("(?s).*(permission denied|insert-only).*");
        assertThat(versions()).isEqualTo(3);
    }

    private int versions() {
        return jdbc.sql("SELECT count(*) FROM plan_version WHERE household_id = :h").param("h", h.householdId()).query(Integer.class).single();
    }

    @Test
    void formsShowDutchErrorsNextToTheFieldsAndKeepWhatWasTyped() throws Exception {
        MvcResult r = send(post("/huishoudens/{id}/plan/afspraken", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("whoKind", "NETWORK_MEMBER").param("who", "Buurman Henk").param("what", "").param("due", "31-02-2026"));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(r)).contains("Vul wat er gebeurt in.").contains("Vul de datum waarop het klaar is in als datum")
                .contains("value=\"Buurman Henk\"").contains("value=\"31-02-2026\"").contains("id=\"what-error\"");
        MvcResult f = send(post("/huishoudens/{id}/plan/kader", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("lowerBound", "Kinderen veilig").param("reviewOn", LocalDate.now(clock).plusDays(30).toString()));
        assertThat(html(f)).contains("Vul in wie de ondergrens stelde").contains("Vul in bij welke voortgang u evalueert").contains("Kinderen veilig");
        assertThat(versions()).isZero();
    }

    @Test
    void theApiGivesTheCurrentVersionWithExactFieldsAnd404WithoutAPlan() throws Exception {
        MvcResult none = send(get("/api/v1/households/{id}/plan", h.householdId()).with(users.as("regisseur")));
        assertThat(none.getResponse().getStatus()).isEqualTo(404);
        assertThat(none.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(send(get("/api/v1/households/{id}/plan/versions", h.householdId()).with(users.as("regisseur"))).getResponse().getStatus())
                .isEqualTo(404);

        LocalDate due = LocalDate.now(clock).plusDays(10);
        int v = plans.recordMeetingDecisions(users.current("procesbegeleider"), h.householdId(), new MeetingDecisions(UUID.randomUUID(),
                "Planbijeenkomst 1", List.of(new AgreementDraft("NETWORK_MEMBER", "Oom Kees", "Brengt de kinderen naar school", due, null)),
                "Lukt het niet, dan belt moeder haar zus", "Kinderen gaan elke dag naar school", "Veilig Thuis"));
        assertThat(v).isEqualTo(1);
        addGoal("HOUSING", "Een rustig huis");

        JsonNode plan = json.readTree(html(send(get("/api/v1/households/{id}/plan", h.householdId()).with(users.as("teamleider")))));
        assertThat(plan.path("version").asInt()).isEqualTo(2);
        assertThat(plan.path("fallback").asString()).isEqualTo("Lukt het niet, dan belt moeder haar zus");
        assertThat(plan.path("goals").get(0).path("lifeDomain").asString()).isEqualTo("HOUSING");
        JsonNode a = plan.path("agreements").get(0);
        assertThat(a.path("who").asString()).isEqualTo("Oom Kees");
        assertThat(a.path("what").asString()).isEqualTo("Brengt de kinderen naar school");
        assertThat(a.path("due").asString()).isEqualTo(due.toString());
        assertThat(a.path("status").asString()).isEqualTo("OPEN");
        assertThat(a.path("checkDate").asString()).as("no check date: the due date").isEqualTo(due.toString());
        assertThat(plan.path("lowerBoundSetBy").asString()).isEqualTo("Veilig Thuis");

        JsonNode versions = json.readTree(html(send(get("/api/v1/households/{id}/plan/versions", h.householdId()).with(users.as("regisseur")))));
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).path("goals").size()).isZero();
        assertThat(versions.get(1).path("goals").size()).isEqualTo(1);

        List<PlanItemRef> items = plans.linkableItems(users.current("regisseur"), h.householdId());
        assertThat(items).extracting(PlanItemRef::kind).containsExactly("GOAL", "AGREEMENT");
        assertThat(items.get(0).lifeDomain()).isEqualTo("HOUSING");
    }

    @Test
    void thePdfIsTheHouseholdsPlanInDutchWithNamesEuroAndDiaeresis() throws Exception {
        addGoal("FINANCES", "Ik wil mijn schulden van € 1.250 aflossen");
        addAgreement("Zoë " + h.lastName(), "Betaalt elke week € 25 af", LocalDate.now(clock).plusDays(20));
        MvcResult r = send(get("/huishoudens/{id}/plan/pdf", h.householdId()).with(users.as("regisseur")));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Huishoudplan").contains(h.lastName()).contains("Versie 2").contains("Financiën")
                    .contains("Zoë " + h.lastName()).contains("€ 25").contains("€ 1.250");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE household_id = :h AND action = 'EXPORT' AND record_type = 'HOUSEHOLD_PLAN'")
                .param("h", h.householdId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherTeamCannotReadThePlanOrTheAssessmentsByPageOrApi() throws Exception {
        addGoal("FINANCES", "Overzicht over geld");
        send(post("/huishoudens/{id}/leefgebieden", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("assessedOn", LocalDate.now(clock).toString()).param("pro_FINANCES", "2").param("res_FINANCES", "3"));
        // The own team sees the plan's summary and the development per domain on the household page: an SVG chart readable
        // without colour (solid vs dashed line, square vs round markers, numbers and words), the plan goal beside its domain.
        String page = html(send(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur"))));
        assertThat(page).contains("Huishoudplan").contains("Versie 1").contains("Ontwikkeling op de leefgebieden");
        String financien = page.substring(page.indexOf("id=\"leefgebied-finances\""));
        financien = financien.substring(0, financien.indexOf("</article>"));
        assertThat(financien).contains("<svg").contains("role=\"img\"").contains("Ontwikkeling Financiën").contains("stroke-dasharray")
                .contains("<rect").contains("<path").contains("Professional").contains("Inwoner zelf").contains("Overzicht over geld")
                .contains("professional 2, inwoner 3");
        for (String path : List.of("/huishoudens/{id}/plan", "/huishoudens/{id}/plan/vergelijken", "/huishoudens/{id}/plan/pdf",
                "/huishoudens/{id}/leefgebieden")) {
            MvcResult r = send(get(path, h.householdId()).with(users.as("regisseur.noord")));
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(html(r)).as(path).contains("Geen toegang").doesNotContain(h.lastName()).doesNotContain("Overzicht over geld");
        }
        for (String path : List.of("/api/v1/households/{id}/plan", "/api/v1/households/{id}/plan/versions", "/api/v1/households/{id}/assessments")) {
            MvcResult r = send(get(path, h.householdId()).with(users.as("regisseur.noord")));
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(r.getResponse().getContentType()).as(path).startsWith("application/problem+json");
            assertThat(html(r)).doesNotContain("Overzicht over geld");
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE household_id = :h AND actor_username = 'regisseur.noord' AND action = 'READ'""")
                .param("h", h.householdId()).query(Integer.class).single()).as("no read by the other team").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE household_id = :h AND actor_username = 'regisseur.noord' AND action = 'ACCESS_DENIED'""")
                .param("h", h.householdId()).query(Integer.class).single()).as("every refusal audited").isEqualTo(7);
    }

    @Test
    void theSixNoordoostpolderHouseholdsHavePlansWithAgreementsFallbackAndTwoAssessments() {
        for (String bsn : List.of("999984822", "999998481", "999960210", "999974051", "999990214", "999986739")) {
            UUID household = jdbc.sql("""
                            SELECT hm.household_id FROM person p JOIN household_member hm ON hm.municipality_code = p.municipality_code AND hm.person_id = p.id
                             WHERE p.municipality_code = '9999' AND p.bsn = :b""").param("b", bsn).query(UUID.class).single();
            assertThat(jdbc.sql("SELECT count(*) FROM plan_version WHERE household_id = :h").param("h", household).query(Integer.class).single())
                    .as(bsn + " versions").isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("""
                            SELECT jsonb_array_length(snapshot -> 'agreements') FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1""")
                    .param("h", household).query(Integer.class).single()).as(bsn + " agreements").isGreaterThanOrEqualTo(3);
            assertThat(jdbc.sql("SELECT snapshot ->> 'fallback' FROM plan_version WHERE household_id = :h ORDER BY version DESC LIMIT 1")
                    .param("h", household).query(String.class).single()).as(bsn + " fallback").isNotBlank();
            assertThat(jdbc.sql("SELECT count(DISTINCT assessed_on) FROM assessment WHERE household_id = :h").param("h", household)
                    .query(Integer.class).single()).as(bsn + " assessments at two moments").isEqualTo(2);
        }
    }
}
