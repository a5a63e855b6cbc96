package nl.leefwereld.support;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A second municipality in the shared test database, next to the demo municipality "Leefstad" (9999): code
 * {@value #CODE} "Tweestad" with one district, one team serving it, a case director, a team lead and a privacy officer,
 * and one household with a notification (routed, with a case). Created once, idempotently (safe to call from every
 * test); nothing of it is ever changed by tests, so its content is stable.
 */
@Component
public class SecondMunicipality {

    public static final String CODE = "0001";
    public static final String DISTRICT = "tweestad-oost";
    public static final String DIRECTOR = "regisseur.tweestad";
    public static final String LEAD = "teamleider.tweestad";
    public static final String PRIVACY = "privacy.tweestad";
    public static final String PASSWORD = "Tweestad-wachtwoord-2026";

    /** What {@link #ensure} made: the household and its people, to probe from the other municipality. */
    public record Data(UUID teamId, UUID householdId, UUID caseId, UUID notificationId, UUID headPersonId, String bsn, String lastName,
                       String postalCode, UUID directorId) {
    }

    private final JdbcClient jdbc;
    private final Administration admin;
    private final DemoUsers users;
    private final TestHouseholds households;
    private Data data;

    public SecondMunicipality(JdbcClient jdbc, Administration admin, DemoUsers users, TestHouseholds households) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.users = users;
        this.households = households;
    }

    public synchronized Data ensure() {
        if (data != null) {
            return data;
        }
        jdbc.sql("INSERT INTO municipality (code, name) VALUES (:c, 'Tweestad') ON CONFLICT (code) DO NOTHING").param("c", CODE).update();
        Optional<UUID> team = jdbc.sql("SELECT id FROM team WHERE municipality_code = :c AND name = 'Wijkteam Oost'").param("c", CODE)
                .query(UUID.class).optional();
        if (team.isEmpty()) {
            admin.createDistrict(CODE, DISTRICT, "Oost");
            team = Optional.of(admin.createTeam(CODE, "Wijkteam Oost", Set.of(DISTRICT)));
            admin.createUser(CODE, new Administration.NewUser(DIRECTOR, "Tim Tweestad", null, team.get(), EnumSet.of(Role.CASE_DIRECTOR),
                    PASSWORD, null), null, "second-municipality");
            admin.createUser(CODE, new Administration.NewUser(LEAD, "Lea Tweestad", null, team.get(), EnumSet.of(Role.TEAM_LEAD),
                    PASSWORD, null), null, "second-municipality");
            admin.createUser(CODE, new Administration.NewUser(PRIVACY, "Pim Tweestad", null, null, EnumSet.of(Role.PRIVACY_OFFICER),
                    PASSWORD, null), null, "second-municipality");
        }
        CurrentUser director = users.current(DIRECTOR);
        Optional<UUID> household = jdbc.sql("SELECT id FROM household WHERE municipality_code = :c ORDER BY created_at LIMIT 1")
                .param("c", CODE).query(UUID.class).optional();
        TestHouseholds.Fresh h;
        if (household.isEmpty()) {
            h = households.register(director, DISTRICT);
        } else {
            h = jdbc.sql("""
                    SELECT h.id AS household_id, c.id AS case_id, n.id AS notification_id, p.id AS person_id, p.bsn, p.first_name, p.last_name,
                           h.postal_code, p.birth_date
                      FROM household h
                      JOIN care_case c ON c.municipality_code = h.municipality_code AND c.household_id = h.id
                      JOIN notification n ON n.municipality_code = c.municipality_code AND n.case_id = c.id
                      JOIN household_member m ON m.municipality_code = h.municipality_code AND m.household_id = h.id AND m.relation = 'HEAD'
                      JOIN person p ON p.municipality_code = m.municipality_code AND p.id = m.person_id
                     WHERE h.municipality_code = :c AND h.id = :h LIMIT 1
                    """).param("c", CODE).param("h", household.get()).query((rs, i) -> new TestHouseholds.Fresh(
                    rs.getObject("household_id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("notification_id", UUID.class),
                    rs.getObject("person_id", UUID.class), rs.getString("bsn"), rs.getString("first_name"), rs.getString("last_name"),
                    rs.getString("postal_code"), null, rs.getObject("birth_date", java.time.LocalDate.class))).single();
        }
        data = new Data(team.get(), h.householdId(), h.caseId(), h.notificationId(), h.headPersonId(), h.bsn(), h.lastName(), h.postalCode(),
                director.id());
        return data;
    }
}
