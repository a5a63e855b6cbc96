package nl.leefwereld.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The social map: demo data from the seeds, search per district with Dutch stemming, exact money, upkeep by the administrator. */
@IntegrationTest
class SocialMapTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    Catalog catalog;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    private JsonNode api(String user, String query) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/provisions" + query).with(users.as(user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void whatIsThereInNoorderparkForLonelyElderlyPeople() throws Exception {
        JsonNode hits = api("regisseur", "?district=noord&q=eenzame%20ouderen");
        assertThat(hits.size()).isPositive();
        assertThat(hits.valueStream().map(h -> h.path("name").asString()).toList()).contains("Laagdrempelige inloop met dagopvang")
                .doesNotContain("Inloop wijkcentrum Centrum");   // that one is for the Centrum district
        for (JsonNode h : hits) {
            assertThat(h.path("district").isNull() || h.path("district").asString().equals("noord")).isTrue();
        }
        JsonNode inloop = hits.valueStream().filter(h -> h.path("name").asString().equals("Laagdrempelige inloop met dagopvang")).findFirst().orElseThrow();
        assertThat(inloop.path("kind").asString()).isEqualTo("GENERAL");
        assertThat(inloop.path("provider").path("name").asString()).isEqualTo("Welzijn MensenWerk");
        assertThat(inloop.path("provider").path("lastCheckedOn").asString()).isNotBlank();
    }

    @Test
    void customProvisionsCarryTheIwmoCategoryUnitAndAnExactTariff() throws Exception {
        JsonNode hits = api("beleid", "?q=huishouden");
        JsonNode hh = hits.valueStream().filter(h -> h.path("name").asString().equals("Hulp bij het huishouden")).findFirst().orElseThrow();
        assertThat(hh.path("kind").asString()).isEqualTo("CUSTOM");
        assertThat(hh.path("productCategory").asString()).isEqualTo("01");
        assertThat(hh.path("productCategoryLabel").asString()).isEqualTo("Hulp bij het huishouden");
        assertThat(hh.path("unit").asString()).isEqualTo("04");
        assertThat(hh.path("tariff").asString()).isEqualTo("28.50");
        // The stale provider (checked 9 months ago) is marked.
        JsonNode all = api("regisseur", "?q=Humanitas");
        assertThat(all.valueStream().anyMatch(h -> h.path("provider").path("stale").asBoolean())).isTrue();
        // The cheapest adequate in-kind provision for a pgb cap: the contracted one, not the cheaper-looking non-contracted.
        assertThat(catalog.cheapestInKind("9999", ProductCategory.C01, Unit.HOUR, LocalDate.now(clock)).orElseThrow().tariffCents()).isEqualTo(2850);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/provisions?district=atlantis").with(users.as("regisseur"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("errors").has("district")).isTrue();
        assertThat(mvc.perform(get("/api/v1/provisions").with(users.as("inwoner"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theSocialMapPageShowsStaleEntriesAndTheAdministratorAddsAProvision() throws Exception {
        String page = mvc.perform(get("/sociale-kaart").param("wijk", "noord").param("q", "eenzaam").with(users.as("teamleider")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Laagdrempelige inloop met dagopvang").contains("Laatst gecontroleerd");
        String name = "Kaarttest " + TestHouseholds.letters(6);
        MvcResult added = mvc.perform(post("/beheer/sociale-kaart/voorzieningen").with(csrf()).with(users.as("beheer"))
                .param("kind", "CUSTOM").param("title", name).param("description", "Begeleiding in een groep")
                .param("productCategory", "09").param("unit", "16").param("tariff", "41,25").param("validFrom", "2026-01-01")).andReturn();
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        JsonNode hit = api("regisseur", "?q=" + name.replace(" ", "%20")).get(0);
        assertThat(hit.path("tariff").asString()).isEqualTo("41.25");
        assertThat(hit.path("unitLabel").asString()).isEqualTo("dagdeel (4 uur)");
        // A custom provision without tariff is refused at the field, with what was typed kept.
        String refused = mvc.perform(post("/beheer/sociale-kaart/voorzieningen").with(csrf()).with(users.as("beheer"))
                .param("kind", "CUSTOM").param("title", name + " twee").param("description", "x").param("productCategory", "09")
                .param("unit", "16").param("tariff", "veel").param("validFrom", "2026-01-01")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Vul het tarief per eenheid in euro in").contains("value=\"veel\"");
    }
}
