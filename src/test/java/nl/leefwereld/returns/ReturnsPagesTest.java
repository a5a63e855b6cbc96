package nl.leefwereld.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screens of the returns module against the running application: price-list versioning (an old calculation keeps
 * its prices), case returns per payer and per year, the breakthrough view, household access and audit, projects and
 * the portfolio with the worked examples to the euro.
 */
@IntegrationTest
class ReturnsPagesTest {

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

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    @Test
    void aSavedCalculationKeepsThePricesItUsedWhenTheListChanges() throws Exception {
        String code = "TST-" + TestHouseholds.letters(8).toUpperCase();
        LocalDate today = LocalDate.now(clock);
        MvcResult first = setPrice(code, "1.000,00", today.minusDays(10));
        assertThat(first.getResponse().getStatus()).as(body(first)).isEqualTo(302);
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String oldReturn = createReturn(h.householdId(), post("/huishoudens/{id}/rendement", h.householdId())
                .param("title", "Oude prijs").param("assumptions", "Zonder hulp was dit nodig geweest.")
                .param("refItem", code).param("refQuantity", "2").param("refPeriods", "3"));
        assertThat(jdbc.sql("SELECT unit_price FROM case_return_line WHERE return_id = :r").param("r", UUID.fromString(oldReturn))
                .query(BigDecimal.class).single()).isEqualByComparingTo("1000");

        // A new price from tomorrow; the day after tomorrow the list shows it, the old calculation does not change.
        assertThat(setPrice(code, "1500", today.plusDays(1)).getResponse().getStatus()).isEqualTo(302);
        MvcResult again = setPrice(code, "1600", today.plusDays(1));
        assertThat(body(again)).as("a price must start after the current one").contains("Kies een datum na");
        ((TestClock) clock).freezeAt(clock.instant().plus(Duration.ofDays(2)));
        JsonNode list = JsonMapper.builder().build().readTree(body(mvc.perform(get("/api/v1/price-list").with(users.as("regisseur"))).andReturn()));
        JsonNode item = null;
        for (JsonNode i : list) {
            if (i.path("code").asString().equals(code)) {
                item = i;
            }
        }
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("1500");
        assertThat(item.path("version").asInt()).isEqualTo(2);
        String oldPage = body(mvc.perform(get("/huishoudens/{id}/rendement/{r}", h.householdId(), oldReturn).with(users.as("regisseur"))).andReturn());
        assertThat(oldPage).contains("€ 6.000").contains("versie 1").doesNotContain("€ 9.000");
        String newReturn = createReturn(h.householdId(), post("/huishoudens/{id}/rendement", h.householdId())
                .param("title", "Nieuwe prijs").param("assumptions", "Idem.").param("refItem", code).param("refQuantity", "2").param("refPeriods", "3"));
        String newPage = body(mvc.perform(get("/huishoudens/{id}/rendement/{r}", h.householdId(), newReturn).with(users.as("regisseur"))).andReturn());
        assertThat(newPage).contains("€ 9.000").contains("versie 2");
    }

    @Test
    void aCaseReturnShowsAvoidedCostPerYearAndPerPayerAndIsAudited() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String id = createReturn(h.householdId(), post("/huishoudens/{id}/rendement", h.householdId())
                .param("title", "Samen door één deur").param("years", "2")
                .param("assumptions", "Zonder de bijeenkomst was het kind een jaar in een pleeggezin geplaatst, met een OTS.")
                .param("reflectionReturn", "Goedkoper en beter").param("reflectionLegitimacy", "Past in de Jeugdwet")
                .param("reflectionInvolvement", "De familie doet het zelf")
                .param("refItem", "NOP-PLEEG-DAG", "NOP-OTS", "").param("refPeriods", "365", "2", "")
                .param("refDescription", "", "", "Schoolverzuim").param("refUnitPrice", "", "", "1.250,50").param("refUnit", "", "", "PER_TIME")
                .param("refPayer", "", "", "OTHER")
                .param("actDescription", "Gezinscoach").param("actUnitPrice", "35").param("actUnit", "PER_DAY").param("actPayer", "MUNICIPALITY_YOUTH")
                .param("actPeriods", "40"));
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'CASE_RETURN' AND action = 'READ' AND household_id = :h")
                .param("h", h.householdId()).query(Long.class).single();
        String page = body(mvc.perform(get("/huishoudens/{id}/rendement/{r}", h.householdId(), id).with(users.as("teamleider"))).andReturn());
        // reference 16,074.60 + 20,000 + 1,250.50 = 37,325.10; actual 1,400; avoided 35,925.10 over 2 years
        assertThat(page).contains("€ 37.325,10").contains("€ 1.400").contains("€ 35.925,10").contains("€ 17.962,55");
        assertThat(page).contains("Gemeente – Jeugdwet").contains("€ 34.674,60").contains("Anders").contains("€ 1.250,50");
        assertThat(page).contains("Past in de Jeugdwet").contains("een jaar in een pleeggezin");
        long after = jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'CASE_RETURN' AND action = 'READ' AND household_id = :h")
                .param("h", h.householdId()).query(Long.class).single();
        assertThat(after - before).as("the read is audited").isEqualTo(1);
        String household = body(mvc.perform(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur"))).andReturn());
        assertThat(household).contains("Maatschappelijk rendement").contains("Samen door één deur").contains("€ 17.962,55");
        // Another team's case director: no access to the household, so not to its return.
        MvcResult refused = mvc.perform(get("/huishoudens/{id}/rendement/{r}", h.householdId(), id).with(users.as("regisseur.noord"))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(refused)).doesNotContain("Samen door één deur");
        MvcResult write = mvc.perform(post("/huishoudens/{id}/rendement", h.householdId()).with(csrf()).with(users.as("regisseur.noord"))
                .param("title", "Inbraak").param("assumptions", "x").param("refItem", "NOP-OTS")).andReturn();
        assertThat(write.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM case_return WHERE household_id = :h").param("h", h.householdId()).query(Long.class).single())
                .isEqualTo(1);
        // Policy officers see no household data.
        assertThat(mvc.perform(get("/huishoudens/{id}/rendement/{r}", h.householdId(), id).with(users.as("beleid"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void badLinesComeBackWithTheErrorAtTheFieldAndWhatWasTyped() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        MvcResult r = mvc.perform(post("/huishoudens/{id}/rendement", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("title", "Fout").param("assumptions", "Aanname").param("refItem", "", "BESTAAT-NIET")
                .param("refDescription", "Eigen regel", "").param("refUnitPrice", "twaalf", "").param("refUnit", "PER_DAY", "")
                .param("refPayer", "OTHER", "").param("refQuantity", "1,5", "")).andReturn();
        String html = body(r);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("Controleer wat u heeft ingevuld").contains("id=\"refUnitPrice0-error\"").contains("id=\"refItem1-error\"")
                .contains("value=\"twaalf\"").contains("value=\"1,5\"").contains("value=\"Eigen regel\"");
        assertThat(jdbc.sql("SELECT count(*) FROM case_return WHERE household_id = :h").param("h", h.householdId()).query(Long.class).single()).isZero();
    }

    @Test
    void theBreakthroughViewCountsAndPricesBeforeAndAfter() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        entry(h.householdId(), "PROFESSIONAL", "Ambulant begeleider", "20.000", true, "20.000");
        entry(h.householdId(), "PROFESSIONAL", "Gezinscoach", "15.000", false, "");
        entry(h.householdId(), "PARTY", "Woningcorporatie", "5.000", true, "2.000");
        entry(h.householdId(), "INTERVENTION", "Jeugdhulp", "60.000", false, "");
        String page = body(mvc.perform(get("/huishoudens/{id}/doorbraak", h.householdId()).with(users.as("regisseur"))).andReturn());
        // before 100,000 → after 22,000: 78% down; professionals 2 → 1 (50%)
        assertThat(page).contains("€ 100.000").contains("€ 22.000").contains("78%").contains("50%").contains("100%");
        MvcResult bad = mvc.perform(post("/huishoudens/{id}/doorbraak", h.householdId()).with(csrf()).with(users.as("regisseur"))
                .param("kind", "PARTY").param("name", "Politie").param("yearlyCostBefore", "veel")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(bad)).contains("yearlyCostBefore-error").contains("value=\"veel\"").contains("value=\"Politie\"");
        assertThat(mvc.perform(get("/huishoudens/{id}/doorbraak", h.householdId()).with(users.as("regisseur.noord"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void thePortfolioShowsEveryDemoProjectAndTheWorkedExamplesToTheEuro() throws Exception {
        String portfolio = body(mvc.perform(get("/projecten").with(users.as("beleid"))).andReturn());
        for (String name : new String[] {"Zoveel Meer", "Broedplaats", "Gezondheid &amp; Bewegen", "Proco", "Crisisteam", "Almelo Pas",
                "Schulddienstverlening", "Almelo in 10 jaar welvarend", "Nieuwstraatkwartier", "Voorliggende voorzieningen: dagbesteding",
                "Aanpak Multi-problem gezinnen", "Versterken voorliggende voorzieningen", "Innovatiebudget subsidiepartners", "Cultuur",
                "Doorontwikkeling toegang", "Wijkcoach bij huisarts", "Buddysysteem werkzoekenden", "Ketenaanpak beschermd wonen",
                "Vergroten doorstroming", "Menselijke maat", "Startups/broedplaats", "Actieve en vitale sportverenigingen",
                "Ontwikkeling en opzet inkoop en subsidiecontractbureau"}) {
            assertThat(portfolio).as(name).contains(name);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE municipality_code = '9999' AND origin LIKE 'Almelo%'").query(Long.class).single())
                .isEqualTo(18);
        assertThat(portfolio).contains("€ 320.000").contains("€ 420.000");   // the seed's disagreement is shown, its figure kept
        UUID zoveelMeer = project("Zoveel Meer");
        String zm = body(mvc.perform(get("/projecten/{id}", zoveelMeer).with(users.as("beleid"))).andReturn());
        assertThat(zm).contains("€ 92.500").contains("€ 18.500").contains("€ 60.000").contains("−€ 65.000").contains("−€ 40.000")
                .contains("id=\"rendement-uitkomst\">€ 66.000<");
        assertThat(zm).contains("Gevoeligheid").contains("€ 88.200").contains("€ 43.800");
        String bp = body(mvc.perform(get("/projecten/{id}", project("Broedplaats")).with(users.as("regisseur"))).andReturn());
        assertThat(bp).contains("€ 214.500").contains("€ 9.000").contains("id=\"rendement-uitkomst\">€ 113.500<");
        assertThat(mvc.perform(get("/projecten").with(users.as("inwoner"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aProjectRunsOnlyWithAnEmbeddingPlan() throws Exception {
        String name = "Proeftuin " + TestHouseholds.letters(8);
        MvcResult noPlan = mvc.perform(post("/projecten").with(csrf()).with(users.as("beleid")).param("name", name).param("goal", "Minder schulden")
                .param("status", "RUNNING").param("returnKind", "ESTIMATED").param("returnMethod", "Schatting")
                .param("businessAsUsualShare", "50").param("leaverCount", "5").param("leaverYears", "3").param("leaverRelapse", "true")
                .param("costDescription", "Coach").param("costFte", "0,5").param("costYears", "2")).andReturn();
        assertThat(noPlan.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(noPlan)).contains("embeddingPlan-error").contains("borgingsplan");
        MvcResult saved = mvc.perform(post("/projecten").with(csrf()).with(users.as("beleid")).param("name", name).param("goal", "Minder schulden")
                .param("status", "RUNNING").param("embeddingPlan", "Na een jaar gewoon werk van het wijkteam").param("returnKind", "ESTIMATED")
                .param("returnMethod", "Schatting").param("businessAsUsualShare", "50").param("leaverCount", "5").param("leaverYears", "3")
                .param("leaverRelapse", "true").param("costDescription", "Coach").param("costFte", "0,5").param("costYears", "2")).andReturn();
        assertThat(saved.getResponse().getStatus()).as(body(saved)).isEqualTo(302);
        String page = body(mvc.perform(get(saved.getResponse().getRedirectedUrl()).with(users.as("beleid"))).andReturn());
        // 5 × 33,300 (3 years, with relapse) × 50% = 83,250; − 0.5 × 65,000 × 2 = 65,000 → 18,250
        assertThat(page).contains("€ 83.250").contains("id=\"rendement-uitkomst\">€ 18.250<");
        UUID id = project(name);
        MvcResult clear = mvc.perform(post("/projecten/{id}/status", id).with(csrf()).with(users.as("teamleider")).param("status", "FINISHED"))
                .andReturn();
        assertThat(clear.getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/projecten/{id}/status", id).with(csrf()).with(users.as("regisseur")).param("status", "FINISHED")).andReturn()
                .getResponse().getStatus()).as("a case director does not manage projects").isEqualTo(403);
        // The database refuses a running project without a plan as well.
        UUID bare = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO project (municipality_code, id, name, goal, status, return_kind, created_by, created_at)
                VALUES ('9999', :id, :n, 'x', 'RUNNING', 'UNKNOWN', 'test', now())""").param("id", bare).param("n", "Zonder plan " + bare).update())
                .hasMessageContaining("project_check");
    }

    private UUID project(String name) {
        return jdbc.sql("SELECT id FROM project WHERE municipality_code = '9999' AND name = :n").param("n", name).query(UUID.class).single();
    }

    private void entry(UUID household, String kind, String name, String before, boolean remains, String after) throws Exception {
        MockHttpServletRequestBuilder b = post("/huishoudens/{id}/doorbraak", household).with(csrf()).with(users.as("regisseur"))
                .param("kind", kind).param("name", name).param("yearlyCostBefore", before).param("yearlyCostAfter", after);
        if (remains) {
            b = b.param("remainsAfter", "true");
        }
        MvcResult r = mvc.perform(b).andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
    }

    private MvcResult setPrice(String code, String price, LocalDate from) throws Exception {
        return mvc.perform(post("/beheer/prijslijst").with(csrf()).with(users.as("beheer")).param("code", code).param("name", "Testitem " + code)
                .param("unit", "PER_TIME").param("price", price).param("payer", "MUNICIPALITY_WMO").param("sourceDocument", "Test")
                .param("sourceLine", "L1").param("validFrom", from.toString())).andReturn();
    }

    private String createReturn(UUID household, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(csrf()).with(users.as("regisseur"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        String url = r.getResponse().getRedirectedUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
