package nl.leefwereld.wmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import nl.leefwereld.support.WmoFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/** The complaints register (Awb ch. 9) through the real pages: term with Atw, extension, handling, access, audit, figures without personal data. */
@IntegrationTest
class ComplaintRegisterTest {

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

    private String page(String user, String path) throws Exception {
        return body(mvc.perform(get(path).with(users.as(user))).andReturn());
    }

    static Map<String, String> complaint(String receivedOn, String requestId) {
        Map<String, String> f = new HashMap<>(Map.of("law", "WMO", "category", "CO_PAYMENT", "receivedOn", receivedOn, "from", "REPRESENTATIVE",
                "representative", "Mr. De Wit (bewindvoerder)", "summary", "De eigen bijdrage is te hoog voor haar inkomen"));
        f.put("requestId", requestId == null ? "" : requestId);
        return f;
    }

    @Test
    void aComplaintIsDueSixWeeksAfterReceiptMovedPastKingsDayAndExtendedPastWhitMonday() throws Exception {
        UUID request = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
        UUID household = jdbc.sql("SELECT household_id FROM wmo_request WHERE id = ?").param(request).query(UUID.class).single();
        assertThat(page("regisseur", "/huishoudens/" + household)).contains("/huishoudens/" + household + "/klachten/nieuw");
        String newForm = page("regisseur", "/huishoudens/" + household + "/klachten/nieuw");
        assertThat(newForm).contains("Eigen bijdrage").contains("Bejegening").contains("Anders").contains(request.toString());

        // Received Monday 16-03-2026: 6 weeks end on King's Day (Monday 27-04-2026), so the term ends Tuesday 28-04-2026.
        MvcResult created = form("regisseur", "/huishoudens/" + household + "/klachten", complaint("2026-03-16", request.toString()));
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(302);
        UUID id = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/wmo/klachten/".length()));
        String detail = page("regisseur", "/wmo/klachten/" + id);
        assertThat(detail).contains("Eigen bijdrage").contains("Mr. De Wit (bewindvoerder)").contains("28-04-2026").contains("Koningsdag")
                .contains("/wmo/verzoeken/" + request);

        // Extension by at most 4 weeks, once, with a reason: 27-04 + 4 weeks is Whit Monday 25-05-2026 → Tuesday 26-05-2026.
        assertThat(body(form("regisseur", "/wmo/klachten/" + id + "/verlengen", Map.of("weeks", "5", "reason", "Gesprek lukt niet eerder"))))
                .contains("Verleng met 1 tot 4 weken (Awb 9:11).");
        assertThat(form("regisseur", "/wmo/klachten/" + id + "/verlengen", Map.of("weeks", "4", "reason", "Gesprek lukt niet eerder"))
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(page("regisseur", "/wmo/klachten/" + id)).contains("26-05-2026").contains("Verlengd met 4 weken: Gesprek lukt niet eerder");
        assertThat(body(form("regisseur", "/wmo/klachten/" + id + "/verlengen", Map.of("weeks", "1", "reason", "Nog eens"))))
                .contains("De termijn is al verlengd. Dat kan maar één keer.");

        // Handling: who, how, outcome, closed date; typed input stays on an error.
        MvcResult wrong = form("regisseur", "/wmo/klachten/" + id + "/afhandelen", Map.of("handledBy", "J. Jansen", "handledHow", "FAX",
                "outcome", "Bijdrage uitgelegd", "closedOn", "2026-03-01"));
        assertThat(body(wrong)).contains("Kies hoe de klacht is behandeld").contains("De klacht kan niet voor de ontvangst (16-03-2026) zijn afgehandeld.")
                .contains("Bijdrage uitgelegd");
        assertThat(form("regisseur", "/wmo/klachten/" + id + "/afhandelen", Map.of("handledBy", "J. Jansen", "handledHow", "CONVERSATION",
                "outcome", "Bijdrage uitgelegd; minimaregeling aangevraagd", "closedOn", "2026-05-20")).getResponse().getStatus()).isEqualTo(302);
        String closed = page("teamleider", "/wmo/klachten/" + id);
        assertThat(closed).contains("J. Jansen").contains("In een gesprek").contains("20-05-2026").contains("afgehandeld binnen de termijn");

        // The team's register lists it (and audits the list); every read and change is audited.
        String register = page("teamleider", "/wmo/klachten");
        assertThat(register).contains("/wmo/klachten/" + id).contains("26-05-2026");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'COMPLAINT' AND record_id = ? AND action = 'READ'")
                .param(id.toString()).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'COMPLAINT' AND record_id = ? AND action IN ('CREATE','UPDATE')")
                .param(id.toString()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedAtTheFieldsAndNothingTypedIsLost() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        Map<String, String> f = complaint(today.plusDays(1).toString(), UUID.randomUUID().toString());
        f.put("representative", "");
        f.put("category", "PRIJS");
        MvcResult r = form("regisseur", "/huishoudens/" + h.householdId() + "/klachten", f);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(r)).contains("De datum ligt in de toekomst.").contains("Vul de naam van de vertegenwoordiger in.")
                .contains("Kies een verzoek van dit huishouden.").contains("Kies waar de klacht over gaat")
                .contains("De eigen bijdrage is te hoog voor haar inkomen");
        assertThat(jdbc.sql("SELECT count(*) FROM wmo_complaint WHERE household_id = ?").param(h.householdId()).query(Long.class).single()).isZero();
    }

    @Test
    void anotherTeamCannotReadOrChangeAComplaintAndTheFiguresHoldNoPersonalData() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        MvcResult created = form("regisseur", "/huishoudens/" + h.householdId() + "/klachten", complaint(today.toString(), null));
        UUID id = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/wmo/klachten/".length()));
        for (String path : new String[] {"/wmo/klachten/" + id, "/huishoudens/" + h.householdId() + "/klachten/nieuw"}) {
            MvcResult r = mvc.perform(get(path).with(users.as("regisseur.zuid"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(body(r)).doesNotContain(h.lastName()).doesNotContain("bewindvoerder");
        }
        assertThat(form("regisseur.zuid", "/wmo/klachten/" + id + "/afhandelen", Map.of("handledBy", "X", "handledHow", "WRITTEN",
                "outcome", "Weg", "closedOn", today.toString())).getResponse().getStatus()).isEqualTo(403);
        assertThat(form("regisseur.zuid", "/huishoudens/" + h.householdId() + "/klachten", complaint(today.toString(), null))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT closed_on FROM wmo_complaint WHERE id = ?").param(id).query(LocalDate.class).optional()).isEmpty();
        assertThat(page("regisseur.zuid", "/wmo/klachten")).doesNotContain(id.toString());
        assertThat(mvc.perform(get("/wmo/klachten/" + UUID.randomUUID()).with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(404);

        // The policy officer sees counts per law and category, no names or free text; and not the register.
        long coPaymentWmo = jdbc.sql("SELECT count(*) FROM wmo_complaint WHERE municipality_code = '9999' AND law = 'WMO' AND category = 'CO_PAYMENT'"
                + " AND extract(year FROM received_on) = ?").param(today.getYear()).query(Long.class).single();
        String figures = page("beleid", "/wmo/klachten/cijfers");
        assertThat(figures).contains("Eigen bijdrage").contains("Jeugdwet").contains("Participatiewet").contains("<td class=\"utrecht-table__cell\">"
                + coPaymentWmo + "</td>").doesNotContain(h.lastName()).doesNotContain("bewindvoerder").doesNotContain("te hoog");
        assertThat(mvc.perform(get("/wmo/klachten").with(users.as("beleid"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
