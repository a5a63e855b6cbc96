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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private MvcResult admin(String path, java.util.Map<String, String> form) throws Exception {
        var b = post(path).with(csrf()).with(users.as("beheer"));
        for (var f : form.entrySet()) {
            b = b.param(f.getKey(), f.getValue());
        }
        return mvc.perform(b).andReturn();
    }

    @Test
    void anAdministratorEditsAProviderAndAProvisionAndMarksAProviderCheckedToday() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String name = "Onderhoud " + TestHouseholds.letters(8);
        java.util.Map<String, String> provider = new java.util.HashMap<>(java.util.Map.of("name", name, "contact", "Balie", "phone", "0522-123456",
                "email", "balie@voorbeeld.nl", "contracted", "true", "tariffs", "€ 28,50 per uur", "capacity", "Ruim", "waitingWeeks", "2",
                "lastCheckedOn", today.minusYears(1).toString()));
        assertThat(admin("/beheer/sociale-kaart/aanbieders", provider).getResponse().getStatus()).isEqualTo(302);
        java.util.UUID id = jdbc.sql("SELECT id FROM provider WHERE name = ?").param(name).query(java.util.UUID.class).single();
        String edit = mvc.perform(get("/beheer/sociale-kaart/aanbieders/" + id).with(users.as("beheer"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("Aanbieder wijzigen").contains("value=\"" + name + "\"").contains("/beheer/sociale-kaart/aanbieders/" + id);

        // Bad input: Dutch errors at the fields, what was typed stays; another provider's name is refused.
        provider.put("waitingWeeks", "twee");
        provider.put("tariffs", "€ 30,00 per uur");
        MvcResult bad = admin("/beheer/sociale-kaart/aanbieders/" + id, provider);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Vul de wachttijd in als een heel aantal weken")
                .contains("€ 30,00 per uur").contains("Aanbieder wijzigen");
        provider.put("waitingWeeks", "5");
        provider.put("name", "Welzijn MensenWerk");
        assertThat(admin("/beheer/sociale-kaart/aanbieders/" + id, provider).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Er is al een aanbieder met deze naam.");
        provider.put("name", name + " BV");
        assertThat(admin("/beheer/sociale-kaart/aanbieders/" + id, provider).getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT name || '/' || waiting_weeks || '/' || tariffs || '/' || last_checked_on FROM provider WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(name + " BV/5/€ 30,00 per uur/" + today.minusYears(1));

        // Checked today: the stale mark goes.
        assertThat(admin("/beheer/sociale-kaart/aanbieders/" + id + "/gecontroleerd", java.util.Map.of()).getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT last_checked_on FROM provider WHERE id = ?").param(id).query(LocalDate.class).single()).isEqualTo(today);
        assertThat(admin("/beheer/sociale-kaart/aanbieders/" + java.util.UUID.randomUUID() + "/gecontroleerd", java.util.Map.of())
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'PROVIDER' AND record_id = ? AND action = 'UPDATE'").param(id.toString())
                .query(Long.class).single()).isEqualTo(2);

        // A custom provision: its tariff changes exactly; a bad tariff is refused at the field.
        String title = "Begeleiding " + TestHouseholds.letters(6);
        java.util.Map<String, String> provision = new java.util.HashMap<>(java.util.Map.of("kind", "CUSTOM", "title", title, "description", "Begeleiding thuis",
                "forWhom", "Ouderen", "providerId", id.toString(), "districtCode", "", "fee", "", "feePer", "", "productCategory", "02"));
        provision.putAll(java.util.Map.of("productCode", "OH01", "unit", "04", "tariff", "62,40", "validFrom", today.toString(), "validUntil", ""));
        assertThat(admin("/beheer/sociale-kaart/voorzieningen", provision).getResponse().getStatus()).isEqualTo(302);
        java.util.UUID pid = jdbc.sql("SELECT id FROM provision WHERE name = ?").param(title).query(java.util.UUID.class).single();
        assertThat(mvc.perform(get("/beheer/sociale-kaart/voorzieningen/" + pid).with(users.as("beheer"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Voorziening wijzigen").contains("62,40");
        provision.put("tariff", "62,4x");
        assertThat(admin("/beheer/sociale-kaart/voorzieningen/" + pid, provision).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Vul het tarief per eenheid in euro in, bijvoorbeeld 28,50.").contains("62,4x");
        provision.put("tariff", "64,15");
        provision.put("validUntil", today.plusYears(1).toString());
        assertThat(admin("/beheer/sociale-kaart/voorzieningen/" + pid, provision).getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT tariff_cents FROM provision WHERE id = ?").param(pid).query(Long.class).single()).isEqualTo(6415L);
        assertThat(mvc.perform(get("/beheer/sociale-kaart/voorzieningen/" + java.util.UUID.randomUUID()).with(users.as("beheer"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
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
