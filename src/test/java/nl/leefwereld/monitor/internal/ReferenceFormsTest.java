package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.leefwereld.monitor.MonitorTestFixtures;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/** The policy officer's forms for the budget per law and the measured value of an indicator: saved exactly, refused with Dutch errors. */
@IntegrationTest
class ReferenceFormsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.leefwereld.support.SecondMunicipality second;

    MockMvc mvc;
    String m;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        m = users.current("beleid").municipalityCode();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private BigDecimal budget(int year, String law) {
        return jdbc.sql("SELECT amount FROM monitor_law_budget WHERE municipality_code = ? AND year = ? AND law = ?").params(m, year, law)
                .query(BigDecimal.class).optional().orElse(null);
    }

    private long audited(String type, String id) throws InterruptedException {
        long n = 0;
        for (int i = 0; i < 50 && n == 0; i++) {   // changes are audited after the commit, on the audit pool
            n = jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = ? AND record_id = ?").params(type, id).query(Long.class).single();
            if (n == 0) {
                Thread.sleep(20);
            }
        }
        return n;
    }

    @Test
    void aPolicyOfficerSetsAndCorrectsTheBudgetOfALawExactly() throws Exception {
        MvcResult saved = mvc.perform(post("/monitor/money/budget").with(users.as("beleid")).with(csrf())
                .param("year", "2091").param("law", "WMO").param("amount", "5.363.955,55").param("source", "")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/monitor/money/budget?year=2091");
        assertThat(budget(2091, "WMO")).isEqualByComparingTo("5363955.55");
        mvc.perform(post("/monitor/money/budget").with(users.as("beleid")).with(csrf())
                .param("year", "2091").param("law", "WMO").param("amount", "5363955").param("source", "Programmabegroting 2091")).andReturn();
        assertThat(budget(2091, "WMO")).isEqualByComparingTo("5363955.00");
        assertThat(audited("MONITOR_LAW_BUDGET", "2091/WMO")).isGreaterThanOrEqualTo(2);
        String page = body(mvc.perform(get("/monitor/money/budget").param("year", "2091").with(users.as("beleid"))).andReturn());
        assertThat(page).contains("Begroting per wet 2091").contains("€ 5.363.955,00").contains("Programmabegroting 2091")
                .contains("action=\"/monitor/money/budget\"");
    }

    @Test
    void aWrongBudgetIsRefusedWithAnErrorAtEachFieldAndWhatWasTypedKept() throws Exception {
        MvcResult refused = mvc.perform(post("/monitor/money/budget").with(users.as("beleid")).with(csrf())
                .param("year", "1999").param("law", "AWBZ").param("amount", "veel geld").param("source", "Bron\u0000")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(refused)).contains("Controleer wat u heeft ingevuld")
                .contains("Vul een jaar in van 2000 tot en met 2100").contains("Kies de wet: Wmo 2015, Jeugdwet of Participatiewet.")
                .contains("Vul het bedrag in euro&#39;s in").contains("Gebruik geen onzichtbare tekens.")
                .contains("value=\"1999\"").contains("value=\"veel geld\"");
        for (String amount : new String[] {"-5", "1,234", "1.23.4", "1000000000000", "12,345"}) {
            assertThat(body(mvc.perform(post("/monitor/money/budget").with(users.as("beleid")).with(csrf())
                    .param("year", "2092").param("law", "JEUGDWET").param("amount", amount)).andReturn()))
                    .as(amount).contains("Vul het bedrag in euro&#39;s in");
        }
        assertThat(budget(2092, "JEUGDWET")).isNull();
    }

    @Test
    void aPolicyOfficerAddsAndCorrectsAMeasuredValueWithItsSource() throws Exception {
        UUID indicator = MonitorTestFixtures.indicator(jdbc, m);
        String path = "/monitor/indicators/" + indicator + "/waarden";
        MvcResult saved = mvc.perform(post(path).with(users.as("beleid")).with(csrf())
                .param("year", "2024").param("value", "51,5").param("source", "Klantonderzoek 2024")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(path);
        mvc.perform(post(path).with(users.as("beleid")).with(csrf()).param("year", "2024").param("value", "52").param("source", "Correctie"))
                .andReturn();
        assertThat(jdbc.sql("SELECT value || ' ' || source FROM monitor_indicator_value WHERE municipality_code = ? AND indicator_id = ?")
                .params(m, indicator).query(String.class).list()).containsExactly("52.00 Correctie");
        assertThat(audited("MONITOR_INDICATOR_VALUE", indicator + "/2024")).isGreaterThanOrEqualTo(2);
        assertThat(body(mvc.perform(get(path).with(users.as("beleid"))).andReturn())).contains("Testindicator").contains("Correctie")
                .contains("<td class=\"utrecht-table__cell\">52</td>");
    }

    @Test
    void aWrongMeasuredValueIsRefusedAndAnUnknownIndicatorIsNotFound() throws Exception {
        UUID indicator = MonitorTestFixtures.indicator(jdbc, m);
        String path = "/monitor/indicators/" + indicator + "/waarden";
        String page = body(mvc.perform(post(path).with(users.as("beleid")).with(csrf())
                .param("year", "twintig").param("value", "101").param("source", "")).andReturn());
        assertThat(page).contains("Controleer wat u heeft ingevuld").contains("Vul het jaar van de meting in")
                .contains("Vul een percentage in van 0 tot en met 100").contains("Vul de bron van de meting")
                .contains("value=\"twintig\"").contains("value=\"101\"");
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_indicator_value WHERE indicator_id = ?").params(indicator).query(Long.class).single()).isZero();
        for (String id : new String[] {UUID.randomUUID().toString(), "geen-uuid"}) {
            assertThat(mvc.perform(post("/monitor/indicators/" + id + "/waarden").with(users.as("beleid")).with(csrf())
                    .param("year", "2024").param("value", "50").param("source", "Test")).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        // another municipality's indicator is unknown here
        second.ensure();
        UUID elsewhere = MonitorTestFixtures.indicator(jdbc, nl.leefwereld.support.SecondMunicipality.CODE);
        assertThat(mvc.perform(get("/monitor/indicators/" + elsewhere + "/waarden").with(users.as("beleid"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void onlyPolicyOfficersUseTheForms() throws Exception {
        for (String user : new String[] {"regisseur", "teamleider", "beheer", "privacy"}) {
            assertThat(mvc.perform(post("/monitor/money/budget").with(users.as(user)).with(csrf())
                    .param("year", "2093").param("law", "WMO").param("amount", "1")).andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
        }
        assertThat(budget(2093, "WMO")).isNull();
    }
}
