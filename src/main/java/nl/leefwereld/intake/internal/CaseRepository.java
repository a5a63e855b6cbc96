package nl.leefwereld.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.intake.NotificationDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CaseRow(UUID id, UUID householdId, UUID teamId, UUID caseDirectorId, OffsetDateTime openedAt) {
    }

    record NotificationRow(UUID id, UUID caseId, String channel, LocalDate receivedOn, OffsetDateTime registeredAt, String registeredByName,
                           String reporter, String questionAsAsked, String questionBehind, String ownStrength, String networkSummary,
                           String supportOtherLaws, String carerLoad, String childrensNeeds, OffsetDateTime pickedUpAt, String pickedUpByName) {
    }

    record EventRow(long id, OffsetDateTime occurredAt, String actorName, String type, String summary) {
    }

    /** A line on a work list: a case with its newest notification. */
    record WorkItem(UUID caseId, UUID householdId, UUID notificationId, String channel, LocalDate receivedOn, OffsetDateTime registeredAt,
                    String caseDirectorName, OffsetDateTime pickedUpAt) {
    }

    private static final String NOTIFICATION_SELECT = """
            SELECT n.id, n.case_id, n.channel, n.received_on, n.registered_at, r.display_name AS registered_by_name, n.reporter,
                   n.question_as_asked, n.question_behind, n.own_strength, n.network_summary, n.support_other_laws, n.carer_load,
                   n.childrens_needs, n.picked_up_at, p.display_name AS picked_up_by_name
              FROM notification n
              JOIN app_user r ON r.municipality_code = n.municipality_code AND r.id = n.registered_by
              LEFT JOIN app_user p ON p.municipality_code = n.municipality_code AND p.id = n.picked_up_by
            """;

    Optional<CaseRow> caseOfHousehold(String m, UUID householdId) {
        return jdbc.sql("SELECT id, household_id, team_id, case_director_id, opened_at FROM care_case WHERE municipality_code = :m AND household_id = :h")
                .param("m", m).param("h", householdId).query(CaseRow.class).optional();
    }

    Optional<CaseRow> caseById(String m, UUID id) {
        return jdbc.sql("SELECT id, household_id, team_id, case_director_id, opened_at FROM care_case WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", id).query(CaseRow.class).optional();
    }

    /**
     * Opens the case, or returns empty when a concurrent registration opened the household's case first (UNIQUE
     * municipality + household): the caller then joins that case instead (one household, one case).
     */
    Optional<UUID> insertCase(String m, UUID householdId, UUID teamId, UUID directorId) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO care_case (municipality_code, id, household_id, team_id, case_director_id, opened_at)
                VALUES (:m, :id, :h, :t, :d, :now) ON CONFLICT (municipality_code, household_id) DO NOTHING
                """).param("m", m).param("id", id).param("h", householdId).param("t", teamId).param("d", directorId)
                .param("now", OffsetDateTime.now(clock)).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    UUID insertNotification(String m, UUID caseId, UUID registeredBy, String channel, LocalDate receivedOn, NotificationDraft d) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (municipality_code, id, case_id, channel, received_on, registered_at, registered_by, reporter,
                                          question_as_asked, question_behind, own_strength, network_summary, support_other_laws,
                                          carer_load, childrens_needs)
                VALUES (:m, :id, :c, :channel, :received, :now, :by, :reporter, :q, :qb, :own, :net, :other, :carer, :children)
                """).param("m", m).param("id", id).param("c", caseId).param("channel", channel).param("received", receivedOn)
                .param("now", OffsetDateTime.now(clock)).param("by", registeredBy).param("reporter", blankToNull(d.reporter()))
                .param("q", d.questionAsAsked().strip()).param("qb", blankToNull(d.questionBehind()))
                .param("own", blankToNull(d.ownStrength())).param("net", blankToNull(d.networkSummary()))
                .param("other", blankToNull(d.supportOtherLaws())).param("carer", blankToNull(d.carerLoad()))
                .param("children", blankToNull(d.childrensNeeds())).update();
        return id;
    }

    void appendEvent(String m, UUID caseId, UUID actorId, String actorName, String type, String summary) {
        jdbc.sql("""
                INSERT INTO case_event (municipality_code, case_id, occurred_at, actor_id, actor_name, type, summary)
                VALUES (:m, :c, :now, :actor, :name, :type, :summary)
                """).param("m", m).param("c", caseId).param("now", OffsetDateTime.now(clock)).param("actor", actorId)
                .param("name", actorName).param("type", type).param("summary", summary.length() > 500 ? summary.substring(0, 500) : summary)
                .update();
    }

    List<EventRow> events(String m, UUID caseId) {
        return jdbc.sql("SELECT id, occurred_at, actor_name, type, summary FROM case_event WHERE municipality_code = :m AND case_id = :c ORDER BY occurred_at DESC, id DESC")
                .param("m", m).param("c", caseId).query(EventRow.class).list();
    }

    List<NotificationRow> notifications(String m, UUID caseId) {
        return jdbc.sql(NOTIFICATION_SELECT + " WHERE n.municipality_code = :m AND n.case_id = :c ORDER BY n.registered_at DESC")
                .param("m", m).param("c", caseId).query(NotificationRow.class).list();
    }

    List<NotificationRow> notificationsOfHouseholds(String m, Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(NOTIFICATION_SELECT + """
                 JOIN care_case c ON c.municipality_code = n.municipality_code AND c.id = n.case_id
                WHERE n.municipality_code = :m AND c.household_id IN (:h) ORDER BY n.registered_at DESC
                """).param("m", m).param("h", householdIds).query(NotificationRow.class).list();
    }

    Optional<NotificationRow> notification(String m, UUID id) {
        return jdbc.sql(NOTIFICATION_SELECT + " WHERE n.municipality_code = :m AND n.id = :id")
                .param("m", m).param("id", id).query(NotificationRow.class).optional();
    }

    /** Cases the user directs, newest activity first. */
    List<WorkItem> casesDirectedBy(String m, UUID userId) {
        return workItems("c.case_director_id = :u", m, userId, false);
    }

    /** Notifications for the team that nobody has picked up yet. */
    List<WorkItem> openNotificationsForTeam(String m, UUID teamId) {
        return workItems("c.team_id = :u", m, teamId, true);
    }

    private List<WorkItem> workItems(String where, String m, UUID id, boolean onlyOpenNotifications) {
        String sql = """
                SELECT c.id AS case_id, c.household_id, n.id AS notification_id, n.channel, n.received_on, n.registered_at,
                       d.display_name AS case_director_name, n.picked_up_at
                  FROM care_case c
                  JOIN LATERAL (SELECT * FROM notification x WHERE x.municipality_code = c.municipality_code AND x.case_id = c.id
                """ + (onlyOpenNotifications ? " AND x.picked_up_at IS NULL " : "") + """
                                 ORDER BY x.registered_at DESC LIMIT 1) n ON true
                  LEFT JOIN app_user d ON d.municipality_code = c.municipality_code AND d.id = c.case_director_id
                 WHERE c.municipality_code = :m AND """ + " " + where + """
                 ORDER BY n.registered_at DESC
                 LIMIT 200
                """;
        return jdbc.sql(sql).param("m", m).param("u", id).query(WorkItem.class).list();
    }

    boolean pickUp(String m, UUID notificationId, UUID userId) {
        return jdbc.sql("UPDATE notification SET picked_up_at = :now, picked_up_by = :u WHERE municipality_code = :m AND id = :id AND picked_up_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("u", userId).param("m", m).param("id", notificationId).update() == 1;
    }

    void setCaseDirector(String m, UUID caseId, UUID directorId) {
        jdbc.sql("UPDATE care_case SET case_director_id = :d WHERE municipality_code = :m AND id = :id")
                .param("d", directorId).param("m", m).param("id", caseId).update();
    }

    /** The case director of the team with the fewest cases: a simple, fair default the team lead can override. */
    Optional<UUID> leastLoaded(String m, Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT u.id FROM unnest(CAST(:ids AS uuid[])) AS u(id)
                  LEFT JOIN care_case c ON c.municipality_code = :m AND c.case_director_id = u.id
                 GROUP BY u.id ORDER BY count(c.id), u.id LIMIT 1
                """).param("ids", candidates.toArray(new UUID[0])).param("m", m).query(UUID.class).optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
