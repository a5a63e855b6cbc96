package nl.leefwereld.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/** Item 1: the search rate limit in the running app; items 1/7: parallel identical registrations make one household. */
@IntegrationTest
class SearchLimitsAndConcurrencyTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Administration admin;
    @Autowired
    Households households;
    @Value("${leefwereld.privacy.search-rate.per-minute}")
    int perMinute;

    @Test
    void aUserWhoSearchesTooOftenGets429WithRetryAfterAndAClearPageMessage() throws Exception {
        MockMvc mvc = Mvc.of(context);
        CurrentUser director = users.current("regisseur");
        String username = "zoeklimiet." + SearchFixtures.letters(8);
        // A throw-away team without districts: a new case director in a demo team would change who new cases are routed to.
        UUID team = admin.createTeam(director.municipalityCode(), "Zoeklimietteam " + SearchFixtures.letters(8), Set.of());
        admin.createUser(director.municipalityCode(), new Administration.NewUser(username, "Zoek Limiet", null, team,
                EnumSet.of(Role.CASE_DIRECTOR), "Een-lang-wachtwoord-2026", null), null, "search-limit-test");
        CurrentUser fresh = users.current(username);
        for (int i = 0; i < perMinute; i++) {
            households.search(fresh, "Zoekniemand");
        }
        MvcResult api = mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as(username))
                .content("{\"query\":\"Bakker\"}")).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(429);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(api.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(api.getResponse().getContentAsString()).contains("U heeft in korte tijd heel vaak gezocht").doesNotContain("Bakker");
        MvcResult page = mvc.perform(post("/personen/zoeken").with(csrf()).with(users.as(username)).param("q", "Bakker")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(429);
        assertThat(page.getResponse().getContentAsString())
                .contains("U heeft in korte tijd heel vaak gezocht. Probeer het over 1 minuut opnieuw.").doesNotContain("Miranda");
        // Someone else can still search.
        assertThat(mvc.perform(post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur.zuid"))
                .content("{\"query\":\"Bakker\"}")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void eightParallelIdenticalRegistrationsWithoutBsnMakeOneHousehold() throws Exception {
        String last = SearchFixtures.lastName();
        List<Integer> statuses = parallel(SearchFixtures.householdJson("Mila", last, "1977-07-07", "", "centrum", false));
        assertThat(statuses).as("statuses " + statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(persons(last)).isEqualTo(1);
    }

    @Test
    void eightParallelIdenticalRegistrationsWithABsnMakeOneHouseholdAndNoServerError() throws Exception {
        String last = SearchFixtures.lastName();
        List<Integer> statuses = parallel(SearchFixtures.householdJson("Mila", last, "1977-07-08", SearchFixtures.bsn(), "centrum", true));
        // confirmNew skips the duplicate warning, so the BSN is what stops the others: a field error, never a 500.
        assertThat(statuses).as("statuses " + statuses).containsOnly(201, 400);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(persons(last)).isEqualTo(1);
    }

    private long persons(String last) {
        return jdbc.sql("SELECT count(*) FROM person WHERE last_name = :l").param("l", last).query(Long.class).single();
    }

    private List<Integer> parallel(String body) throws Exception {
        MockMvc mvc = Mvc.of(context);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                        .content(body)).andReturn().getResponse().getStatus());
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theProblemForABsnClashNamesTheField() throws Exception {
        String bsn = SearchFixtures.bsn();
        MockMvc mvc = Mvc.of(context);
        mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(SearchFixtures.householdJson("Ada", SearchFixtures.lastName(), "1966-06-06", bsn, "centrum", true)));
        String answer = mvc.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(SearchFixtures.householdJson("Bea", SearchFixtures.lastName(), "1967-06-06", bsn, "centrum", true)))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"bsn\"").contains("Er is al een persoon met dit BSN");
    }
}
