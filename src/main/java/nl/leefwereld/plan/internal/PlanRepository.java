package nl.leefwereld.plan.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plans and their immutable versions (a JSON snapshot per version). */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored version with its content read back. */
    record Version(UUID planId, int version, UUID householdId, OffsetDateTime createdAt, String createdByName, String changeSummary,
                   UUID meetingId, PlanContent content) {
    }

    /** A version without its content, for the list of versions. */
    record VersionInfo(int version, OffsetDateTime createdAt, String createdByName, String changeSummary, UUID meetingId) {
    }

    private record Row(UUID planId, int version, UUID householdId, OffsetDateTime createdAt, String createdByName, String changeSummary,
                       UUID meetingId, String snapshot) {
    }

    private static final String SELECT = """
            SELECT plan_id, version, household_id, created_at, created_by_name, change_summary, meeting_id, snapshot::text AS snapshot
              FROM plan_version
            """;

    Optional<Version> current(String m, UUID householdId) {
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND household_id = :h ORDER BY version DESC LIMIT 1")
                .param("m", m).param("h", householdId).query(Row.class).optional().map(this::read);
    }

    Optional<Version> version(String m, UUID householdId, int version) {
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND household_id = :h AND version = :v")
                .param("m", m).param("h", householdId).param("v", version).query(Row.class).optional().map(this::read);
    }

    List<Version> allVersions(String m, UUID householdId) {
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND household_id = :h ORDER BY version")
                .param("m", m).param("h", householdId).query(Row.class).list().stream().map(this::read).toList();
    }

    List<VersionInfo> versions(String m, UUID householdId) {
        return jdbc.sql("""
                        SELECT version, created_at, created_by_name, change_summary, meeting_id FROM plan_version
                         WHERE municipality_code = :m AND household_id = :h ORDER BY version DESC""")
                .param("m", m).param("h", householdId).query(VersionInfo.class).list();
    }

    /** The current version of every plan of these households (for the follow-up on Mijn werk). */
    List<Version> currentOf(String m, Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT ON (household_id) plan_id, version, household_id, created_at, created_by_name, change_summary,
                               meeting_id, snapshot::text AS snapshot
                          FROM plan_version WHERE municipality_code = :m AND household_id IN (:h)
                         ORDER BY household_id, version DESC""")
                .param("m", m).param("h", householdIds).query(Row.class).list().stream().map(this::read).toList();
    }

    /**
     * The plan of the household, created when there is none, locked for this transaction so versions are numbered
     * one after the other even when two people save at once.
     */
    UUID lockPlan(String m, UUID householdId) {
        jdbc.sql("INSERT INTO household_plan (municipality_code, id, household_id) VALUES (:m, :id, :h) ON CONFLICT DO NOTHING")
                .param("m", m).param("id", UUID.randomUUID()).param("h", householdId).update();
        return jdbc.sql("SELECT id FROM household_plan WHERE municipality_code = :m AND household_id = :h FOR UPDATE")
                .param("m", m).param("h", householdId).query(UUID.class).single();
    }

    int lastVersion(String m, UUID planId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM plan_version WHERE municipality_code = :m AND plan_id = :p")
                .param("m", m).param("p", planId).query(Integer.class).single();
    }

    void insertVersion(String m, UUID planId, int version, UUID householdId, UUID createdBy, String createdByName, String summary,
                       UUID meetingId, PlanContent content) {
        jdbc.sql("""
                        INSERT INTO plan_version (municipality_code, plan_id, version, household_id, created_by, created_by_name, change_summary,
                                                  meeting_id, snapshot)
                        VALUES (:m, :p, :v, :h, :by, :byName, :summary, :meeting, CAST(:snapshot AS jsonb))""")
                .param("m", m).param("p", planId).param("v", version).param("h", householdId).param("by", createdBy)
                .param("byName", createdByName).param("summary", summary).param("meeting", meetingId)
                .param("snapshot", json.writeValueAsString(content)).update();
    }

    private Version read(Row r) {
        return new Version(r.planId(), r.version(), r.householdId(), r.createdAt(), r.createdByName(), r.changeSummary(), r.meetingId(),
                json.readValue(r.snapshot(), PlanContent.class));
    }
}
