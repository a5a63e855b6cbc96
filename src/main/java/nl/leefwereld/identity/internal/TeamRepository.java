package nl.leefwereld.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.leefwereld.identity.District;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.identity.UserRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A team with the districts it serves, for the administration screen. */
    record TeamWithDistricts(UUID id, String name, Set<String> districtCodes, long memberCount) {
    }

    List<District> districts(String m) {
        return jdbc.sql("SELECT code, name FROM district WHERE municipality_code = :m ORDER BY name")
                .param("m", m).query(District.class).list();
    }

    Optional<District> district(String m, String code) {
        return jdbc.sql("SELECT code, name FROM district WHERE municipality_code = :m AND code = :c")
                .param("m", m).param("c", code).query(District.class).optional();
    }

    Optional<TeamRef> teamServing(String m, String districtCode) {
        return jdbc.sql("""
                SELECT t.id, t.name FROM team t JOIN team_district td ON td.municipality_code = t.municipality_code AND td.team_id = t.id
                 WHERE t.municipality_code = :m AND td.district_code = :d
                """).param("m", m).param("d", districtCode).query(TeamRef.class).optional();
    }

    java.util.Map<String, TeamRef> teamsServing(String m) {
        java.util.Map<String, TeamRef> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT td.district_code, t.id, t.name FROM team t JOIN team_district td ON td.municipality_code = t.municipality_code AND td.team_id = t.id
                 WHERE t.municipality_code = :m ORDER BY td.district_code
                """).param("m", m).query((rs, i) -> out.put(rs.getString(1), new TeamRef(rs.getObject(2, UUID.class), rs.getString(3)))).list();
        return out;
    }

    Optional<TeamRef> team(String m, UUID id) {
        return jdbc.sql("SELECT id, name FROM team WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", id).query(TeamRef.class).optional();
    }

    Optional<TeamRef> teamByName(String m, String name) {
        return jdbc.sql("SELECT id, name FROM team WHERE municipality_code = :m AND lower(name) = lower(:n)")
                .param("m", m).param("n", name).query(TeamRef.class).optional();
    }

    Set<String> districtsServedBy(String m, UUID teamId) {
        return new TreeSet<>(jdbc.sql("SELECT district_code FROM team_district WHERE municipality_code = :m AND team_id = :t")
                .param("m", m).param("t", teamId).query(String.class).list());
    }

    List<TeamWithDistricts> teams(String m) {
        return jdbc.sql("""
                SELECT t.id, t.name,
                       coalesce((SELECT string_agg(td.district_code, ',' ORDER BY td.district_code) FROM team_district td
                                  WHERE td.municipality_code = t.municipality_code AND td.team_id = t.id), '') AS districts,
                       (SELECT count(*) FROM app_user u WHERE u.municipality_code = t.municipality_code AND u.team_id = t.id AND u.active) AS members
                  FROM team t WHERE t.municipality_code = :m ORDER BY t.name
                """).param("m", m).query((rs, i) -> new TeamWithDistricts(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("districts").isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(rs.getString("districts").split(","))),
                        rs.getLong("members"))).list();
    }

    UUID insertTeam(String m, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (municipality_code, id, name, created_at) VALUES (:m, :id, :n, :now)")
                .param("m", m).param("id", id).param("n", name).param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    /** Moves the districts to this team: a district is served by exactly one team. */
    void assignDistricts(String m, UUID teamId, Set<String> districtCodes) {
        jdbc.sql("DELETE FROM team_district WHERE municipality_code = :m AND (team_id = :t OR district_code = ANY(:d))")
                .param("m", m).param("t", teamId).param("d", districtCodes.toArray(new String[0])).update();
        for (String d : districtCodes) {
            jdbc.sql("INSERT INTO team_district (municipality_code, team_id, district_code) VALUES (:m, :t, :d)")
                    .param("m", m).param("t", teamId).param("d", d).update();
        }
    }

    void insertDistrict(String m, String code, String name) {
        jdbc.sql("INSERT INTO district (municipality_code, code, name) VALUES (:m, :c, :n) ON CONFLICT DO NOTHING")
                .param("m", m).param("c", code).param("n", name).update();
    }

    void insertMunicipality(String code, String name) {
        jdbc.sql("INSERT INTO municipality (code, name) VALUES (:c, :n) ON CONFLICT DO NOTHING")
                .param("c", code).param("n", name).update();
    }

    Optional<String> municipalityName(String code) {
        return jdbc.sql("SELECT name FROM municipality WHERE code = :c").param("c", code).query(String.class).optional();
    }

    List<UserRef> members(String m, UUID teamId, Role role) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name FROM app_user u
                  JOIN user_role r ON r.municipality_code = u.municipality_code AND r.user_id = u.id
                 WHERE u.municipality_code = :m AND u.team_id = :t AND r.role = :role AND u.active
                 ORDER BY u.display_name
                """).param("m", m).param("t", teamId).param("role", role.name()).query(UserRef.class).list();
    }

    List<UserRef> usersWithRole(String m, Role role) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name FROM app_user u
                  JOIN user_role r ON r.municipality_code = u.municipality_code AND r.user_id = u.id
                 WHERE u.municipality_code = :m AND r.role = :role AND u.active
                 ORDER BY u.display_name
                """).param("m", m).param("role", role.name()).query(UserRef.class).list();
    }

    Optional<UserRef> user(String m, UUID id) {
        return jdbc.sql("SELECT id, username, display_name FROM app_user WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", id).query(UserRef.class).optional();
    }
}
