package nl.leefwereld.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class IdentityIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    @Test
    void demoAccountsLogInWithTheirPasswordAndLandWhereTheirWorkIs() throws Exception {
        mvc.perform(formLogin("/login").user("regisseur").password(DemoUsers.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("regisseur").password("fout-wachtwoord")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/").with(users.as("regisseur"))).andExpect(redirectedUrl("/mijn-werk"));
        mvc.perform(get("/").with(users.as("privacy"))).andExpect(redirectedUrl("/privacy/audit"));
        mvc.perform(get("/").with(users.as("beheer"))).andExpect(redirectedUrl("/beheer/gebruikers"));
        mvc.perform(get("/").with(users.as("beleid"))).andExpect(status().isOk()).andExpect(content().string(containsString("Beleidsmedewerker")));
    }

    @Test
    void passwordsAreStoredAsStrongHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'regisseur'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(DemoUsers.PASSWORD);
    }

    @Test
    void theApiAcceptsTheSameAccountsWithBasicAuth() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("teamleider", DemoUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"TEAM_LEAD\"")));
        mvc.perform(get("/api/v1/me").with(httpBasic("teamleider", "fout")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(content().string(containsString("\"title\":\"Niet ingelogd\"")))
                .andExpect(content().string(containsString("\"status\":401")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"instance\""))));   // never echoes the path
        mvc.perform(get("/api/v1/admin/users").with(httpBasic("teamleider", DemoUsers.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("\"title\":\"Geen toegang\"")));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/meldingen").with(users.as("regisseur")).param("channel", "KCC_PHONE")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(users.as("regisseur"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(csrf()).with(users.as("regisseur"))).andExpect(redirectedUrl("/login?uitgelogd"));
    }

    @Test
    void pagesSendSecureHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void healthAnswersWithoutLoginAndWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"UP\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("postgres"))));
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAdministratorCreatesAnAccountThatCanLogIn() throws Exception {
        String team = jdbc.sql("SELECT id FROM team WHERE name = 'Wijkteam Zuid'").query(String.class).single();
        String username = "nieuw." + UUID.randomUUID().toString().substring(0, 6);

        mvc.perform(post("/beheer/gebruikers").with(csrf()).with(users.as("beheer"))
                        .param("username", username).param("displayName", "Nina Nieuw").param("teamId", team)
                        .param("roles", "CASE_DIRECTOR").param("password", "kort"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("password-error")))
                .andExpect(content().string(containsString("value=\"Nina Nieuw\"")));

        mvc.perform(post("/beheer/gebruikers").with(csrf()).with(users.as("beheer"))
                        .param("username", username).param("displayName", "Nina Nieuw").param("teamId", team)
                        .param("roles", "CASE_DIRECTOR").param("password", "een-lang-en-sterk-wachtwoord"))
                .andExpect(redirectedUrl("/beheer/gebruikers"));
        mvc.perform(formLogin("/login").user(username).password("een-lang-en-sterk-wachtwoord")).andExpect(redirectedUrl("/"));

        mvc.perform(post("/beheer/gebruikers").with(csrf()).with(users.as("beheer"))
                        .param("username", username).param("displayName", "Dubbel").param("roles", "POLICY_OFFICER")
                        .param("password", "nog-een-lang-wachtwoord"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Deze gebruikersnaam bestaat al")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'USER_ACCOUNT' AND actor_username = 'beheer'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void caseworkRolesNeedATeam() throws Exception {
        mvc.perform(post("/beheer/gebruikers").with(csrf()).with(users.as("beheer"))
                        .param("username", "zonder.team").param("displayName", "Zonder Team").param("roles", "TEAM_LEAD")
                        .param("password", "een-lang-en-sterk-wachtwoord"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("teamId-error")));
    }

    @Test
    void aBlockedAccountCannotLogIn() throws Exception {
        String username = "geblokkeerd." + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/admin/users").with(users.as("beheer")).contentType("application/json")
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"Gert Blok\",\"roles\":[\"POLICY_OFFICER\"],\"password\":\"een-lang-en-sterk-wachtwoord\"}"))
                .andExpect(status().isCreated());
        String id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(String.class).single();
        mvc.perform(post("/beheer/gebruikers/{id}", id).with(csrf()).with(users.as("beheer"))
                        .param("displayName", "Gert Blok").param("roles", "POLICY_OFFICER").param("_active", "on"))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + id));
        mvc.perform(formLogin("/login").user(username).password("een-lang-en-sterk-wachtwoord")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anAdministratorAddsADistrict() throws Exception {
        String code = "wijk-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/beheer/wijken").with(csrf()).with(users.as("beheer")).param("districtCode", "Hoofd Letters").param("districtName", "Oost"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("districtCode-error")))
                .andExpect(content().string(containsString("value=\"Oost\"")));
        mvc.perform(post("/beheer/wijken").with(csrf()).with(users.as("beheer")).param("districtCode", code).param("districtName", "Oostpolder"))
                .andExpect(redirectedUrl("/beheer/teams"));
        mvc.perform(post("/beheer/wijken").with(csrf()).with(users.as("beheer")).param("districtCode", code).param("districtName", "Nog eens"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Er is al een wijk met deze code")));
        mvc.perform(get("/beheer/teams").with(users.as("beheer"))).andExpect(content().string(containsString("Oostpolder")));
    }

    @Test
    void movingADistrictToAnotherTeamChangesRouting() throws Exception {
        var admin = context.getBean(Administration.class);
        var directory = context.getBean(Directory.class);
        admin.ensureDistrict("9999", "polder", "Polder");
        UUID team = admin.createTeam("9999", "Team Polder " + UUID.randomUUID().toString().substring(0, 4), java.util.Set.of("polder"));
        assertThat(directory.teamServing("9999", "polder").orElseThrow().id()).isEqualTo(team);
        UUID other = admin.createTeam("9999", "Team Polder B " + UUID.randomUUID().toString().substring(0, 4), java.util.Set.of());
        mvc.perform(post("/beheer/teams/{id}/wijken", other).with(csrf()).with(users.as("beheer")).param("districts", "polder")
                        .param("confirmed", "true")).andExpect(redirectedUrl("/beheer/teams"));
        assertThat(directory.teamServing("9999", "polder").orElseThrow().id()).isEqualTo(other);
    }
}
