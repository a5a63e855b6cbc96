package nl.leefwereld.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calculation API against the running application: the worked examples of the brief §5.3 to the euro, the per-payer
 * split, sensitivity, exact money, the price list, and bad bodies refused with the field named.
 */
@IntegrationTest
class ReturnsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static final String ZOVEEL_MEER = """
            {"leavers": [{"count": 5, "partTime": false, "valuePerLeaver": 37000}, {"count": 2, "partTime": true, "valuePerLeaver": 37000}],
             "businessAsUsualShare": 0.5,
             "otherSavings": [{"description": "12 x vermindering multiproblematiek à 10.000", "amount": 120000, "attributionShare": 0.5}],
             "costs": [{"description": "Extra personeelskosten", "fte": 0.5, "ratePerYear": 65000, "years": 2},
                       {"description": "Maatwerkbudget", "amountPerYear": 20000, "years": 2}]}""";
    static final String BROEDPLAATS = """
            {"leavers": [{"count": 13, "valuePerLeaver": 33000}], "businessAsUsualShare": 0.5,
             "otherSavings": [{"description": "Deeltijdinkomsten Zoete Kruimels", "amount": 20000, "attributionShare": 0.45}],
             "costs": [{"description": "Totale kosten", "amount": 110000}]}""";
    static final String GEZONDHEID_EN_BEWEGEN = """
            {"leavers": [{"count": 3, "valuePerLeaver": 37000}], "businessAsUsualShare": 0.4,
             "otherSavings": [{"description": "Maatschappelijke prijslijst (huisarts, POH, GGZ…)", "amount": 27500, "attributionShare": 0.5}],
             "costs": [{"description": "Kosten", "amount": 33000}, {"description": "Klantmanagement", "fte": 0.5, "years": 1}]}""";

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    @Test
    void zoveelMeerReproducesToTheEuroWithEachComponent() throws Exception {
        JsonNode r = ok("/api/v1/returns/project-calculations", ZOVEEL_MEER, "beleid");
        assertThat(r.path("leaverValue").decimalValue()).isEqualByComparingTo("111000");
        assertThat(r.path("otherSavingsValue").decimalValue()).isEqualByComparingTo("60000");
        assertThat(r.path("costs").decimalValue()).isEqualByComparingTo("105000");
        assertThat(r.path("return").decimalValue()).isEqualByComparingTo("66000");
        List<BigDecimal> amounts = new ArrayList<>();
        r.path("components").forEach(c -> amounts.add(c.path("amount").decimalValue()));
        assertThat(amounts).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("92500"), new BigDecimal("18500"), new BigDecimal("60000"), new BigDecimal("-65000"),
                        new BigDecimal("-40000"));
        assertThat(r.path("components").get(1).path("description").asString()).contains("deeltijd").contains("telt half");
        assertThat(r.path("components").get(3).path("formula").asString()).isEqualTo("0.5 fte × € 65000 per jaar × 2 jaar");
    }

    @Test
    void broedplaatsAndGezondheidEnBewegenReproduce() throws Exception {
        JsonNode b = ok("/api/v1/returns/project-calculations", BROEDPLAATS, "regisseur");
        assertThat(b.path("leaverValue").decimalValue()).isEqualByComparingTo("214500");
        assertThat(b.path("otherSavingsValue").decimalValue()).isEqualByComparingTo("9000");
        assertThat(b.path("costs").decimalValue()).isEqualByComparingTo("110000");
        assertThat(b.path("return").decimalValue()).isEqualByComparingTo("113500");
        // 001 L282–290: 111,000 × 60% + 27,500 × 50% − (33,000 + 0.5 fte at the default practitioner rate) = 14,850
        JsonNode g = ok("/api/v1/returns/project-calculations", GEZONDHEID_EN_BEWEGEN, "teamleider");
        assertThat(g.path("return").decimalValue()).isEqualByComparingTo("14850");
    }

    @Test
    void sensitivityMovesEachShareTenPoints() throws Exception {
        JsonNode r = ok("/api/v1/returns/project-calculations", ZOVEEL_MEER, "beleid");
        JsonNode bau = r.path("sensitivity").get(0);
        assertThat(bau.path("share").asString()).isEqualTo("businessAsUsualShare");
        // 6 × 37,000 = 222,000: 10 points of it is 22,200
        assertThat(bau.path("minusTenPoints").decimalValue()).isEqualByComparingTo("88200");
        assertThat(bau.path("plusTenPoints").decimalValue()).isEqualByComparingTo("43800");
        JsonNode attribution = r.path("sensitivity").get(1);
        assertThat(attribution.path("share").asString()).isEqualTo("otherSavings[0].attributionShare");
        assertThat(attribution.path("minusTenPoints").decimalValue()).isEqualByComparingTo("54000");
        assertThat(attribution.path("plusTenPoints").decimalValue()).isEqualByComparingTo("78000");
    }

    @Test
    void benefitDurationTableGivesTheValuePerLeaver() throws Exception {
        JsonNode r = ok("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": 2, "yearsOnBenefit": 3, "withRelapse": true}, {"count": 1, "yearsOnBenefit": 9}], "businessAsUsualShare": 0}""",
                "beleid");
        // 2 × 33,300 (3 years, with relapse) + 1 × 67,683 (7+ years, without)
        assertThat(r.path("leaverValue").decimalValue()).isEqualByComparingTo("134283");
        assertThat(r.path("components").get(0).path("description").asString()).contains("met terugval");
    }

    @Test
    void moneyIsExactWhereDoublesWouldDrift() throws Exception {
        // 0.1 + 0.2 in a double is 0.30000000000000004; three lines of 0.10 × 3 must be 0.90 and the payer split exact.
        JsonNode r = ok("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"description": "a", "unitPrice": 0.10, "unit": "PER_TIME", "payer": "OTHER", "quantity": 3},
                               {"description": "b", "unitPrice": 0.20, "unit": "PER_TIME", "payer": "OTHER"}],
                 "actual": [{"description": "c", "unitPrice": 0.30, "unit": "PER_TIME", "payer": "OTHER"}]}""", "regisseur");
        assertThat(r.path("referenceTotal").decimalValue()).isEqualTo(new BigDecimal("0.50"));
        assertThat(r.path("actualTotal").decimalValue()).isEqualTo(new BigDecimal("0.30"));
        assertThat(r.path("avoided").decimalValue()).isEqualTo(new BigDecimal("0.20"));
        JsonNode big = ok("/api/v1/returns/project-calculations", """
                {"otherSavings": [{"description": "groot", "amount": 999999999999.99, "attributionShare": 0.3333}]}""", "regisseur");
        assertThat(big.path("return").decimalValue()).isEqualTo(new BigDecimal("333300000000.00"));
        // 2.01 × 0.5 = 1.005 exactly, so half up is 1.01; in a double it is 1.00499999… and would round to 1.00.
        JsonNode half = ok("/api/v1/returns/project-calculations", """
                {"otherSavings": [{"description": "halve cent", "amount": 2.01, "attributionShare": 0.5}]}""", "regisseur");
        assertThat(half.path("return").decimalValue()).isEqualTo(new BigDecimal("1.01"));
    }

    @Test
    void scenarioGivesAvoidedCostPerYearAndPerPayerWithDefaults() throws Exception {
        // Noordoostpolder "Together through one door again": foster care 44.04/day for a year, supervision order avoided;
        // the actual course: 40 days of a family coach at 35/day, and the household help item twice over 2 years.
        JsonNode r = ok("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"item": "NOP-PLEEG-DAG", "quantity": 1, "periods": 365}, {"item": "NOP-OTS", "periods": 2},
                               {"item": "NOP-HH", "periods": 2}],
                 "actual": [{"description": "Gezinscoach", "unitPrice": 35, "unit": "PER_DAY", "payer": "MUNICIPALITY_YOUTH", "periods": 40},
                            {"description": "Eigen bijdrage", "unitPrice": 150, "unit": "PER_TIME", "payer": "RESIDENT"}],
                 "years": 2}""", "procesbegeleider");
        assertThat(r.path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("16074.60");
        assertThat(r.path("lines").get(1).path("amount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(r.path("lines").get(1).path("quantity").decimalValue()).as("quantity defaults to 1").isEqualByComparingTo("1");
        assertThat(r.path("lines").get(4).path("periods").decimalValue()).as("periods default to 1").isEqualByComparingTo("1");
        assertThat(r.path("referenceTotal").decimalValue()).isEqualByComparingTo("45074.60");
        assertThat(r.path("actualTotal").decimalValue()).isEqualByComparingTo("1550");
        assertThat(r.path("avoided").decimalValue()).isEqualByComparingTo("43524.60");
        assertThat(r.path("avoidedPerYear").decimalValue()).isEqualByComparingTo("21762.30");
        assertThat(r.path("perPayer").path("MUNICIPALITY_YOUTH").decimalValue()).isEqualByComparingTo("34674.60");
        assertThat(r.path("perPayer").path("MUNICIPALITY_WMO").decimalValue()).isEqualByComparingTo("9000");
        assertThat(r.path("perPayer").path("RESIDENT").decimalValue()).isEqualByComparingTo("-150");
        assertThat(r.path("perPayerDetail").path("MUNICIPALITY_WMO").path("avoidedPerYear").decimalValue()).isEqualByComparingTo("4500");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode v : r.path("perPayer")) {
            sum = sum.add(v.decimalValue());
        }
        assertThat(sum).as("the payers together avoid exactly the total").isEqualByComparingTo(r.path("avoided").decimalValue());
    }

    @Test
    void anOwnLineWithoutAPayerCountsUnderOther() throws Exception {
        JsonNode r = ok("/api/v1/returns/scenario-evaluations", """
                {"reference":[{"description":"a","unitPrice":35,"unit":"PER_DAY","quantity":2,"periods":10}],"actual":[]}""", "regisseur");
        assertThat(r.path("referenceTotal").decimalValue()).isEqualByComparingTo("700");
        assertThat(r.path("avoided").decimalValue()).isEqualByComparingTo("700");
        assertThat(r.path("perPayer").path("OTHER").decimalValue()).isEqualByComparingTo("700");
        assertThat(r.path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("700");
    }

    @Test
    void thePriceListHasEveryItemOfTheBriefWithItsSource() throws Exception {
        MvcResult res = mvc.perform(get("/api/v1/price-list").with(users.as("beleid"))).andReturn();
        assertThat(res.getResponse().getStatus()).isEqualTo(200);
        JsonNode list = JSON.readTree(res.getResponse().getContentAsString(StandardCharsets.UTF_8));
        Set<String> codes = new TreeSet<>();
        for (JsonNode item : list) {
            codes.add(item.path("code").asString());
            if (!item.path("code").asString().matches("(JGD|WON|NOP|ZTM|ALM|LLS|EK)-.*")) {
                continue;   // items other tests added through the administrators' page
            }
            for (String field : List.of("code", "name", "unit", "payer", "source")) {
                assertThat(item.path(field).asString()).as(field + " of " + item).isNotBlank();
            }
            assertThat(item.path("price").isNumber()).isTrue();
            assertThat(item.path("source").asString()).matches("(00[0-4] .*|Brief .*), (L\\d+.*|§5\\.4)");
        }
        assertThat(codes).contains("JGD-UHP", "JGD-UHP-DAG", "JGD-UHP-INT", "JGD-VOOGD-JR", "JGD-VOOGD-TR", "JGD-RVDK", "JGD-ZORG", "JGD-JB",
                "JGD-PLEEG", "JGD-OTS", "WON-STROOM", "WON-KLACHT", "WON-MUTATIE", "WON-UITZET", "WON-DEURW", "WON-BEGWON", "WON-VERPL", "WON-NOOD",
                "NOP-PGO", "NOP-BEGWON-KIND", "NOP-HH", "NOP-PLEEG-DAG", "NOP-OTS", "ALM-BWMO", "ALM-AMBU", "EK-CONF");
        JsonNode foster = null;
        for (JsonNode item : list) {
            if (item.path("code").asString().equals("NOP-PLEEG-DAG")) {
                foster = item;
            }
        }
        assertThat(foster.path("price").decimalValue()).isEqualByComparingTo("44.04");
        assertThat(foster.path("unit").asString()).isEqualTo("PER_DAY");
    }

    @Test
    void badBodiesAreRefusedNamingTheField() throws Exception {
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": "vijf", "valuePerLeaver": 37000}], "businessAsUsualShare": 0.5}""", "leavers[0].count");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": -1, "valuePerLeaver": 37000}], "businessAsUsualShare": 0.5}""", "leavers[0].count");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": 2.5, "valuePerLeaver": 37000}], "businessAsUsualShare": 0.5}""", "leavers[0].count");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": 1}], "businessAsUsualShare": 0.5}""", "leavers[0].valuePerLeaver");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [{"count": 1, "valuePerLeaver": 1}]}""", "businessAsUsualShare");
        refused("/api/v1/returns/project-calculations", """
                {"businessAsUsualShare": 1.5}""", "businessAsUsualShare");
        refused("/api/v1/returns/project-calculations", """
                {"otherSavings": [{"description": "x", "amount": 10, "attributionShare": -0.1}]}""", "otherSavings[0].attributionShare");
        refused("/api/v1/returns/project-calculations", """
                {"costs": [{"description": "x", "amount": 10, "amountPerYear": 5, "years": 2}]}""", "costs[0].amount");
        refused("/api/v1/returns/project-calculations", """
                {"costs": [{"description": "x", "fte": 1}]}""", "costs[0].years");
        refused("/api/v1/returns/project-calculations", """
                {"costs": [{"description": "x", "amount": 1.001}]}""", "costs[0].amount");
        refused("/api/v1/returns/project-calculations", """
                {"costs": [{"amount": 1}]}""", "costs[0].description");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": 5}""", "leavers");
        refused("/api/v1/returns/project-calculations", """
                {"leavers": [5]}""", "leavers[0]");
        refused("/api/v1/returns/project-calculations", """
                {"retrun": 5}""", "retrun");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"item": "BESTAAT-NIET"}]}""", "reference[0].item");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"item": "JGD-OTS", "unitPrice": 5}]}""", "reference[0].unitPrice");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"description": "x", "unitPrice": 5, "unit": "PER_WEEK", "payer": "OTHER"}]}""", "reference[0].unit");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"description": "x", "unitPrice": 5, "unit": "PER_DAY", "payer": "GEMEENTE"}]}""", "reference[0].payer");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [], "actual": [{"item": "JGD-OTS", "quantity": -2}]}""", "actual[0].quantity");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"item": "JGD-OTS", "periods": 1e400}]}""", "reference[0].periods");
        refused("/api/v1/returns/scenario-evaluations", """
                {"actual": []}""", "reference");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [], "years": 0}""", "years");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"description": "\\u0000", "unitPrice": 5, "unit": "PER_DAY", "payer": "OTHER"}]}""", "reference[0].description");
        refused("/api/v1/returns/scenario-evaluations", """
                {"reference": [{"description": "%s", "unitPrice": 5, "unit": "PER_DAY", "payer": "OTHER"}]}""".formatted("x".repeat(5000)),
                "reference[0].description");
        for (String raw : List.of("", "null", "[]", "\"x\"", "{bad", "5")) {
            refused("/api/v1/returns/scenario-evaluations", raw, null);
            refused("/api/v1/returns/project-calculations", raw, null);
        }
    }

    /** A seeded fuzz: every mutation of a valid body is either answered 200 or refused 400 with problem+json; never a 5xx. */
    @Test
    void fuzzedBodiesNeverBreakIn() throws Exception {
        Random random = new Random(20261124L);
        List<String> values = List.of("null", "-1", "0", "1e308", "-1e308", "1e-400", "\"x\"", "[]", "{}", "true", "0.00001", "12345678901234567890",
                "\"\\u0000\"", "[null]", "[{}]", "999999999999.999");
        List<String> bases = List.of(ZOVEEL_MEER, BROEDPLAATS, """
                {"reference": [{"item": "NOP-PLEEG-DAG", "quantity": 1, "periods": 365}],
                 "actual": [{"description": "Gezinscoach", "unitPrice": 35, "unit": "PER_DAY", "payer": "MUNICIPALITY_YOUTH", "periods": 40}]}""");
        List<String> fields = List.of("count", "partTime", "valuePerLeaver", "businessAsUsualShare", "description", "amount", "attributionShare", "fte",
                "ratePerYear", "amountPerYear", "years", "item", "quantity", "periods", "unitPrice", "unit", "payer", "leavers", "costs",
                "otherSavings", "reference", "actual");
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            int b = random.nextInt(bases.size());
            String body = bases.get(b);
            String field = fields.get(random.nextInt(fields.size()));
            String value = values.get(random.nextInt(values.size()));
            body = body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[-0-9.e]+|true|false)", "\"" + field + "\": " + value);
            String path = b == 2 ? "/api/v1/returns/scenario-evaluations" : "/api/v1/returns/project-calculations";
            MvcResult r = mvc.perform(post(path).with(users.as("beleid")).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
            int status = r.getResponse().getStatus();
            assertThat(status).as(body + " → " + r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isIn(200, 400);
            if (status == 400) {
                refused++;
                assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("errors").size()).isPositive();
            } else {
                ok++;
            }
        }
        assertThat(refused).isGreaterThan(50);
        assertThat(ok).isGreaterThan(10);
    }

    @Test
    void residentsAndPrivacyOfficersCannotCalculate() throws Exception {
        for (String user : List.of("inwoner", "privacy", "beheer")) {
            assertThat(mvc.perform(post("/api/v1/returns/project-calculations").with(users.as(user)).contentType(MediaType.APPLICATION_JSON)
                    .content(BROEDPLAATS)).andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/api/v1/price-list").with(users.as("inwoner"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private JsonNode ok(String path, String body, String user) throws Exception {
        MvcResult r = mvc.perform(post(path).with(users.as(user)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(text).isEqualTo(200);
        return JSON.readTree(text);
    }

    private void refused(String path, String body, String field) throws Exception {
        MvcResult r = mvc.perform(post(path).with(users.as("regisseur")).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body + " → " + text).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (field != null) {
            assertThat(JSON.readTree(text).path("errors").has(field)).as(body + " names " + field + ": " + text).isTrue();
        }
    }
}
