package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.TimeConfiguration;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IntakeIntegrationTest {

    @Autowired
    Intake intake;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Administration admin;

    /** "Test" and ten random letters: 26^10 names, so tests never meet each other's people. */
    static String uniqueName() {
        StringBuilder s = new StringBuilder("Test");
        java.util.concurrent.ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> s.append((char) c));
        return s.toString();
    }

    /** A head with a first name of its own too: same first name and birth date alone already counts as a likely duplicate. */
    static PersonDraft head(String lastName) {
        return new PersonDraft("Lotte" + lastName.substring(4, 10), lastName, "1984-07-21", null, "06-11112222", null);
    }

    static AddressDraft address(String district) {
        return new AddressDraft("Populierenweg", "3", "8303AB", "Leefstad", district);
    }

    static NotificationDraft notification(String channel) {
        return new NotificationDraft(channel, LocalDate.now(TimeConfiguration.ZONE).toString(), null, "Ik krijg de huur niet meer betaald.",
                "Zij wil rust in haar hoofd en haar kinderen niet tekort doen.", "Kan goed plannen", "Zus woont dichtbij",
                "Geen", "Zus is zelf ook moe", "Oudste zoon slaapt slecht");
    }

    @Test
    void aNotificationIsRoutedToTheTeamOfTheHouseholdsDistrictNotToTheRegisteringTeam() {
        CurrentUser registrar = users.current("regisseur");   // Wijkteam Centrum-Haven
        RegisteredNotification r = intake.registerForNewHousehold(registrar, head(uniqueName()), address("noord"), false,
                notification("GP_PRACTICE"));

        assertThat(r.newCase()).isTrue();
        assertThat(r.teamName()).isEqualTo("Wijkteam Noord");
        assertThat(r.caseDirectorName()).as("the only case director of Noord").isEqualTo("Youssef Amrani");
        assertThat(r.teamId()).isNotEqualTo(registrar.teamId());
        List<String> types = jdbc.sql("SELECT type FROM case_event WHERE case_id = :c ORDER BY id").param("c", r.caseId())
                .query(String.class).list();
        assertThat(types).containsExactly("CASE_OPENED", "ROUTED", "DIRECTOR_ASSIGNED", "NOTIFICATION_REGISTERED");
    }

    @Test
    void everyDistrictRoutesToItsOwnTeam() {
        CurrentUser registrar = users.current("regisseur.zuid");
        assertThat(intake.registerForNewHousehold(registrar, head(uniqueName()), address("centrum"), false, notification("KCC_PHONE")).teamName())
                .isEqualTo("Wijkteam Centrum-Haven");
        assertThat(intake.registerForNewHousehold(registrar, head(uniqueName()), address("haven"), false, notification("KCC_DESK")).teamName())
                .isEqualTo("Wijkteam Centrum-Haven");
        assertThat(intake.registerForNewHousehold(registrar, head(uniqueName()), address("zuid"), false, notification("WERKPLEIN")).teamName())
                .isEqualTo("Wijkteam Zuid");
    }

    @Test
    void aSecondNotificationJoinsTheHouseholdsOneCase() {
        CurrentUser registrar = users.current("regisseur");
        RegisteredNotification first = intake.registerForNewHousehold(registrar, head(uniqueName()), address("centrum"), false,
                notification("KCC_PHONE"));
        RegisteredNotification second = intake.registerForHousehold(users.current("teamleider"), first.householdId(),
                notification("PARTNER_SIGNAL"));

        assertThat(second.newCase()).isFalse();
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(second.caseDirectorId()).isEqualTo(first.caseDirectorId());
        assertThat(jdbc.sql("SELECT count(*) FROM care_case WHERE household_id = :h").param("h", first.householdId()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_id = :c").param("c", first.caseId()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aDistrictWithoutTeamKeepsTheWorkWithTheRegisteringTeam() {
        CurrentUser registrar = users.current("regisseur.zuid");
        admin.ensureDistrict(registrar.municipalityCode(), "buitengebied", "Buitengebied");
        RegisteredNotification r = intake.registerForNewHousehold(registrar, head(uniqueName()), address("buitengebied"), false,
                notification("RESIDENT"));
        assertThat(r.teamId()).isEqualTo(registrar.teamId());
        assertThat(jdbc.sql("SELECT summary FROM case_event WHERE case_id = :c AND type = 'ROUTED'").param("c", r.caseId())
                .query(String.class).single()).contains("Geen team voor de wijk");
    }

    @Test
    void creatingTheSamePersonTwiceGivesALikelyDuplicateWarning() {
        CurrentUser registrar = users.current("regisseur");
        String name = uniqueName();
        intake.registerForNewHousehold(registrar, head(name), address("centrum"), false, notification("KCC_PHONE"));

        // Same name and birth date, different address and spelling of the name's case and accents.
        PersonDraft again = new PersonDraft("Lötte", name.toUpperCase(), "1984-07-21", null, null, null);
        assertThatThrownBy(() -> intake.registerForNewHousehold(registrar, again,
                new AddressDraft("Elzenhof", "9", "8304 XY", "Leefstad", "haven"), false, notification("KCC_DESK")))
                .isInstanceOfSatisfying(LikelyDuplicateException.class, e -> {
                    assertThat(e.candidates()).hasSize(1);
                    assertThat(e.candidates().get(0).accessible()).isTrue();
                    assertThat(e.candidates().get(0).description()).contains(name).contains("21-07-1984");
                });

        // The professional confirms it is someone else: then it is saved.
        RegisteredNotification confirmed = intake.registerForNewHousehold(registrar, again,
                new AddressDraft("Elzenhof", "9", "8304 XY", "Leefstad", "haven"), true, notification("KCC_DESK"));
        assertThat(confirmed.newCase()).isTrue();
    }

    @Test
    void aDuplicateInAnotherTeamsHouseholdIsFlaggedWithoutRevealingWhoItIs() {
        String name = uniqueName();
        intake.registerForNewHousehold(users.current("regisseur.zuid"), head(name), address("zuid"), false, notification("KCC_PHONE"));

        assertThatThrownBy(() -> intake.registerForNewHousehold(users.current("regisseur"), head(name), address("centrum"), false,
                notification("KCC_PHONE")))
                .isInstanceOfSatisfying(LikelyDuplicateException.class, e -> {
                    assertThat(e.candidates().get(0).accessible()).isFalse();
                    assertThat(e.candidates().get(0).description()).doesNotContain(name).contains("Zuiderwaard");
                });
    }

    @Test
    void aKnownBsnIsRefusedEvenWhenTheUserConfirmsANewPerson() {
        CurrentUser registrar = users.current("regisseur");
        String bsn = jdbc.sql("SELECT bsn FROM person WHERE bsn IS NOT NULL LIMIT 1").query(String.class).single();
        PersonDraft sameBsn = new PersonDraft("Ander", uniqueName(), "1970-01-02", bsn, null, null);
        assertThatThrownBy(() -> intake.registerForNewHousehold(registrar, sameBsn, address("centrum"), true, notification("KCC_PHONE")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("bsn"));
    }

    @Test
    void invalidNotificationLeavesNoHouseholdBehind() {
        String name = uniqueName();
        NotificationDraft bad = new NotificationDraft("SMOKE_SIGNAL", "2026-13-45", null, "", null, null, null, null, null, null);
        assertThatThrownBy(() -> intake.registerForNewHousehold(users.current("regisseur"), head(name), address("centrum"), false, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("channel", "receivedOn", "questionAsAsked"));
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :n").param("n", name).query(Long.class).single()).isZero();
    }

    @Test
    void theCaseTimelineIsAppendOnlyForTheApplication() {
        RegisteredNotification r = intake.registerForNewHousehold(users.current("regisseur"), head(uniqueName()), address("centrum"), false,
                notification("KCC_PHONE"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_event SET summary = 'changed' WHERE case_id = :c").param("c", r.caseId()).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_event WHERE case_id = :c").param("c", r.caseId()).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c").param("c", r.caseId()).query(Long.class).single())
                .isEqualTo(4);
    }
}
