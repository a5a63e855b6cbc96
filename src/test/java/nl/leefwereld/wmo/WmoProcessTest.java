package nl.leefwereld.wmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import nl.leefwereld.support.WmoFixtures;
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

/** The legal process through the real pages: states, order of support, decision letter PDF, objection, terms API, IDOR, audit. */
@IntegrationTest
class WmoProcessTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    MockMvc mvc;
    LocalDate today;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        today = LocalDate.now(clock);
    }

    private MvcResult form(String user, String path, Map<String, String> params) throws Exception {
        var b = post(path).with(csrf()).with(users.as(user));
        for (Map.Entry<String, String> p : params.entrySet()) {
            b = b.param(p.getKey(), p.getValue());
        }
        return mvc.perform(b).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void fromMeldingToObjectionWithTheLetterAsARealPdf() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
        String page = body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("Beschikking verstuurd").contains("Hulp bij het huishouden").contains("3 uur per week")
                .contains("Bent u het niet eens met dit besluit?");

        MvcResult pdf = mvc.perform(get("/wmo/verzoeken/" + id + "/beschikking.pdf").with(users.as("regisseur"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace("- ", "-");
        }
        String resident = jdbc.sql("SELECT p.first_name || ' ' || p.last_name FROM wmo_request r JOIN person p ON p.municipality_code = r.municipality_code"
                + " AND p.id = r.person_id WHERE r.id = ?").param(id).query(String.class).single();
        DateTimeFormatter nl = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        LegalTerms.Due objection = LegalTerms.due(today, TermLength.weeks(6), Map.of());
        assertThat(text).contains(resident).contains("Hulp bij het huishouden").contains("3 uur per week").contains("zorg in natura")
                .contains(nl.format(today) + " tot en met " + nl.format(today.plusYears(1))).contains("Zorg Thuis Leefstad")
                .contains("€ 21,80 per maand").contains("Bent u het niet eens met dit besluit?").contains("bezwaar maken")
                .contains(nl.format(objection.due())).contains("cliëntondersteuner");

        // Objection registered; an objection before the decision is refused as an illegal step.
        MvcResult objected = form("regisseur", "/wmo/verzoeken/" + id + "/bezwaar", Map.of("receivedOn", today.toString(), "grounds", "Te weinig uren"));
        assertThat(objected.getResponse().getStatus()).isEqualTo(302);
        UUID early = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.MELDING);
        MvcResult refused = form("regisseur", "/wmo/verzoeken/" + early + "/bezwaar", Map.of("receivedOn", today.toString(), "grounds", "Nee"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(refused)).contains("Dit kan nu niet: het verzoek staat op &#39;Melding ontvangen, onderzoek loopt&#39;");

        // The API: state, provision, co-payment as an exact decimal, terms.
        UUID household = jdbc.sql("SELECT household_id FROM wmo_request WHERE id = ?").param(id).query(UUID.class).single();
        JsonNode list = json.readTree(body(mvc.perform(get("/api/v1/households/" + household + "/wmo-requests").with(users.as("teamleider"))).andReturn()));
        JsonNode r = list.get(0);
        assertThat(r.path("state").asString()).isEqualTo("BEZWAAR");
        assertThat(r.path("copaymentPerMonth").asString()).isEqualTo("21.80");
        assertThat(r.path("provisions").get(0).path("tariff").asString()).isEqualTo("28.50");
        assertThat(r.path("orderOfSupportComplete").asBoolean()).isTrue();
        assertThat(r.path("terms").valueStream().map(t -> t.path("step").asString()).toList())
                .contains("PERSOONLIJK_PLAN", "ONDERZOEK", "BESCHIKKING", "BEZWAAR");
        // Every read is audited.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'WMO_REQUEST' AND record_id = ? AND action = 'READ'")
                .param(id.toString()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theDecisionOnTheObjectionHasItsTermPostponementLetterAndPanelLine() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BEZWAAR);
        DateTimeFormatter nl = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        LocalDate objectionEnd = LegalTerms.due(today, TermLength.weeks(6), Map.of()).due();
        LocalDate due = ObjectionDecision.due(objectionEnd, false, List.of(), Map.of(), today).due();
        String page = body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("Beslissing op het bezwaar").contains("Beslissing op bezwaar (6 weken)").contains("Beslis uiterlijk " + nl.format(due));

        // Postponement: at most 6 weeks, once, with a reason; suspension is not how the objection phase works.
        assertThat(body(form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "EXTEND", "changeOn", today.toString(), "weeks", "7",
                "reason", "Advies nodig")))).contains("Verdaag met 1 tot 6 weken (Awb 7:10 lid 3).");
        assertThat(body(form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "SUSPEND", "changeOn", today.toString(),
                "reason", "Wacht")))).contains("In de bezwaarfase kunt u de beslissing alleen verdagen");
        assertThat(form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "EXTEND", "changeOn", today.toString(), "weeks", "6",
                "reason", "Advies van de ergotherapeut nodig")).getResponse().getStatus()).isEqualTo(302);
        LocalDate postponed = ObjectionDecision.due(objectionEnd, false,
                List.of(new LegalTerms.Extension(TermLength.weeks(6), "x")), Map.of(), today).due();
        assertThat(body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn())).contains("Beslis uiterlijk " + nl.format(postponed));
        assertThat(body(form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "EXTEND", "changeOn", today.toString(), "weeks", "1",
                "reason", "Nog eens")))).contains("al verdaagd");

        // Bad input stays in the form with Dutch errors; the decision is then recorded.
        MvcResult bad = form("regisseur", "/wmo/verzoeken/" + id + "/beslissing-op-bezwaar", Map.of("objectionDecidedOn", today.minusDays(1).toString(),
                "objectionOutcome", "HALF", "objectionDecisionGrounds", "Het onderzoek was volledig"));
        assertThat(body(bad)).contains("De beslissing kan niet van voor het bezwaar").contains("Kies de uitkomst van het bezwaar")
                .contains("Het onderzoek was volledig");
        MvcResult decided = form("regisseur", "/wmo/verzoeken/" + id + "/beslissing-op-bezwaar", Map.of("objectionDecidedOn", today.toString(),
                "objectionOutcome", "UNFOUNDED", "objectionDecisionGrounds", "Het onderzoek was volledig en 3 uur per week past bij de situatie."));
        assertThat(decided.getResponse().getStatus()).as(body(decided)).isEqualTo(302);
        assertThat(jdbc.sql("SELECT state FROM wmo_request WHERE id = ?").param(id).query(String.class).single()).isEqualTo("BEZWAAR_BESLIST");
        String after = body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn());
        assertThat(after).contains("Beslissing op bezwaar genomen").contains("uw bezwaar is ongegrond").contains("Ons eerdere besluit blijft")
                .contains("beroep instellen bij de rechtbank").contains("Beslissing op bezwaar: ongegrond (" + nl.format(today) + ") – binnen de beslistermijn")
                .contains("verdaagd met 6 weken (Awb 7:10 lid 3): Advies van de ergotherapeut nodig");
        UUID household = jdbc.sql("SELECT household_id FROM wmo_request WHERE id = ?").param(id).query(UUID.class).single();
        assertThat(body(mvc.perform(get("/huishoudens/" + household).with(users.as("regisseur"))).andReturn()))
                .contains("Beslissing op bezwaar genomen: bezwaar ongegrond (" + nl.format(today) + ")");
        // A second decision is an illegal step.
        assertThat(body(form("regisseur", "/wmo/verzoeken/" + id + "/beslissing-op-bezwaar", Map.of("objectionDecidedOn", today.toString(),
                "objectionOutcome", "WELL_FOUNDED", "objectionDecisionGrounds", "Toch")))).contains("Dit kan nu niet");
    }

    @Test
    void anAdvisoryCommitteeGivesTwelveWeeks() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
        assertThat(form("regisseur", "/wmo/verzoeken/" + id + "/bezwaar", Map.of("receivedOn", today.toString(), "grounds", "Te weinig uren",
                "committee", "true")).getResponse().getStatus()).isEqualTo(302);
        LocalDate objectionEnd = LegalTerms.due(today, TermLength.weeks(6), Map.of()).due();
        LocalDate due = ObjectionDecision.due(objectionEnd, true, List.of(), Map.of(), today).due();
        assertThat(body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn()))
                .contains("Beslissing op bezwaar (12 weken)").contains("Beslis uiterlijk " + DateTimeFormatter.ofPattern("dd-MM-yyyy").format(due));
    }

    @Test
    void aConfiguredCoPaymentRateChangesTheDecisionsCoPayment() throws Exception {
        int year = today.getYear();
        try {
            String max = nl.leefwereld.catalog.Money.format(CoPayment.rateFor(today, java.util.Optional.empty()));
            MvcResult tooHigh = form("beheer", "/beheer/termijnen/eigen-bijdrage", Map.of("year", Integer.toString(year), "rate", "99,00"));
            assertThat(body(tooHigh)).contains("Het tarief mag niet hoger zijn dan het wettelijke maximum van " + max + " per maand in " + year + ".")
                    .contains("99,00");
            assertThat(body(form("beheer", "/beheer/termijnen/eigen-bijdrage", Map.of("year", "20x7", "rate", "19,005"))))
                    .contains("Vul het jaar in als vier cijfers, bijvoorbeeld 2027.").contains("Vul het bedrag per maand in euro in, bijvoorbeeld 19,00.");
            MvcResult saved = form("beheer", "/beheer/termijnen/eigen-bijdrage", Map.of("year", Integer.toString(year), "rate", "19,00"));
            assertThat(saved.getResponse().getStatus()).as(body(saved)).isEqualTo(302);
            assertThat(jdbc.sql("SELECT monthly_cents FROM wmo_copayment_rate WHERE municipality_code = '9999' AND year = ?").param(year)
                    .query(Long.class).single()).isEqualTo(1900L);
            assertThat(body(mvc.perform(get("/beheer/termijnen").with(users.as("beheer"))).andReturn())).contains("€ 19,00");

            UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
            assertThat(jdbc.sql("SELECT copayment_cents FROM wmo_request WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1900L);
            assertThat(body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn())).contains("€ 19,00 per maand");
        } finally {
            jdbc.sql("DELETE FROM wmo_copayment_rate WHERE municipality_code = '9999' AND year = ?").param(year).update();
        }
    }

    @Test
    void theApplicationRoleCannotRewriteOrRemoveARequestsHistory() {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.MELDING);
        long events = jdbc.sql("SELECT count(*) FROM wmo_request_event WHERE request_id = ?").param(id).query(Long.class).single();
        assertThat(events).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE wmo_request_event SET summary = 'herschreven' WHERE request_id = ?")
                .param(id).update()).isInstanceOf(org.springframework.dao.DataAccessException.class).hasStackTraceContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM wmo_request_event WHERE request_id = ?").param(id).update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class).hasStackTraceContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("TRUNCATE wmo_request_event CASCADE").update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThat(jdbc.sql("SELECT count(*) FROM wmo_request_event WHERE request_id = ? AND summary <> 'herschreven'").param(id)
                .query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void aCustomProvisionNeedsTheOrderOfSupportFirst() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.MELDING);
        Map<String, String> without = new java.util.HashMap<>(WmoFixtures.investigation(today));
        without.put("customProposed", "true");
        without.put("whyNotEnough", "");
        MvcResult r = form("regisseur", "/wmo/verzoeken/" + id + "/onderzoek", without);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(r)).contains("Vul waarom eigen kracht, netwerk en algemene voorzieningen niet genoeg zijn in.");
        without.put("customProposed", "false");
        assertThat(form("regisseur", "/wmo/verzoeken/" + id + "/onderzoek", without).getResponse().getStatus()).isEqualTo(302);
        assertThat(form("regisseur", "/wmo/verzoeken/" + id + "/aanvraag", Map.of("aanvraagOn", today.toString())).getResponse().getStatus()).isEqualTo(302);
        MvcResult decision = form("regisseur", "/wmo/verzoeken/" + id + "/beschikking", WmoFixtures.decision(jdbc, today));
        assertThat(decision.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(decision)).contains("Vul eerst in het onderzoek de volgorde van ondersteuning in");
        assertThat(jdbc.sql("SELECT state FROM wmo_request WHERE id = ?").param(id).query(String.class).single()).isEqualTo("AANVRAAG");
    }

    @Test
    void aPgbIsCappedAtTheCheapestInKindTariffAndShownInTheDecision() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.AANVRAAG);
        Map<String, String> d = new java.util.HashMap<>(WmoFixtures.decision(jdbc, today));
        d.put("provisionId", jdbc.sql("SELECT id::text FROM provision WHERE municipality_code = '9999' AND name = 'Hulp bij het huishouden (niet gecontracteerd)'")
                .query(String.class).single());
        d.put("form", "PGB");
        d.put("pgbTariff", "31,00");
        d.put("pgbCanManage", "Dochter doet de administratie");
        d.put("pgbMotivated", "Wil vaste hulp die zij kent");
        d.put("pgbQuality", "Hulp heeft een VOG en ervaring");
        d.put("careAgreementOn", today.toString());
        MvcResult r = form("regisseur", "/wmo/verzoeken/" + id + "/beschikking", d);
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(jdbc.sql("SELECT pgb_amount_cents FROM wmo_decision_line WHERE request_id = ?").param(id).query(Long.class).single()).isEqualTo(8550);
        String page = body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("€ 85,50").contains("€ 28,50");
        // Without the reasons for the three conditions: refused at the fields.
        UUID other = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.AANVRAAG);
        d.put("pgbMotivated", "");
        MvcResult missing = form("regisseur", "/wmo/verzoeken/" + other + "/beschikking", d);
        assertThat(body(missing)).contains("Vul waarom de inwoner een pgb wil (voorwaarde 2) in.");
    }

    @Test
    void suspensionMovesTheDueDateAndTheHistorySaysWhy() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.MELDING);
        MvcResult s = form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "SUSPEND", "changeOn", today.toString(),
                "reason", "Wacht op gegevens van de huisarts"));
        assertThat(s.getResponse().getStatus()).as(body(s)).isEqualTo(302);
        String page = body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("opgeschort").contains("Wacht op gegevens van de huisarts");
        MvcResult x = form("regisseur", "/wmo/verzoeken/" + id + "/termijn", Map.of("kind", "EXTEND", "changeOn", today.toString(), "weeks", "2",
                "reason", "Advies van de ergotherapeut nodig"));
        assertThat(x.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(mvc.perform(get("/wmo/verzoeken/" + id).with(users.as("regisseur"))).andReturn())).contains("Verlengd met 2 weken: Advies van de ergotherapeut nodig");
    }

    @Test
    void anotherTeamsRequestIsRefusedAndAuditedAndAnUnknownOneIs404() throws Exception {
        UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
        UUID household = jdbc.sql("SELECT household_id FROM wmo_request WHERE id = ?").param(id).query(UUID.class).single();
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND household_id = ?").param(household).query(Long.class).single();
        for (String path : new String[] {"/wmo/verzoeken/" + id, "/wmo/verzoeken/" + id + "/beschikking.pdf"}) {
            MvcResult r = mvc.perform(get(path).with(users.as("regisseur.zuid"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(body(r)).doesNotContain("Hulp bij het huishouden");
        }
        MvcResult write = form("regisseur.zuid", "/wmo/verzoeken/" + id + "/bezwaar", Map.of("receivedOn", today.toString(), "grounds", "x"));
        assertThat(write.getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/households/" + household + "/wmo-requests").with(users.as("regisseur.zuid"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND household_id = ?").param(household)
                .query(Long.class).single()).isGreaterThanOrEqualTo(before + 4);
        assertThat(jdbc.sql("SELECT state FROM wmo_request WHERE id = ?").param(id).query(String.class).single()).isEqualTo("BESCHIKT");
        assertThat(mvc.perform(get("/wmo/verzoeken/" + UUID.randomUUID()).with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theTermOverviewShowsRunningTermsTheShareInTimeAndDecisionsThatEndSoon() throws Exception {
        UUID running = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.AANVRAAG);
        UUID ending = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.AANVRAAG);
        Map<String, String> d = new java.util.HashMap<>(WmoFixtures.decision(jdbc, today));
        d.put("endOn", today.plusWeeks(4).toString());
        assertThat(form("regisseur", "/wmo/verzoeken/" + ending + "/beschikking", d).getResponse().getStatus()).isEqualTo(302);
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
        String page = body(mvc.perform(get("/wmo/termijnen").with(users.as("teamleider"))).andReturn());
        String runningName = jdbc.sql("SELECT 'Huishouden ' || p.last_name FROM wmo_request r JOIN person p ON p.municipality_code = r.municipality_code"
                + " AND p.id = r.person_id WHERE r.id = ?").param(running).query(String.class).single();
        assertThat(page).contains(runningName).contains("Herbeoordeling").contains("Hulp bij het huishouden loopt af op "
                + DateTimeFormatter.ofPattern("dd-MM-yyyy").format(today.plusWeeks(4)) + " (nog 28 dagen)")
                .contains("Wijkteam Centrum-Haven").contains("Aandeel op tijd");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE id > ? AND actor_username = 'teamleider' AND record_type = 'WMO_REQUEST'"
                + " AND record_id = ? AND reason = 'termijnoverzicht'").params(before, running.toString()).query(Long.class).single()).isEqualTo(1);
        // Another team's case director does not see this team's requests.
        assertThat(body(mvc.perform(get("/wmo/termijnen").with(users.as("regisseur.zuid"))).andReturn())).doesNotContain(runningName);
    }

    @Test
    void theTermCalculatorAnswersTheContract() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/terms/due?law=WMO&step=ONDERZOEK&from=2027-03-24").with(users.as("beleid"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode j = json.readTree(body(r));
        assertThat(j.propertyNames()).containsExactly("law", "step", "from", "due", "moved", "reason");
        assertThat(j.path("due").asString()).isEqualTo("2027-05-07");
        assertThat(j.path("moved").asBoolean()).isTrue();
        assertThat(j.path("reason").asString()).startsWith("valt op Bevrijdingsdag");
        MvcResult bad = mvc.perform(get("/api/v1/terms/due?law=WMO&step=ONDERZOEK&from=24-03-2027").with(users.as("regisseur"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(body(bad)).path("errors").propertyNames()).containsExactly("from");
        MvcResult badLaw = mvc.perform(get("/api/v1/terms/due?law=AWBZ&step=ONDERZOEK&from=2027-03-24").with(users.as("regisseur"))).andReturn();
        assertThat(json.readTree(body(badLaw)).path("errors").propertyNames()).containsExactly("law");
        assertThat(mvc.perform(get("/api/v1/terms/due?law=WMO&step=ONDERZOEK&from=2027-03-24").with(users.as("inwoner"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }
}
