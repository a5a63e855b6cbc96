package nl.leefwereld.privacy.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who accessed a resident's file, for the inzage export: the audit rows about the person or one of their households,
 * newest first, with the actor's name, municipality, team and roles instead of an internal username.
 * Team and roles are the actor's current ones (the audit trail does not keep them per row).
 */
@Repository
class InzageAccessHistory {

    /** The export shows at most this many rows, newest first, and says how many older rows it left out. */
    static final int CAP = 500;

    private final JdbcClient jdbc;

    InzageAccessHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Access(OffsetDateTime occurredAt, String actorUsername, String actorName, String municipalityName, String teamName,
                  String roles, String action, String recordType, String reason) {
    }

    private static final String WHERE = " WHERE a.municipality_code = :m AND (a.person_id = :p OR a.household_id = ANY(:h)) ";

    List<Access> newest(String m, UUID personId, List<UUID> householdIds) {
        return jdbc.sql("""
                SELECT a.occurred_at, a.actor_username, u.display_name AS actor_name, mu.name AS municipality_name, t.name AS team_name,
                       (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r
                         WHERE r.municipality_code = a.municipality_code AND r.user_id = a.actor_id) AS roles,
                       a.action, a.record_type, a.reason
                  FROM audit_event a
                  LEFT JOIN app_user u ON u.municipality_code = a.municipality_code AND u.id = a.actor_id
                  LEFT JOIN team t ON t.municipality_code = u.municipality_code AND t.id = u.team_id
                  LEFT JOIN municipality mu ON mu.code = a.municipality_code
                """ + WHERE + """
                 ORDER BY a.occurred_at DESC, a.id DESC
                 LIMIT :limit
                """).param("m", m).param("p", personId).param("h", householdIds.toArray(new UUID[0])).param("limit", CAP)
                .query(Access.class).list();
    }

    long count(String m, UUID personId, List<UUID> householdIds) {
        return jdbc.sql("SELECT count(*) FROM audit_event a" + WHERE).param("m", m).param("p", personId)
                .param("h", householdIds.toArray(new UUID[0])).query(Long.class).single();
    }
}
