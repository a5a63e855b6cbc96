package nl.leefwereld.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A change waiting for four eyes: a throw-away administrator gives themselves a casework role in a throw-away team. */
public final class PendingSelfGrants {

    private PendingSelfGrants() {
    }

    /** Creates the administrator and the pending self-grant; returns the pending change's id. */
    public static String create(Administration admin, JdbcClient jdbc, String municipality, UUID throwAwayTeam, String username) {
        UUID self = admin.createUser(municipality, new Administration.NewUser(username, "Tijdelijke Beheerder", null, null,
                EnumSet.of(Role.ADMINISTRATOR), "Een-lang-wachtwoord-2026", null), null, "test");
        Administration.UpdateOutcome outcome = admin.updateUser(municipality, self, "Tijdelijke Beheerder", null, throwAwayTeam, true,
                EnumSet.of(Role.ADMINISTRATOR, Role.CASE_DIRECTOR), self, username);
        assertThat(outcome).as("a self-grant waits for a second administrator").isEqualTo(Administration.UpdateOutcome.PENDING);
        return jdbc.sql("SELECT id::text FROM pending_account_change WHERE user_id = :u AND status = 'PENDING'").param("u", self)
                .query(String.class).single();
    }
}
