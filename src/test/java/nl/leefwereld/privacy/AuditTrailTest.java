package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.DistrictTeamChanged;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.intake.Intake;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.TimeConfiguration;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.OwnerDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** Issue 5 items 2 and 9: an audit trail that survives rollbacks, logs security events and cannot be backdated or rewritten. */
@IntegrationTest
class AuditTrailTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Intake intake;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditChain chain;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OwnerDatabase owner;

    static String uniqueName() {
        StringBuilder s = new StringBuilder("Test");
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> s.append((char) c));
        return s.toString();
    }

    static PersonDraft head(String lastName) {
        return new PersonDraft("Lotte" + lastName.substring(4, 10), lastName, "1984-07-21", null, null, null);
    }

    static AddressDraft address(String district) {
        return new AddressDraft("Populierenweg", "3", "8303AB", "Leefstad", district);
    }

    static NotificationDraft notification() {
        return new NotificationDraft("KCC_PHONE", LocalDate.now(TimeConfiguration.ZONE).toString(), null, "Ik krijg de huur niet meer betaald.",
                null, null, null, null, null, null);
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void whatTheDuplicateWarningShowedStaysAuditedAlthoughItsTransactionRollsBack() {
        CurrentUser registrar = users.current("regisseur");
        String name = uniqueName();
        intake.registerForNewHousehold(registrar, head(name), address("centrum"), false, notification());
        UUID household = jdbc.sql("SELECT hm.household_id FROM person p JOIN household_member hm ON hm.person_id = p.id WHERE p.last_name = ?")
                .param(name).query(UUID.class).single();

        assertThatThrownBy(() -> intake.registerForNewHousehold(registrar, head(name),
                new AddressDraft("Elzenhof", "9", "8304 XY", "Leefstad", "haven"), false, notification()))
                .isInstanceOf(LikelyDuplicateException.class);

        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'SEARCH' AND household_id = ? AND actor_username = 'regisseur'",
                household)).as("the SEARCH row for the candidate that was shown").isEqualTo(1);
    }

    @Test
    void aRolledBackChangeLeavesNoCreateRowAndACommittedOneDoes() {
        CurrentUser registrar = users.current("regisseur.zuid");
        long before = count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND actor_username = 'regisseur.zuid'");
        NotificationDraft invalid = new NotificationDraft("SMOKE_SIGNAL", "2026-13-45", null, "", null, null, null, null, null, null);
        assertThatThrownBy(() -> intake.registerForNewHousehold(registrar, head(uniqueName()), address("zuid"), false, invalid))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND actor_username = 'regisseur.zuid'"))
                .as("the household was created and rolled back: no CREATE row claims it").isEqualTo(before);

        intake.registerForNewHousehold(registrar, head(uniqueName()), address("zuid"), false, notification());
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND actor_username = 'regisseur.zuid'"))
                .as("household, person and notification").isEqualTo(before + 3);
    }

    @Test
    void securityEventsAreAuditedEvenInsideATransactionThatRollsBack() {
        String typed = "onbekend-" + uniqueName();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new SecurityEvent(null, null, typed, SecurityEvent.Type.LOGIN_FAILED, "203.0.113.7", "form"));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT action || ' ' || source_address || ' ' || reason FROM audit_event WHERE actor_username = ?")
                .param(typed).query(String.class).list()).containsExactly("LOGIN_FAILED 203.0.113.7 form");

        CurrentUser noord = users.current("regisseur.noord");
        for (SecurityEvent.Type type : SecurityEvent.Type.values()) {
            events.publishEvent(new SecurityEvent(noord.municipalityCode(), noord.id(), "regisseur.noord", type, "198.51.100.1", "test-" + type));
        }
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE actor_username = 'regisseur.noord' AND reason LIKE 'test-%' ORDER BY id DESC LIMIT 8")
                .query(String.class).list()).containsExactlyInAnyOrder("LOGIN", "LOGIN_FAILED", "LOCKOUT", "LOGOUT", "LOGOUT",
                "SESSION_REVOKED", "ACCESS_DENIED", "RATE_LIMITED");
    }

    @Test
    void aRefusedHouseholdIsAuditedOnPagesAndInTheApi() throws Exception {
        MockMvc mvc = Mvc.of(context);
        UUID zuid = jdbc.sql("SELECT id FROM household WHERE district_code = 'zuid' ORDER BY created_at LIMIT 1").query(UUID.class).single();
        String sql = "SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND household_id = ? AND actor_username = 'regisseur.noord'";
        long before = count(sql, zuid);
        mvc.perform(get("/huishoudens/{id}", zuid).with(users.as("regisseur.noord"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/{id}", zuid).with(users.as("regisseur.noord"))).andExpect(status().isForbidden());
        assertThat(count(sql, zuid)).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT source_address FROM audit_event WHERE action = 'ACCESS_DENIED' AND household_id = ? ORDER BY id DESC LIMIT 1")
                .param(zuid).query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void accessChangesAreAuditedWithBeforeAndAfterOnlyWhenCommittedAndShownToThePrivacyOfficer() throws Exception {
        CurrentUser admin = users.current("beheer");
        UUID committed = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(new UserAccountChanged(admin.municipalityCode(), committed, "UPDATE", admin.id(),
                "beheer", "rollen: CASE_DIRECTOR; team: geen", "rollen: CASE_DIRECTOR; team: Wijkteam Noord", true)));
        tx.executeWithoutResult(s -> {
            events.publishEvent(new UserAccountChanged(admin.municipalityCode(), rolledBack, "UPDATE", admin.id(), "beheer", "a", "b", true));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT action || '|' || before_value || '|' || after_value FROM audit_event WHERE record_id = ?")
                .param(committed.toString()).query(String.class).list())
                .containsExactly("ACCESS_CHANGE|rollen: CASE_DIRECTOR; team: geen|rollen: CASE_DIRECTOR; team: Wijkteam Noord");
        assertThat(count("SELECT count(*) FROM audit_event WHERE record_id = ?", rolledBack.toString())).isZero();

        String district = "wijk-" + uniqueName();
        UUID team = UUID.randomUUID();
        events.publishEvent(new DistrictTeamChanged(admin.municipalityCode(), district, null, null, team, "Wijkteam Test", admin.id(), "beheer"));
        assertThat(jdbc.sql("SELECT action || '|' || record_type || '|' || before_value || '|' || after_value FROM audit_event WHERE record_id = ?")
                .param(district).query(String.class).single())
                .isEqualTo("ACCESS_CHANGE|DISTRICT|geen team|Wijkteam Test (" + team + ")");

        Mvc.of(context).perform(get("/privacy/audit").param("action", "ACCESS_CHANGE").with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Toegangswijzigingen")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Toegangswijziging")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wijkteam Test (" + team + ")")));
    }

    @Test
    void aListIsAuditedInOneBatch() {
        CurrentUser me = users.current("teamleider");
        String reason = "batch-" + uniqueName();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            entries.add(AuditEntry.read("HOUSEHOLD_SUMMARY", UUID.randomUUID(), null, null, reason));
        }
        audit.recordAll(me, entries);
        assertThat(count("SELECT count(*) FROM audit_event WHERE reason = ? AND action = 'READ'", reason)).isEqualTo(1203);
    }

    @Test
    void theApplicationCannotBackdateAnAuditRow() {
        jdbc.sql("""
                INSERT INTO audit_event (municipality_code, occurred_at, actor_username, action, record_type, route, reason)
                VALUES ('9999', TIMESTAMPTZ '2001-01-01 00:00:00+00', 'regisseur', 'READ', 'HOUSEHOLD', 'GET /x', 'backdate-test')
                """).update();
        OffsetDateTime stored = jdbc.sql("SELECT occurred_at FROM audit_event WHERE reason = 'backdate-test' ORDER BY id DESC LIMIT 1")
                .query(OffsetDateTime.class).single();
        assertThat(stored).isAfter(OffsetDateTime.now().minusMinutes(5));
        assertThat(chain.verify("9999").intact()).isTrue();
    }

    @Test
    void breakTheGlassGrantsCannotBeChangedOrRemovedByTheApplication() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE break_glass_grant SET expires_at = now() + interval '10 days'").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM break_glass_grant").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE break_glass_grant").update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void theHashChainDetectsAChangedAndARemovedRowAtThatRow() {
        // A municipality of its own for this test, so the shared demo trail stays intact for everybody else.
        String m = "T" + ThreadLocalRandom.current().nextInt(100, 1000);
        CurrentUser actor = new CurrentUser(UUID.randomUUID(), "tamper-test", "Tamper", m, null, java.util.Set.of());
        for (int i = 1; i <= 5; i++) {
            audit.read(actor, "HOUSEHOLD", UUID.randomUUID(), null, null, "regel " + i);
        }
        AuditChain.Verification ok = chain.verify(m);
        assertThat(ok.intact()).isTrue();
        assertThat(ok.rowsChecked()).isEqualTo(5);

        long third = jdbc.sql("SELECT id FROM audit_event WHERE municipality_code = ? AND chain_seq = 3").param(m).query(Long.class).single();
        owner.runWithoutTriggers("UPDATE audit_event SET reason = 'verborgen' WHERE municipality_code = '" + m + "' AND id = " + third);
        AuditChain.Verification changed = chain.verify(m);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenRowId()).isEqualTo(third);
        assertThat(changed.brokenSequence()).isEqualTo(3);
        assertThat(changed.rowsChecked()).isEqualTo(3);
        assertThat(changed.problem()).contains("gewijzigd");

        // Even with the hash recomputed for the changed row, the next row no longer points to it.
        owner.runWithoutTriggers("UPDATE audit_event e SET row_hash = audit_row_hash(e.prev_hash, e) WHERE municipality_code = '" + m
                + "' AND id = " + third);
        assertThat(chain.verify(m).brokenSequence()).isEqualTo(4);

        owner.runWithoutTriggers("DELETE FROM audit_event WHERE municipality_code = '" + m + "' AND chain_seq = 2");
        AuditChain.Verification removed = chain.verify(m);
        assertThat(removed.intact()).isFalse();
        assertThat(removed.brokenSequence()).isEqualTo(3);

        // Leave no broken chain behind for a check over all municipalities.
        owner.runWithoutTriggers("DELETE FROM audit_event WHERE municipality_code = '" + m + "'");
    }

    @Test
    void thePrivacyOfficerSeesTheChainVerification() throws Exception {
        Mvc.of(context).perform(get("/api/v1/audit-chain/verification").with(users.as("privacy")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.rowsChecked").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.lastHash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
    }
}
