package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * End to end: real logins and real refusals reach the audit trail as security events (issue 5 item 2), with the
 * source address, in their own transaction.
 */
@IntegrationTest
class SecurityEventsAuditTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    /** An address of this test only, so the per-source lockout of other tests is never touched. */
    String source;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        source = "10.66." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user, String password) {
        return post("/login").param("username", user).param("password", password).with(csrf())
                .with(r -> { r.setRemoteAddr(source); return r; });
    }

    long rows(String action, String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND actor_username = :u AND source_address = :s")
                .param("a", action).param("u", actor).param("s", source).query(Long.class).single();
    }

    @Test
    void aWrongPasswordAndARightOneAreBothInTheTrail() throws Exception {
        mvc.perform(login("regisseur", "fout-wachtwoord")).andExpect(status().is3xxRedirection());
        assertThat(rows("LOGIN_FAILED", "regisseur")).isEqualTo(1);

        mvc.perform(login("regisseur", DemoUsers.PASSWORD)).andExpect(status().is3xxRedirection());
        assertThat(rows("LOGIN", "regisseur")).isEqualTo(1);
    }

    @Test
    void anUnknownNameIsLoggedAsTyped() throws Exception {
        String name = "onbekend." + ThreadLocalRandom.current().nextInt(1_000_000);
        mvc.perform(login(name, "iets")).andExpect(status().is3xxRedirection());
        assertThat(rows("LOGIN_FAILED", name)).isEqualTo(1);
    }

    @Test
    void aRoleLevelRefusalOnAPageAndInTheApiIsAudited() throws Exception {
        mvc.perform(get("/mijn-werk").with(users.as("beleid")).with(r -> { r.setRemoteAddr(source); return r; }))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/my-work").with(users.as("beleid")).with(r -> { r.setRemoteAddr(source); return r; }))
                .andExpect(status().isForbidden());
        assertThat(rows("ACCESS_DENIED", "beleid")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT route FROM audit_event WHERE action = 'ACCESS_DENIED' AND source_address = :s ORDER BY id")
                .param("s", source).query(String.class).list()).containsExactly("GET /mijn-werk", "GET /api/v1/my-work");
    }

    @Test
    void anAnonymousVisitorSentToTheLoginIsNoRefusal() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND source_address = :s")
                .param("s", source).query(Long.class).single();
        mvc.perform(get("/mijn-werk").with(r -> { r.setRemoteAddr(source); return r; })).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND source_address = :s")
                .param("s", source).query(Long.class).single()).isEqualTo(before);
    }
}
