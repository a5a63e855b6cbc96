package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** The team's work list: new notifications until picked up, the director's own households, the team lead's assignment. */
@IntegrationTest
class MyWorkTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    Intake intake;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    private RegisteredNotification registerInCentrum(String lastName) {
        return intake.registerForNewHousehold(users.current("regisseur.noord"), IntakeIntegrationTest.head(lastName),
                IntakeIntegrationTest.address("centrum"), false, IntakeIntegrationTest.notification("PARTNER_SIGNAL"));
    }

    @Test
    void aNewNotificationIsOnTheTeamsListUntilSomeonePicksItUp() throws Exception {
        String name = IntakeIntegrationTest.uniqueName();
        RegisteredNotification r = registerInCentrum(name);

        mvc.perform(get("/mijn-werk").with(users.as("procesbegeleider")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Huishouden " + name)));
        mvc.perform(get("/mijn-werk").with(users.as("regisseur.zuid")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Huishouden " + name))));

        // Another team cannot pick it up.
        mvc.perform(post("/meldingen/{id}/oppakken", r.notificationId()).with(csrf()).with(users.as("regisseur.zuid")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/meldingen/{id}/oppakken", r.notificationId()).with(csrf()).with(users.as("teamleider")))
                .andExpect(redirectedUrl("/mijn-werk"));
        mvc.perform(get("/mijn-werk").with(users.as("procesbegeleider")))
                .andExpect(content().string(not(containsString("Huishouden " + name))));
        assertThat(jdbc.sql("SELECT summary FROM case_event WHERE case_id = :c AND type = 'NOTIFICATION_PICKED_UP'").param("c", r.caseId())
                .query(String.class).single()).isEqualTo("Melding opgepakt");
    }

    @Test
    void theDirectorSeesTheirHouseholdsAndTheTeamLeadReassigns() throws Exception {
        String name = IntakeIntegrationTest.uniqueName();
        RegisteredNotification r = registerInCentrum(name);
        String directorUsername = jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", r.caseDirectorId()).query(String.class).single();
        assertThat(directorUsername).isIn("regisseur", "regisseur.haven");   // the case directors of Centrum-Haven
        mvc.perform(get("/mijn-werk").with(users.as(directorUsername)))
                .andExpect(content().string(containsString("Huishouden " + name)));

        // A case director is not a team lead: the route is closed.
        mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).param("caseDirectorId", r.caseDirectorId().toString())
                .with(csrf()).with(users.as("regisseur"))).andExpect(status().isForbidden());

        // The team lead may choose any active case director, also of another team, when that suits the household: after a confirmation.
        UUID noord = users.current("regisseur.noord").id();
        mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).param("caseDirectorId", "geen-id").with(csrf()).with(users.as("teamleider")))
                .andExpect(redirectedUrl("/huishoudens/" + r.householdId() + "#zaak"));
        assertThat(jdbc.sql("SELECT case_director_id FROM care_case WHERE id = :c").param("c", r.caseId()).query(UUID.class).single())
                .isEqualTo(r.caseDirectorId());
        mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).param("caseDirectorId", noord.toString()).with(csrf()).with(users.as("teamleider")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Youssef Amrani werkt in Wijkteam Noord")));
        assertThat(jdbc.sql("SELECT case_director_id FROM care_case WHERE id = :c").param("c", r.caseId()).query(UUID.class).single())
                .isEqualTo(r.caseDirectorId());
        mvc.perform(post("/zaken/{id}/regisseur", r.caseId()).param("caseDirectorId", noord.toString()).param("stap", "bevestigen")
                        .param("confirmOutsideTeam", "true").with(csrf()).with(users.as("teamleider")))
                .andExpect(redirectedUrl("/huishoudens/" + r.householdId() + "#zaak"));
        assertThat(jdbc.sql("SELECT case_director_id FROM care_case WHERE id = :c").param("c", r.caseId()).query(UUID.class).single())
                .isEqualTo(noord);
        assertThat(jdbc.sql("SELECT summary FROM case_event WHERE case_id = :c AND type = 'DIRECTOR_CHANGED_OUTSIDE_TEAM'").param("c", r.caseId())
                .query(String.class).single()).isEqualTo("Regisseur is nu Youssef Amrani (Wijkteam Noord, buiten het team; bevestigd door de teamleider)");

        // The new director now sees the household (as director of its case), though it lies outside their team's districts.
        mvc.perform(get("/huishoudens/{id}", r.householdId()).with(users.as("regisseur.noord"))).andExpect(status().isOk());
        mvc.perform(get("/mijn-werk").with(users.as("regisseur.noord"))).andExpect(content().string(containsString("Huishouden " + name)));
    }
}
