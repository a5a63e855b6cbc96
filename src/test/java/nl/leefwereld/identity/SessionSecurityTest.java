package nl.leefwereld.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Item 4: a blocked account kept working, role and team changes waited for the next login, sessions could not be ended. */
@IntegrationTest
@RecordApplicationEvents
class SessionSecurityTest {

    static final String PASSWORD = "een-lang-en-sterk-wachtwoord";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Administration admin;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    MockMvc mvc;
    UUID testTeam;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        // A throw-away team without districts: new case directors here never change routing or work lists of other tests.
        testTeam = admin.createTeam("9999", "Testteam " + UUID.randomUUID().toString().substring(0, 8), Set.of());
    }

    UUID freshAccount(String username, Set<Role> roles, UUID team) {
        return admin.createUser("9999", new Administration.NewUser(username, "Sessie Test", null, team, roles, PASSWORD, null), null, "test");
    }

    /** A real form login; the session it leaves is what a browser would carry. */
    MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(Logins.form(username, PASSWORD, Logins.freshAddress()))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void deactivatingAnAccountEndsItsOpenSessionAtTheNextRequest() throws Exception {
        String username = "sessie.blok." + UUID.randomUUID().toString().substring(0, 6);
        UUID id = freshAccount(username, EnumSet.of(Role.CASE_DIRECTOR), testTeam);
        MockHttpSession session = login(username);
        mvc.perform(get("/mijn-werk").session(session)).andExpect(status().isOk());

        mvc.perform(post("/beheer/gebruikers/{id}", id).with(csrf()).with(users.as("beheer"))
                        .param("displayName", "Sessie Test").param("teamId", testTeam.toString()).param("roles", "CASE_DIRECTOR")
                        .param("_active", "on"))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + id));

        mvc.perform(get("/mijn-werk").session(session)).andExpect(redirectedUrl("/login?geblokkeerd"));
        assertThat(session.isInvalid()).as("the session is ended, not just refused once").isTrue();
        mvc.perform(get("/login").param("geblokkeerd", "")).andExpect(content().string(containsString("uw account is geblokkeerd")));
        // The API too: the principal of a blocked account is refused with 401 problem+json.
        mvc.perform(get("/api/v1/me").with(users.as(username))).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @Test
    void aRoleChangeReachesTheOpenSessionAtTheNextRequest() throws Exception {
        String username = "sessie.rol." + UUID.randomUUID().toString().substring(0, 6);
        UUID id = freshAccount(username, EnumSet.of(Role.CASE_DIRECTOR), testTeam);
        MockHttpSession session = login(username);
        mvc.perform(get("/mijn-werk").session(session)).andExpect(status().isOk());

        admin.updateUser("9999", id, "Sessie Test", null, null, true, EnumSet.of(Role.POLICY_OFFICER), null, "test");

        mvc.perform(get("/mijn-werk").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("Beleidsmedewerker")));
        mvc.perform(get("/api/v1/me").with(users.as(username))).andExpect(content().string(containsString("POLICY_OFFICER")));

        admin.updateUser("9999", id, "Sessie Test", null, testTeam, true, EnumSet.of(Role.TEAM_LEAD), null, "test");
        mvc.perform(get("/mijn-werk").session(session)).andExpect(status().isOk());
    }

    @Test
    void aSessionEndsTenHoursAfterItsLoginHoweverActive() throws Exception {
        String username = "sessie.tijd." + UUID.randomUUID().toString().substring(0, 6);
        freshAccount(username, EnumSet.of(Role.POLICY_OFFICER), null);
        MockHttpSession session = login(username);
        Object loggedInAt = session.getAttribute("leefwereld.session.authenticated-at");
        assertThat(loggedInAt).isInstanceOf(Instant.class);
        session.setAttribute("leefwereld.session.authenticated-at", ((Instant) loggedInAt).minus(Duration.ofHours(9).plusMinutes(59)));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        session.setAttribute("leefwereld.session.authenticated-at", ((Instant) loggedInAt).minus(Duration.ofHours(10).plusMinutes(1)));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?verlopen"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.SESSION_EXPIRED && username.equals(e.username())))
                .hasSize(1);
    }

    @Test
    void anAdministratorSeesAndRevokesSessions() throws Exception {
        String username = "sessie.weg." + UUID.randomUUID().toString().substring(0, 6);
        UUID id = freshAccount(username, EnumSet.of(Role.POLICY_OFFICER), null);
        MockHttpSession first = login(username);
        MockHttpSession second = login(username);
        MockHttpSession third = login(username);
        mvc.perform(get("/").session(first)).andExpect(status().isOk());

        String page = mvc.perform(get("/beheer/sessies").with(users.as("beheer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(username);
        Matcher handles = Pattern.compile("name=\"sessionId\" value=\"([0-9a-f-]{36})\"").matcher(page);
        String handleOfFirst = null;
        while (handles.find()) {
            String h = handles.group(1);
            if (h.equals(String.valueOf(first.getAttribute("leefwereld.session.handle")))) {
                handleOfFirst = h;
            }
        }
        assertThat(handleOfFirst).as("the first session is listed by its handle").isNotNull();

        mvc.perform(post("/beheer/sessies/beeindigen").with(csrf()).with(users.as("beheer")).param("sessionId", handleOfFirst))
                .andExpect(redirectedUrl("/beheer/sessies"));
        mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?beeindigd"));
        mvc.perform(get("/").session(second)).andExpect(status().isOk());

        mvc.perform(post("/beheer/sessies/beeindigen").with(csrf()).with(users.as("beheer")).param("userId", id.toString()))
                .andExpect(redirectedUrl("/beheer/sessies"));
        mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?beeindigd"));
        mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/login?beeindigd"));
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.SESSION_REVOKED && username.equals(e.username())))
                .hasSize(3);

        // Bad input: an unknown handle is an error on the page, not a 5xx.
        mvc.perform(post("/beheer/sessies/beeindigen").with(csrf()).with(users.as("beheer")).param("sessionId", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Deze sessie bestaat niet (meer).")));
    }

    @Test
    void loggingOutIsASecurityEvent() throws Exception {
        String username = "sessie.uit." + UUID.randomUUID().toString().substring(0, 6);
        freshAccount(username, EnumSet.of(Role.POLICY_OFFICER), null);
        MockHttpSession session = login(username);
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?uitgelogd"));
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.LOGOUT && username.equals(e.username())))
                .hasSize(1);
        assertThat(events.stream(SecurityEvent.class).filter(e -> e.type() == SecurityEvent.Type.LOGIN_SUCCEEDED && username.equals(e.username())))
                .hasSize(1);
    }
}
