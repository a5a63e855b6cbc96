package nl.leefwereld.privacy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Searches the audit trail for the privacy officer. */
@Repository
class AuditQuery {

    static final int LIMIT = 500;

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AuditRow(long id, OffsetDateTime occurredAt, String actorUsername, String action, String recordType, String recordId,
                    UUID householdId, UUID personId, String route, String reason, String sourceAddress, String beforeValue,
                    String afterValue) {

        /** The Dutch label of the action. */
        public String actionLabel() {
            try {
                return nl.leefwereld.privacy.AuditAction.valueOf(action).label();
            } catch (IllegalArgumentException e) {
                return action;
            }
        }
    }

    record Filter(String actor, String action, UUID householdId, UUID personId, LocalDate from, LocalDate to) {
    }

    List<AuditRow> search(String m, Filter f) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor_username, action, record_type, record_id, household_id, person_id, route, reason,
                       source_address, before_value, after_value
                  FROM audit_event
                 WHERE municipality_code = :m
                   AND (CAST(:actor AS text) IS NULL OR lower(actor_username) = lower(:actor))
                   AND (CAST(:action AS text) IS NULL OR action = :action)
                   AND (CAST(:household AS uuid) IS NULL OR household_id = :household)
                   AND (CAST(:person AS uuid) IS NULL OR person_id = :person)
                   AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                 ORDER BY occurred_at DESC, id DESC
                 LIMIT :limit
                """)
                .param("m", m).param("actor", f.actor()).param("action", f.action())
                .param("household", f.householdId()).param("person", f.personId())
                .param("from", f.from() == null ? null : f.from().atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime())
                .param("to", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime())
                .param("limit", LIMIT)
                .query(AuditRow.class).list();
    }

    /** Everything that touched the person or one of their households: who accessed their data. */
    List<AuditRow> forResident(String m, UUID personId, List<UUID> householdIds) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor_username, action, record_type, record_id, household_id, person_id, route, reason,
                       source_address, before_value, after_value
                  FROM audit_event
                 WHERE municipality_code = :m AND (person_id = :p OR household_id = ANY(:h))
                 ORDER BY occurred_at DESC, id DESC
                """).param("m", m).param("p", personId)
                .param("h", householdIds.toArray(new UUID[0]))
                .query(AuditRow.class).list();
    }

    record GrantRow(UUID id, String username, String displayName, UUID householdId, String reason, OffsetDateTime grantedAt,
                    OffsetDateTime expiresAt) {
    }

    List<GrantRow> grants(String m) {
        return jdbc.sql("""
                SELECT g.id, u.username, u.display_name, g.household_id, g.reason, g.granted_at, g.expires_at
                  FROM break_glass_grant g JOIN app_user u ON u.municipality_code = g.municipality_code AND u.id = g.user_id
                 WHERE g.municipality_code = :m ORDER BY g.granted_at DESC LIMIT 200
                """).param("m", m).query(GrantRow.class).list();
    }
}
