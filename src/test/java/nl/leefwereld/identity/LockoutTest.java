package nl.leefwereld.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.EnumSet;
import java.util.UUID;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/** Item 5: 50 wrong passwords and then the right one used to work. Each test: a fresh account and its own client address. */
@IntegrationTest
@RecordApplicationEvents
class LockoutTest {

    static final String PASSWORD = "een-lang-en-sterk-wachtwoord";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Administration admin;
    @Autowired
    ApplicationEvents events;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    String freshAccount() {
        String username = "slot." + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser("9999", new Administration.NewUser(username, "Sam Slot", null, null, EnumSet.of(Role.POLICY_OFFICER), PASSWORD, null),
                null, "test");
        return username;
    }

    @Test
    void fiftyWrongPasswordsOnTheFormLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = freshAccount();
        String source = Logins.freshAddress();
        for (int i = 0; i < 4; i++) {
            mvc.perform(Logins.form(username, "fout-" + i, source)).andExpect(redirectedUrl("/login?error"));
        }
        for (int i = 4; i < 50; i++) {
            mvc.perform(Logins.form(username, "fout-" + i, source)).andExpect(redirectedUrl("/login?teveel=15"));
        }
        // The right password, even from another address, is refused while the account is locked.
        mvc.perform(Logins.form(username, PASSWORD, source)).andExpect(redirectedUrl("/login?teveel=15"));
        mvc.perform(Logins.form(username, PASSWORD, Logins.freshAddress())).andExpect(redirectedUrl("/login?teveel=15"));
        mvc.perform(get("/login").param("teveel", "15")).andExpect(content().string(
                containsString("Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.")));

        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.LOGIN_FAILED && username.equals(e.username())))
                .hasSizeGreaterThanOrEqualTo(50);
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.ACCOUNT_LOCKED && username.equals(e.username())))
                .hasSize(1);
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.LOGIN_SUCCEEDED && username.equals(e.username())))
                .isEmpty();
    }

    @Test
    void httpBasicIsLockedTooAndAnswers429WithRetryAfter() throws Exception {
        String username = freshAccount();
        String source = Logins.freshAddress();
        mvc.perform(Logins.basic("/api/v1/me", username, PASSWORD, source)).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            mvc.perform(Logins.basic("/api/v1/me", username, "fout-" + i, source)).andExpect(status().isUnauthorized());
        }
        for (int i = 4; i < 50; i++) {
            mvc.perform(Logins.basic("/api/v1/me", username, "fout-" + i, source)).andExpect(status().isTooManyRequests());
        }
        MvcResult locked = mvc.perform(Logins.basic("/api/v1/me", username, PASSWORD, source))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(content().string(containsString("\"title\":\"Te veel mislukte pogingen\"")))
                .andExpect(content().string(containsString("\"status\":429")))
                .andReturn();
        long retryAfter = Long.parseLong(locked.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
    }

    @Test
    void aSourceThatGuessesManyNamesIsBlocked() throws Exception {
        String source = Logins.freshAddress();
        String victim = freshAccount();
        // 30 failures spread over names, none reaching the per-name threshold (one each).
        for (int i = 0; i < 30; i++) {
            mvc.perform(Logins.form("gok." + i + "." + UUID.randomUUID().toString().substring(0, 4), "fout", source))
                    .andExpect(redirectedUrl(i < 29 ? "/login?error" : "/login?teveel=15"));
        }
        // That address is blocked, even for a real account with its right password; another address is not.
        mvc.perform(Logins.form(victim, PASSWORD, source)).andExpect(redirectedUrl("/login?teveel=15"));
        mvc.perform(Logins.basic("/api/v1/me", victim, PASSWORD, source)).andExpect(status().isTooManyRequests());
        mvc.perform(Logins.form(victim, PASSWORD, Logins.freshAddress())).andExpect(redirectedUrl("/"));
    }

    @Test
    void anUnknownNameGetsTheSameAnswersAsAKnownOne() throws Exception {
        String known = freshAccount();
        String unknown = "onbekend." + UUID.randomUUID().toString().substring(0, 8);
        String sourceA = Logins.freshAddress();
        String sourceB = Logins.freshAddress();
        for (int i = 0; i < 7; i++) {
            String a = mvc.perform(Logins.form(known, "fout-" + i, sourceA)).andReturn().getResponse().getRedirectedUrl();
            String b = mvc.perform(Logins.form(unknown, "fout-" + i, sourceB)).andReturn().getResponse().getRedirectedUrl();
            assertThat(b).as("attempt " + (i + 1)).isEqualTo(a);
        }
        // The same with HTTP Basic: status and body alike (the instance is the same path).
        MvcResult a = mvc.perform(Logins.basic("/api/v1/me", "nog." + known, "fout", Logins.freshAddress())).andReturn();
        MvcResult b = mvc.perform(Logins.basic("/api/v1/me", freshAccount(), "fout", Logins.freshAddress())).andReturn();
        assertThat(a.getResponse().getStatus()).isEqualTo(b.getResponse().getStatus()).isEqualTo(401);
        assertThat(a.getResponse().getContentAsString()).isEqualTo(b.getResponse().getContentAsString());
    }

    @Test
    void unknownNamesCostAPasswordCheckToo() throws Exception {
        String known = freshAccount();
        // Warm up, then compare the median time of wrong passwords for a known and an unknown name.
        long knownNanos = medianLoginNanos(known);
        long unknownNanos = medianLoginNanos("onbekend." + UUID.randomUUID().toString().substring(0, 8));
        assertThat((double) unknownNanos).as("an unknown name is not answered much faster (no dummy hash check = ~100x faster)")
                .isGreaterThan(knownNanos * 0.5);
    }

    long medianLoginNanos(String username) throws Exception {
        long[] times = new long[4];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            mvc.perform(Logins.form(username, "fout", Logins.freshAddress())).andExpect(redirectedUrl("/login?error"));
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }
}
