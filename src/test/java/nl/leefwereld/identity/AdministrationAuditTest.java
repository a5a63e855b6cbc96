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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Item 6: an administrator gave itself the case-director role and a team, unaudited; a district moved teams silently.
 * Item 8 (part): unknown /api paths answered 403.
 */
@IntegrationTest
@RecordApplicationEvents
class AdministrationAuditTest {

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

    /** A fresh administrator, so no demo account ever changes. */
    UUID freshAdmin(String username) {
        return admin.createUser("9999", new Administration.NewUser(username, "Beheerder " + username, null, null,
                EnumSet.of(Role.ADMINISTRATOR), "een-lang-en-sterk-wachtwoord", null), null, "test");
    }

    String pendingChangeId(UUID userId) {
        return jdbc.sql("SELECT id FROM pending_account_change WHERE user_id = :u AND status = 'PENDING'").param("u", userId)
                .query(String.class).single();
    }

    @Test
    void anAdministratorCannotGiveThemselvesCaseworkAccessWithoutASecondAdministrator() throws Exception {
        String self = "beheer.zelf." + UUID.randomUUID().toString().substring(0, 6);
        String other = "beheer.ander." + UUID.randomUUID().toString().substring(0, 6);
        UUID selfId = freshAdmin(self);
        freshAdmin(other);

        // The attack: give yourself the case-director role and a team.
        mvc.perform(post("/beheer/gebruikers/{id}", selfId).with(csrf()).with(users.as(self))
                        .param("displayName", "Beheerder " + self).param("teamId", testTeam.toString())
                        .param("roles", "ADMINISTRATOR", "CASE_DIRECTOR").param("active", "true").param("_active", "on"))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + selfId));
        assertThat(admin.user("9999", selfId).roles()).as("nothing applied yet").containsExactly(Role.ADMINISTRATOR);
        assertThat(admin.user("9999", selfId).teamId()).isNull();
        mvc.perform(get("/mijn-werk").with(users.as(self))).andExpect(status().isForbidden());
        UserAccountChanged requested = events.stream(UserAccountChanged.class)
                .filter(e -> e.userId().equals(selfId) && e.action().equals("REQUEST_CHANGE")).findFirst().orElseThrow();
        assertThat(requested.before()).contains("ADMINISTRATOR").doesNotContain("CASE_DIRECTOR");
        assertThat(requested.after()).contains("CASE_DIRECTOR").contains("Testteam ");
        assertThat(requested.accessChange()).isTrue();

        // The requester cannot confirm it.
        String change = pendingChangeId(selfId);
        mvc.perform(post("/beheer/wijzigingen/bevestigen").with(csrf()).with(users.as(self)).param("changeId", change))
                .andExpect(status().isOk()).andExpect(content().string(containsString("U kunt uw eigen aanvraag niet bevestigen")));
        assertThat(admin.user("9999", selfId).roles()).containsExactly(Role.ADMINISTRATOR);

        // Another administrator sees it and confirms: applied, with before and after published.
        mvc.perform(get("/beheer/wijzigingen").with(users.as(other))).andExpect(status().isOk())
                .andExpect(content().string(containsString(self)));
        mvc.perform(post("/beheer/wijzigingen/bevestigen").with(csrf()).with(users.as(other)).param("changeId", change))
                .andExpect(redirectedUrl("/beheer/wijzigingen"));
        assertThat(admin.user("9999", selfId).roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.CASE_DIRECTOR);
        assertThat(admin.user("9999", selfId).teamId()).isEqualTo(testTeam);
        UserAccountChanged confirmed = events.stream(UserAccountChanged.class)
                .filter(e -> e.userId().equals(selfId) && e.action().equals("CONFIRM_CHANGE")).findFirst().orElseThrow();
        assertThat(confirmed.changedByUsername()).isEqualTo(other);
        assertThat(confirmed.before()).doesNotContain("CASE_DIRECTOR");
        assertThat(confirmed.after()).contains("CASE_DIRECTOR");
        // And the open session of the requester has the new role at its next request.
        mvc.perform(get("/mijn-werk").with(users.as(self))).andExpect(status().isOk());
        // Confirming twice does nothing.
        mvc.perform(post("/beheer/wijzigingen/bevestigen").with(csrf()).with(users.as(other)).param("changeId", change))
                .andExpect(status().isOk()).andExpect(content().string(containsString("wacht niet (meer)")));
    }

    @Test
    void aRejectedOrOutdatedRequestChangesNothing() throws Exception {
        String self = "beheer.af." + UUID.randomUUID().toString().substring(0, 6);
        String other = "beheer.af2." + UUID.randomUUID().toString().substring(0, 6);
        UUID selfId = freshAdmin(self);
        UUID otherId = freshAdmin(other);
        assertThat(admin.updateUser("9999", selfId, "Beheerder " + self, null, testTeam, true,
                EnumSet.of(Role.ADMINISTRATOR, Role.TEAM_LEAD), selfId, self)).isEqualTo(Administration.UpdateOutcome.PENDING);
        UUID change = UUID.fromString(pendingChangeId(selfId));
        assertThat(admin.rejectChange("9999", change, otherId, other)).isEqualTo(Administration.ChangeDecision.REJECTED);
        assertThat(admin.user("9999", selfId).roles()).containsExactly(Role.ADMINISTRATOR);

        admin.updateUser("9999", selfId, "Beheerder " + self, null, testTeam, true, EnumSet.of(Role.ADMINISTRATOR, Role.TEAM_LEAD), selfId, self);
        UUID second = UUID.fromString(pendingChangeId(selfId));
        admin.updateUser("9999", selfId, "Andere naam", null, null, true, EnumSet.of(Role.ADMINISTRATOR), otherId, other);
        assertThat(admin.confirmChange("9999", second, otherId, other)).isEqualTo(Administration.ChangeDecision.STALE);
        assertThat(admin.user("9999", selfId).roles()).containsExactly(Role.ADMINISTRATOR);
    }

    @Test
    void grantsToSomeoneElseAreAppliedAndPublishedWithBeforeAndAfter() throws Exception {
        String username = "gewoon." + UUID.randomUUID().toString().substring(0, 6);
        UUID id = admin.createUser("9999", new Administration.NewUser(username, "Gewone Medewerker", null, null,
                EnumSet.of(Role.POLICY_OFFICER), "een-lang-en-sterk-wachtwoord", null), null, "test");
        mvc.perform(post("/beheer/gebruikers/{id}", id).with(csrf()).with(users.as("beheer"))
                        .param("displayName", "Gewone Medewerker").param("teamId", testTeam.toString()).param("roles", "CASE_DIRECTOR")
                        .param("active", "true").param("_active", "on"))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + id));
        assertThat(admin.user("9999", id).roles()).containsExactly(Role.CASE_DIRECTOR);
        UserAccountChanged e = events.stream(UserAccountChanged.class).filter(x -> x.userId().equals(id) && x.action().equals("UPDATE"))
                .findFirst().orElseThrow();
        assertThat(e.before()).isEqualTo("rollen: POLICY_OFFICER; team: geen; actief: ja");
        assertThat(e.after()).isEqualTo("rollen: CASE_DIRECTOR; team: " + admin.teams("9999").stream().filter(t -> t.id().equals(testTeam)).findFirst().orElseThrow().name() + " (" + testTeam + "); actief: ja");
        assertThat(e.accessChange()).isTrue();
        assertThat(e.changedByUsername()).isEqualTo("beheer");
    }

    @Test
    void movingADistrictIsPublishedWithTheTeamBeforeAndAfter() throws Exception {
        String district = "wijk-" + UUID.randomUUID().toString().substring(0, 6);
        admin.ensureDistrict("9999", district, "Testwijk");
        UUID from = admin.createTeam("9999", "Team Van " + district, Set.of(district));
        UUID to = admin.createTeam("9999", "Team Naar " + district, Set.of());
        String flash = (String) mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer")).param("districts", district)
                        .param("confirmed", "true")).andExpect(redirectedUrl("/beheer/teams")).andReturn().getFlashMap().get("message");
        assertThat(flash).contains("Team Naar " + district + " krijgen toegang").contains("Team Van " + district + " verliezen");
        List<DistrictTeamChanged> moved = events.stream(DistrictTeamChanged.class).filter(e -> e.districtCode().equals(district)).toList();
        assertThat(moved).last().satisfies(e -> {
            assertThat(e.teamBefore()).isEqualTo(from);
            assertThat(e.teamAfter()).isEqualTo(to);
            assertThat(e.changedByUsername()).isEqualTo("beheer");
        });
        // Leaving it without a team is published too.
        mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer")).param("confirmed", "true"))
                .andExpect(redirectedUrl("/beheer/teams"));
        assertThat(events.stream(DistrictTeamChanged.class).filter(e -> e.districtCode().equals(district)).toList()).last()
                .satisfies(e -> {
                    assertThat(e.teamBefore()).isEqualTo(to);
                    assertThat(e.teamAfter()).isNull();
                });
    }

    @Test
    void anUnknownApiPathIsNotFoundAndAMappedRouteWithoutARuleStaysForbidden() throws Exception {
        mvc.perform(get("/api/v1/bestaat-niet").with(users.as("regisseur"))).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(content().string(containsString("\"title\":\"Niet gevonden\"")));
        // Inside a module's area the role rule decides first: a casework role gets 404, an administrator 403 for the whole area.
        mvc.perform(post("/api/v1/households/x/y/z").with(users.as("regisseur"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/households/x/y/z").with(users.as("beheer"))).andExpect(status().isForbidden());
        // Anonymous: still asked to log in first, so nobody learns which paths exist.
        mvc.perform(get("/api/v1/bestaat-niet")).andExpect(status().isUnauthorized());
        // A mapped path with a method nobody has a rule for: the final deny-all.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me").with(users.as("beheer")))
                .andExpect(status().isForbidden());
        // A mapped route the role may not use: 403.
        mvc.perform(get("/api/v1/admin/users").with(users.as("regisseur"))).andExpect(status().isForbidden());
    }
}
