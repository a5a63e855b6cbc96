package nl.leefwereld.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.SecondMunicipality;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal API tokens (issue 7 item 3): a token signs API requests in as its account in microseconds; it stops working
 * at its expiry, on revocation and the moment its account is blocked; it is bound to its municipality; it is stored only
 * as a SHA-256 hash and never logged.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenTest {

    static final String PASSWORD = "Een-lang-token-wachtwoord-2026";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Administration admin;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    SecondMunicipality second;

    MockMvc mvc;
    String municipality;
    String username;
    UUID userId;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        municipality = users.current("beheer").municipalityCode();
        username = "token." + TestHouseholds.letters(8).toLowerCase();
        userId = admin.createUser(municipality, new Administration.NewUser(username, "Token Gebruiker", null, null,
                EnumSet.of(Role.POLICY_OFFICER), PASSWORD, null), null, "token-test");
    }

    private String tomorrowPlus(int days) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))).plusDays(1 + days).toString();
    }

    /** Creates a token for the test user through the API (signed in with the password) and returns the answer. */
    private JsonNode createToken(String name, String expiresOn) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(username, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"expiresOn\": \"" + expiresOn + "\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(r.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        return json.readTree(r.getResponse().getContentAsString());
    }

    private MvcResult me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn();
    }

    private void assertRefused(String token) throws Exception {
        MvcResult r = me(token);
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(r.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(r.getResponse().getContentAsString()).doesNotContain(token);
    }

    @Test
    void aTokenSignsInAsItsAccountAndIsStoredOnlyAsAHash() throws Exception {
        JsonNode created = createToken("Koppeling test", tomorrowPlus(30));
        String token = created.get("token").asString();
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(token).matches("lw_" + municipality + "_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");

        MvcResult r = me(token);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(r.getResponse().getContentAsString()).get("username").asString()).isEqualTo(username);

        byte[] stored = jdbc.sql("SELECT secret_sha256 FROM api_token WHERE municipality_code = :m AND id = :id")
                .param("m", municipality).param("id", id).query(byte[].class).single();
        String secret = token.substring(token.length() - 43);
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        String row = jdbc.sql("SELECT row_to_json(t)::text FROM api_token t WHERE municipality_code = :m AND id = :id")
                .param("m", municipality).param("id", id).query(String.class).single();
        assertThat(row).doesNotContain(secret).doesNotContain(token);

        // the own list shows it, without the token text
        String list = mvc.perform(get("/api/v1/me/tokens").with(httpBasic(username, PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(id.toString()).contains("Koppeling test").doesNotContain(secret);
    }

    @Test
    void lastUsedIsWrittenAtMostOnceAMinute() throws Exception {
        String token = createToken("Gebruik", tomorrowPlus(5)).get("token").asString();
        TestClock testClock = (TestClock) clock;
        testClock.freeze();
        assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
        Object first = lastUsed();
        assertThat(first).isNotNull();
        testClock.advance(Duration.ofSeconds(30));
        assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
        assertThat(lastUsed()).as("within a minute: not written again").isEqualTo(first);
        testClock.advance(Duration.ofSeconds(31));
        assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
        assertThat(lastUsed()).as("after a minute: written").isNotEqualTo(first);
    }

    private Object lastUsed() {
        return jdbc.sql("SELECT last_used_at FROM api_token WHERE municipality_code = :m AND user_id = :u")
                .param("m", municipality).param("u", userId).query(java.time.OffsetDateTime.class).single();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String expiresOn = tomorrowPlus(0);
        String token = createToken("Kort", expiresOn).get("token").asString();
        assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
        java.time.Instant end = LocalDate.parse(expiresOn).plusDays(1).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        ((TestClock) clock).freezeAt(end.minusSeconds(60));
        assertThat(me(token).getResponse().getStatus()).as("valid through the last minute of the chosen day").isEqualTo(200);
        ((TestClock) clock).freezeAt(end);
        assertRefused(token);
    }

    @Test
    void anExpiryInThePastOrBeyondAYearIsAFieldError() throws Exception {
        for (String expiresOn : List.of(LocalDate.now(clock).minusDays(1).toString(), LocalDate.now(clock).plusYears(2).toString(), "morgen", "")) {
            MvcResult r = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(username, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"x\", \"expiresOn\": \"" + expiresOn + "\"}")).andReturn();
            assertThat(r.getResponse().getStatus()).as(expiresOn).isEqualTo(400);
            assertThat(json.readTree(r.getResponse().getContentAsString()).get("errors").has("expiresOn")).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE municipality_code = :m AND user_id = :u")
                .param("m", municipality).param("u", userId).query(Long.class).single()).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceByTheUserOrTheAdministrator() throws Exception {
        JsonNode a = createToken("Eigen intrekking", tomorrowPlus(10));
        JsonNode b = createToken("Beheer intrekking", tomorrowPlus(10));
        assertThat(me(a.get("token").asString()).getResponse().getStatus()).isEqualTo(200);
        MvcResult revoked = mvc.perform(delete("/api/v1/me/tokens/" + a.get("id").asString()).with(httpBasic(username, PASSWORD))).andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(revoked.getResponse().getContentAsString()).get("revoked").asBoolean()).isTrue();
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + a.get("id").asString()).with(httpBasic(username, PASSWORD)))
                .andReturn().getResponse().getStatus()).as("revoked once").isEqualTo(404);
        assertRefused(a.get("token").asString());
        assertThat(me(b.get("token").asString()).getResponse().getStatus()).isEqualTo(200);

        // the administrator's screen lists it and revokes it
        String page = mvc.perform(get("/beheer/api-tokens").with(users.as("beheer"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Beheer intrekking").doesNotContain(b.get("token").asString());
        MvcResult r = mvc.perform(post("/beheer/api-tokens/" + b.get("id").asString() + "/intrekken").with(csrf()).with(users.as("beheer")))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertRefused(b.get("token").asString());
        // another user cannot revoke someone else's token through the API: not found
        JsonNode c = createToken("Van een ander", tomorrowPlus(10));
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + c.get("id").asString()).with(users.as("regisseur")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(me(c.get("token").asString()).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE municipality_code = :m AND record_id = :u AND action = 'ACCESS_CHANGE'")
                .param("m", municipality).param("u", userId.toString()).query(Long.class).single())
                .as("each creation and revocation is an audited access change").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aBlockedAccountsTokensStopAtOnceAndRoleChangesApplyAtOnce() throws Exception {
        String token = createToken("Blokkeren", tomorrowPlus(10)).get("token").asString();
        assertThat(mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        admin.updateUser(municipality, userId, "Token Gebruiker", null, null, true, EnumSet.of(Role.ADMINISTRATOR),
                users.current("beheer").id(), "beheer");
        assertThat(mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
                .as("the token has the account's roles as they are now").isEqualTo(200);
        admin.updateUser(municipality, userId, "Token Gebruiker", null, null, false, EnumSet.of(Role.POLICY_OFFICER),
                users.current("beheer").id(), "beheer");
        assertRefused(token);
    }

    @Test
    void aTokenIsBoundToItsMunicipality() throws Exception {
        String token = createToken("Gemeente", tomorrowPlus(10)).get("token").asString();
        // the same id and secret, presented as another municipality's token
        String other = token.replace("lw_" + municipality + "_", "lw_" + SecondMunicipality.CODE + "_");
        assertRefused(other);

        // a token of a user in the second municipality reads that municipality only
        var data = second.ensure();
        MvcResult created = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(SecondMunicipality.DIRECTOR + "@" + SecondMunicipality.CODE,
                SecondMunicipality.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Tweestad\", \"expiresOn\": \"" + tomorrowPlus(3) + "\"}")).andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        String tweestad = json.readTree(created.getResponse().getContentAsString()).get("token").asString();
        assertThat(tweestad).startsWith("lw_" + SecondMunicipality.CODE + "_");
        assertThat(mvc.perform(get("/api/v1/households/" + data.householdId()).header("Authorization", "Bearer " + tweestad))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String leefstadHousehold = jdbc.sql("SELECT id::text FROM household WHERE municipality_code = :m LIMIT 1").param("m", municipality)
                .query(String.class).single();
        assertThat(mvc.perform(get("/api/v1/households/" + leefstadHousehold).header("Authorization", "Bearer " + tweestad))
                .andReturn().getResponse().getStatus()).as("another municipality's household does not exist for this token").isEqualTo(404);

        // an administrator cannot make a token for an account of another municipality
        MvcResult r = mvc.perform(post("/beheer/api-tokens").with(csrf()).with(users.as("beheer"))
                .param("userId", data.directorId().toString()).param("name", "Poging").param("expiresOn", tomorrowPlus(3))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("Kies een gebruiker uit de lijst.");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE name = 'Poging'").query(Long.class).single()).isZero();
    }

    @Test
    void tamperedUnknownAndMalformedTokensGetTheSameAnswer() throws Exception {
        String token = createToken("Knoeien", tomorrowPlus(10)).get("token").asString();
        char last = token.charAt(token.length() - 1);
        String wrongSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknownId = "lw_" + municipality + "_" + UUID.randomUUID().toString().replace("-", "") + token.substring(token.length() - 44);
        List<String> bodies = new ArrayList<>();
        for (String t : List.of(wrongSecret, unknownId, "lw_kapot", "x".repeat(5000), token.toUpperCase())) {
            assertRefused(t);
            bodies.add(me(t).getResponse().getContentAsString());
        }
        assertThat(Set.copyOf(bodies)).as("one answer for every refused token").hasSize(1);
        // no fallback: a bad Bearer token with valid Basic credentials is still refused
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + wrongSecret)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void aTokenCannotMakeNewTokens() throws Exception {
        String token = createToken("Geen kinderen", tomorrowPlus(10)).get("token").asString();
        MvcResult r = mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"kind\", \"expiresOn\": \"" + tomorrowPlus(300) + "\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theAdministratorMakesATokenForAUserShownOnce() throws Exception {
        MvcResult r = mvc.perform(post("/beheer/api-tokens").with(csrf()).with(users.as("beheer"))
                .param("userId", userId.toString()).param("name", "Wmo-koppeling").param("expiresOn", tomorrowPlus(60))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        String token = (String) r.getFlashMap().get("newToken");
        assertThat(token).startsWith("lw_" + municipality + "_");
        assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
        // the page after the redirect shows it; the next one does not
        String shown = mvc.perform(get("/beheer/api-tokens").with(users.as("beheer")).flashAttrs(r.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).contains(token).contains("Wmo-koppeling");
        assertThat(mvc.perform(get("/beheer/api-tokens").with(users.as("beheer"))).andReturn().getResponse().getContentAsString())
                .contains("Wmo-koppeling").doesNotContain(token);
        // bad input: every error next to its field, nothing typed lost
        MvcResult bad = mvc.perform(post("/beheer/api-tokens").with(csrf()).with(users.as("beheer"))
                .param("userId", "geen-id").param("name", "Mijn koppeling").param("expiresOn", "2020-01-01")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains("Kies een gebruiker uit de lijst.").contains("Kies een einddatum na vandaag.")
                .contains("value=\"Mijn koppeling\"").contains("value=\"2020-01-01\"");
    }

    /** Checked in microseconds: no password hash per request (Basic costs a BCrypt check every time). */
    @Test
    void aTokenIsCheckedMuchFasterThanAPassword() throws Exception {
        String token = createToken("Snel", tomorrowPlus(10)).get("token").asString();
        for (int i = 0; i < 5; i++) {   // warm up both paths
            me(token);
            mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andReturn();
        }
        List<Long> tokenNanos = new ArrayList<>();
        List<Long> basicNanos = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            assertThat(me(token).getResponse().getStatus()).isEqualTo(200);
            long t1 = System.nanoTime();
            assertThat(mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andReturn().getResponse().getStatus()).isEqualTo(200);
            long t2 = System.nanoTime();
            tokenNanos.add(t1 - t0);
            basicNanos.add(t2 - t1);
        }
        long tokenMedian = median(tokenNanos);
        long basicMedian = median(basicNanos);
        System.out.printf("ApiTokenTest: median GET /api/v1/me with a token %.2f ms, with HTTP Basic %.2f ms%n", tokenMedian / 1e6, basicMedian / 1e6);
        assertThat(tokenMedian * 4).as("token median " + tokenMedian / 1000 + " µs vs Basic " + basicMedian / 1000 + " µs").isLessThan(basicMedian);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void theTokenIsNeverLogged(CapturedOutput output) throws Exception {
        String token = createToken("Logboek", tomorrowPlus(10)).get("token").asString();
        me(token);
        me(token.substring(0, token.length() - 1) + "x");
        mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"expiresOn\": \"kapot\"}")).andReturn();
        String secret = token.substring(token.length() - 43);
        assertThat(output.getAll()).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event a WHERE a.occurred_at > now() - interval '10 minutes' AND row_to_json(a)::text LIKE :s")
                .param("s", "%" + secret + "%").query(Long.class).single()).as("nor written to the audit trail").isZero();
    }
}
