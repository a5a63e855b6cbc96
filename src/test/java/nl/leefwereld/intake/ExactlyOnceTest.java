package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.household.Households;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5 item 7 (double submits) and item 8 (routing leak). The parallel tests go through the real server (Tomcat,
 * HTTP Basic, all servlet filters); the rest through MockMvc with the security chain and then the idempotency filter,
 * in the order the server runs them.
 */
@IntegrationTest
class ExactlyOnceTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Households households;
    @Autowired
    java.time.Clock clock;
    @LocalServerPort
    int port;

    MockMvc mvc;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .addFilters(context.getBean("idempotencyFilter", Filter.class)).build();
    }

    // ---- parallel API submits -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "BSN {0}, shared Idempotency-Key {1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void eightParallelIdenticalNewHouseholdNotificationsMakeOneHouseholdAndOneCase(boolean withBsn, boolean sharedKey) throws Exception {
        String lastName = IntakeIntegrationTest.uniqueName();
        String bsn = withBsn ? freshBsn() : null;
        String body = newHouseholdBody(lastName, bsn);
        String key = sharedKey ? UUID.randomUUID().toString() : null;

        List<HttpResponse<String>> answers = parallel(8, () -> apiPost("regisseur", body, key));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("no 5xx: %s", statuses).allMatch(s -> s < 500);
        assertThat(statuses).as("only created, duplicate/in-progress or BSN-known: %s", statuses).allMatch(s -> s == 201 || s == 409 || s == 400);
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() == 400) {
                assertThat(withBsn).as("a 400 only for the BSN that is now known").isTrue();
                assertThat(json.readTree(r.body()).path("errors").has("bsn")).as(r.body()).isTrue();
            }
            if (r.statusCode() != 201) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
        List<UUID> households = jdbc.sql("""
                SELECT DISTINCT m.household_id FROM person p JOIN household_member m ON m.municipality_code = p.municipality_code AND m.person_id = p.id
                 WHERE p.last_name = :n""").param("n", lastName).query(UUID.class).list();
        assertThat(households).as("exactly one household").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM care_case WHERE household_id = :h").param("h", households.get(0)).query(Long.class).single())
                .as("exactly one case").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN care_case c ON c.municipality_code = n.municipality_code AND c.id = n.case_id WHERE c.household_id = :h")
                .param("h", households.get(0)).query(Long.class).single()).as("one notification").isEqualTo(1);
        List<String> created = answers.stream().filter(r -> r.statusCode() == 201).map(HttpResponse::body).distinct().toList();
        assertThat(created).as("one answer with 201 (replays repeat it byte for byte)").hasSize(1);
        if (sharedKey) {
            long replayed = answers.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isPresent()).count();
            assertThat(replayed + answers.stream().filter(r -> r.statusCode() == 409).count())
                    .as("with one key every other request is a replay or 'wordt al verwerkt'").isEqualTo(7);
        }
    }

    @Test
    void eightParallelNotificationsForAnExistingHouseholdWithoutACaseOpenOneCase() throws Exception {
        UUID household = households.createHousehold(users.current("regisseur"), IntakeIntegrationTest.head(IntakeIntegrationTest.uniqueName()),
                IntakeIntegrationTest.address("centrum"), false);
        String body = """
                {"householdId":"%s","notification":%s}""".formatted(household, notificationJson("€ 1.250 huurachterstand"));

        List<HttpResponse<String>> answers = parallel(8, () -> apiPost("regisseur", body, null));

        assertThat(answers).allMatch(r -> r.statusCode() == 201, "all created");
        List<UUID> caseIds = jdbc.sql("SELECT id FROM care_case WHERE household_id = :h").param("h", household).query(UUID.class).list();
        assertThat(caseIds).as("one case").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_id = :c").param("c", caseIds.get(0)).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND type = 'CASE_OPENED'").param("c", caseIds.get(0))
                .query(Long.class).single()).as("the timeline opens the case once").isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.body().contains("\"newCase\":true")).count()).as("one answer opened the case").isEqualTo(1);
    }

    // ---- Idempotency-Key semantics ----------------------------------------------------------------------------------

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerAndADifferentBodyIsRefused() throws Exception {
        String key = "melding-" + UUID.randomUUID();
        String body = newHouseholdBody(IntakeIntegrationTest.uniqueName(), null);
        MvcResult first = mvc.perform(apiPost(body, key).with(users.as("regisseur"))).andReturn();
        MvcResult again = mvc.perform(apiPost(body, key).with(users.as("regisseur"))).andReturn();

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location")).startsWith("/api/v1/households/");
        assertThat(again.getResponse().getContentType()).startsWith("application/json");
        UUID notification = UUID.fromString(json.readTree(first.getResponse().getContentAsString()).get("notificationId").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id = :n").param("n", notification).query(Long.class).single()).isEqualTo(1);

        MvcResult other = mvc.perform(apiPost(newHouseholdBody(IntakeIntegrationTest.uniqueName(), null), key).with(users.as("regisseur"))).andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(422);
        assertThat(other.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(other.getResponse().getContentAsString()).get("title").asString()).isEqualTo("Idempotency-Key al gebruikt");
    }

    @Test
    void keysArePerUserSoAnotherUserCannotReplayMyAnswer() throws Exception {
        UUID household = households.createHousehold(users.current("regisseur"), IntakeIntegrationTest.head(IntakeIntegrationTest.uniqueName()),
                IntakeIntegrationTest.address("centrum"), false);
        String body = """
                {"householdId":"%s","notification":%s}""".formatted(household, notificationJson("Vraag om hulp"));
        String key = "gedeeld-" + UUID.randomUUID();
        MvcResult mine = mvc.perform(apiPost(body, key).with(users.as("regisseur"))).andReturn();
        MvcResult theirs = mvc.perform(apiPost(body, key).with(users.as("teamleider"))).andReturn();

        assertThat(mine.getResponse().getStatus()).isEqualTo(201);
        assertThat(theirs.getResponse().getStatus()).isEqualTo(201);
        assertThat(theirs.getResponse().getHeader("Idempotent-Replayed")).as("not a replay of the other user's answer").isNull();
        assertThat(json.readTree(theirs.getResponse().getContentAsString()).get("notificationId").asString())
                .isNotEqualTo(json.readTree(mine.getResponse().getContentAsString()).get("notificationId").asString());
    }

    @Test
    void withoutTheHeaderEverySubmitCountsAsToday() throws Exception {
        UUID household = households.createHousehold(users.current("regisseur"), IntakeIntegrationTest.head(IntakeIntegrationTest.uniqueName()),
                IntakeIntegrationTest.address("centrum"), false);
        String body = """
                {"householdId":"%s","notification":%s}""".formatted(household, notificationJson("Twee keer gemeld"));
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(apiPost(body, null).with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(201);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN care_case c ON c.municipality_code = n.municipality_code AND c.id = n.case_id WHERE c.household_id = :h")
                .param("h", household).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aKeyLongerThan255OrWithUnprintableCharactersIsA400Problem() throws Exception {
        String body = newHouseholdBody(IntakeIntegrationTest.uniqueName(), null);
        for (String bad : List.of("x".repeat(256), "sleutel\tmet-tab", "sleutél", " ")) {
            MvcResult r = mvc.perform(apiPost(body, bad).with(users.as("regisseur"))).andReturn();
            assertThat(r.getResponse().getStatus()).as("key %s", bad).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(json.readTree(r.getResponse().getContentAsString()).path("errors").has("Idempotency-Key")).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", json.readTree(body).at("/head/lastName").asString())
                .query(Long.class).single()).as("nothing was saved").isZero();
        assertThat(mvc.perform(apiPost(body, "k".repeat(255)).with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(201);
    }

    // ---- one-time form token on the notification form -----------------------------------------------------------

    @Test
    void theSameNotificationFormSentTwiceSavesOnceAndSendsTheUserToTheFirstResult() throws Exception {
        String token = formToken("regisseur");
        String lastName = IntakeIntegrationTest.uniqueName();
        MvcResult first = mvc.perform(newHouseholdForm(lastName, token).with(users.as("regisseur"))).andReturn();
        MvcResult second = mvc.perform(newHouseholdForm(lastName, token).with(users.as("regisseur"))).andReturn();

        assertThat(first.getResponse().getStatus()).isEqualTo(302);
        assertThat(first.getResponse().getRedirectedUrl()).startsWith("/huishoudens/");
        assertThat(second.getResponse().getStatus()).isEqualTo(302);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
        assertThat(second.getFlashMap().get("message")).isEqualTo("Deze melding was al opgeslagen.");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void parallelSubmitsOfOneFormTokenSaveOnce() throws Exception {
        String token = formToken("regisseur");
        String lastName = IntakeIntegrationTest.uniqueName();
        List<MvcResult> results = parallel(6, () -> mvc.perform(newHouseholdForm(lastName, token).with(users.as("regisseur"))).andReturn());
        assertThat(results).allMatch(r -> r.getResponse().getStatus() == 302);
        assertThat(results.stream().map(r -> r.getResponse().getRedirectedUrl()).distinct()).hasSize(1);
        assertThat(results.stream().filter(r -> "Deze melding was al opgeslagen.".equals(r.getFlashMap().get("message"))).count()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anErrorReRenderKeepsTheTokenValid() throws Exception {
        String token = formToken("regisseur");
        String lastName = IntakeIntegrationTest.uniqueName();
        MvcResult invalid = mvc.perform(newHouseholdForm(lastName, token, "").with(users.as("regisseur"))).andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(200);
        String page = invalid.getResponse().getContentAsString();
        assertThat(page).contains("questionAsAsked-error").contains("value=\"" + token + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isZero();

        MvcResult fixed = mvc.perform(newHouseholdForm(lastName, token).with(users.as("regisseur"))).andReturn();
        assertThat(fixed.getResponse().getStatus()).isEqualTo(302);
        assertThat(fixed.getFlashMap().get("message")).isNotEqualTo("Deze melding was al opgeslagen.");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenOfAnotherUserOrAMadeUpTokenSavesNothingAndKeepsWhatWasTyped() throws Exception {
        String othersToken = formToken("teamleider");
        for (String token : List.of(othersToken, "verzonnen-token")) {
            String lastName = IntakeIntegrationTest.uniqueName();
            MvcResult r = mvc.perform(newHouseholdForm(lastName, token).with(users.as("regisseur"))).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            String page = r.getResponse().getContentAsString();
            assertThat(page).contains("Dit formulier is verlopen").contains(lastName).doesNotContain("value=\"" + token + "\"");
            assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", lastName).query(Long.class).single()).isZero();
        }
    }

    // ---- item 8: no routing leak ------------------------------------------------------------------------------------

    @Test
    void registeringForAHouseholdYouCannotSeeAnswersOnlyRegisteredAndRouted() throws Exception {
        // A household of Wijkteam Zuid with a case and its director (Petra Hoekstra); "regisseur" works in Centrum-Haven.
        RegisteredNotification theirs = context.getBean(Intake.class).registerForNewHousehold(users.current("regisseur.zuid"),
                IntakeIntegrationTest.head(IntakeIntegrationTest.uniqueName()), IntakeIntegrationTest.address("zuid"), false,
                IntakeIntegrationTest.notification("KCC_PHONE"));
        assertThat(theirs.caseDirectorName()).isNotNull();
        String body = """
                {"householdId":"%s","notification":%s}""".formatted(theirs.householdId(), notificationJson("Signaal van de buren"));

        MvcResult api = mvc.perform(apiPost(body, null).with(users.as("regisseur"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(201);
        String answer = api.getResponse().getContentAsString();
        JsonNode n = json.readTree(answer);
        assertThat(n.get("notificationId").isNull()).isFalse();
        for (String field : List.of("caseId", "teamId", "teamName", "caseDirectorId", "caseDirectorName", "newCase")) {
            assertThat(n.path(field).isNull() || n.path(field).isMissingNode()).as(field + " in " + answer).isTrue();
        }
        assertThat(answer).doesNotContain(theirs.caseDirectorName()).doesNotContain("Wijkteam Zuid")
                .doesNotContain(theirs.teamId().toString()).doesNotContain(theirs.caseId().toString());

        MvcResult page = mvc.perform(post("/meldingen").with(csrf()).with(users.as("regisseur"))
                .param("householdId", theirs.householdId().toString()).param("formToken", formToken("regisseur"))
                .param("channel", "KCC_PHONE").param("receivedOn", LocalDate.now(clock).toString()).param("questionAsAsked", "Signaal van de buren"))
                .andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/mijn-werk");
        assertThat(page.getFlashMap().get("message")).isEqualTo("De melding is geregistreerd en doorgezet naar het team van de wijk.");

        // Someone who can see the household still gets the whole answer.
        MvcResult own = mvc.perform(apiPost(body, null).with(users.as("regisseur.zuid"))).andReturn();
        assertThat(own.getResponse().getContentAsString()).contains(theirs.caseDirectorName()).contains("Wijkteam Zuid");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private String formToken(String username) throws Exception {
        String html = mvc.perform(get("/meldingen/nieuw").with(users.as(username))).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the form carries a one-time token").isTrue();
        return m.group(1);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newHouseholdForm(String lastName, String token) {
        return newHouseholdForm(lastName, token, "Ik krijg de huur niet meer betaald.");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newHouseholdForm(String lastName, String token, String question) {
        return post("/meldingen").with(csrf()).param("formToken", token)
                .param("firstName", "Lotte" + lastName.substring(4, 10)).param("lastName", lastName).param("birthDate", "1984-07-21")
                .param("street", "Populierenweg").param("houseNumber", "3").param("postalCode", "8303AB").param("city", "Leefstad")
                .param("districtCode", "centrum").param("channel", "KCC_PHONE").param("receivedOn", LocalDate.now(clock).toString())
                .param("questionAsAsked", question);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder apiPost(String body, String key) {
        var b = post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? b : b.header("Idempotency-Key", key);
    }

    private HttpResponse<String> apiPost(String username, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** Runs the call n times at once (all threads released together) and returns every answer. */
    private static <T> List<T> parallel(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private String newHouseholdBody(String lastName, String bsn) {
        return """
                {"head":{"firstName":"Lotte%s","lastName":"%s","birthDate":"1984-07-21","bsn":%s},
                 "address":{"street":"Populierenweg","houseNumber":"3","postalCode":"8303AB","city":"Leefstad","districtCode":"centrum"},
                 "notification":%s}""".formatted(lastName.substring(4, 10), lastName, bsn == null ? "null" : "\"" + bsn + "\"",
                notificationJson("Ik krijg de huur niet meer betaald."));
    }

    private String notificationJson(String question) {
        return """
                {"channel":"KCC_PHONE","receivedOn":"%s","questionAsAsked":"%s"}""".formatted(LocalDate.now(clock), question);
    }

    /** An 11-proof BSN nobody in the database has. */
    private String freshBsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + ThreadLocalRandom.current().nextInt(9) : ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * d[i];
            }
            d[8] = sum % 11;
            if (d[8] == 10) {
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            if (jdbc.sql("SELECT count(*) FROM person WHERE bsn = :b").param("b", s.toString()).query(Long.class).single() == 0) {
                return s.toString();
            }
        }
    }
}
