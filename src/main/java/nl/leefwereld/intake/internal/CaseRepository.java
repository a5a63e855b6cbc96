package nl.leefwereld.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The households whose case the user directs. */
    java.util.Set<UUID> householdsDirectedBy(String m, UUID userId) {
        return new java.util.LinkedHashSet<>(jdbc.sql("SELECT household_id FROM care_case WHERE municipality_code = :m AND case_director_id = :u")
                .param("m", m).param("u", userId).query(UUID.class).list());
    }

    Optional<CaseRow> caseById(String m, UUID id) {
        return jdbc.sql("SELECT id, household_id, team_id, case_director_id, opened_at FROM care_case WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", id).query(CaseRow.class).optional();
    }

    /**
     * Opens the case, or returns empty when a concurrent registration opened the household's case first (UNIQUE
     * municipality + household): the caller then joins that case instead (one household, one case).
     */
    Optional<UUID> insertCase(String m, UUID householdId, UUID teamId, UUID directorId, LocalDate firstReceivedOn) {
        UUID id = UUID.randomUUID();
        // The case began when its first notification came in: never later than that day (registration can be days later).
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime dayReceived = firstReceivedOn.atStartOfDay(nl.leefwereld.shared.TimeConfiguration.ZONE).toOffsetDateTime();
        OffsetDateTime opened = dayReceived.isBefore(now) ? dayReceived : now;
        int inserted = jdbc.sql("""
                INSERT INTO care_case (municipality_code, id, household_id, team_id, case_director_id, opened_at)
                VALUES (:m, :id, :h, :t, :d, :now) ON CONFLICT (municipality_code, household_id) DO NOTHING
                """).param("m", m).param("id", id).param("h", householdId).param("t", teamId).param("d", directorId)
                .param("now", opened).update();
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

    /** Cases the user directs, newest notification first; a page after the cursor. */
    List<CaseLine> casesDirectedBy(String m, UUID userId, CaseKey after, int limit) {
        return page(m, new CaseFilter(null, userId, null, null), false, CaseSort.NEWEST, after, limit);
    }

    /** The team's cases with notifications nobody has picked up yet, newest open notification first. */
    List<CaseLine> openForTeam(String m, UUID teamId, CaseKey after, int limit) {
        return page(m, new CaseFilter(teamId, null, null, null), true, CaseSort.NEWEST, after, limit);
    }

    /** What a caseload may be narrowed to; null means "any". */
    record CaseFilter(UUID teamId, UUID directorId, String districtCode, CaseStatus status) {
    }

    /** A line of a case list: the case, its director and its newest notification (the newest open one on the "new" list). */
    record CaseLine(UUID caseId, UUID householdId, UUID teamId, UUID caseDirectorId, String caseDirectorName, LocalDate lastReceivedOn,
                    OffsetDateTime lastRegisteredAt, LocalDate openReceivedOn, OffsetDateTime openRegisteredAt, int openNotifications,
                    UUID notificationId, String channel, OffsetDateTime pickedUpAt) {

        public CaseStatus status() {
            return caseDirectorId == null ? CaseStatus.NO_DIRECTOR : openNotifications > 0 ? CaseStatus.NEW : CaseStatus.PICKED_UP;
        }

        /** The date the list shows and sorts on. */
        public LocalDate shownDate(boolean openList) {
            return openList ? openReceivedOn : lastReceivedOn;
        }

        CaseKey key(boolean openList, CaseSort sort) {
            return openList ? new CaseKey(null, openReceivedOn, openRegisteredAt, caseId)
                    : new CaseKey(sort == CaseSort.DIRECTOR ? nameKey(caseDirectorName) : null, lastReceivedOn, lastRegisteredAt, caseId);
        }
    }

    static String nameKey(String directorName) {
        return directorName == null ? "" : directorName;
    }

    /**
     * One keyset page: filters, then (director name for that sort,) date, registration time and id, all newest first. The
     * row comparison on the last three walks the index; no OFFSET, so page 5,000 costs what page 1 costs.
     */
    List<CaseLine> page(String m, CaseFilter f, boolean openList, CaseSort sort, CaseKey after, int limit) {
        String on = openList ? "c.open_received_on" : "c.last_received_on";
        String at = openList ? "c.open_registered_at" : "c.last_registered_at";
        StringBuilder sql = new StringBuilder("""
                SELECT c.id AS case_id, c.household_id, c.team_id, c.case_director_id, d.display_name AS case_director_name,
                       c.last_received_on, c.last_registered_at, c.open_received_on, c.open_registered_at, c.open_notifications,
                       n.id AS notification_id, n.channel, n.picked_up_at
                  FROM care_case c
                  LEFT JOIN app_user d ON d.municipality_code = c.municipality_code AND d.id = c.case_director_id
                  LEFT JOIN LATERAL (SELECT x.id, x.channel, x.picked_up_at FROM notification x
                                      WHERE x.municipality_code = c.municipality_code AND x.case_id = c.id
                """);
        if (openList) {
            sql.append(" AND x.picked_up_at IS NULL ");
        }
        sql.append(" ORDER BY x.received_on DESC, x.registered_at DESC LIMIT 1) n ON true ");
        Map<String, Object> params = new LinkedHashMap<>();
        sql.append(where(m, f, openList, params));
        if (after != null) {
            String rowAfter = "(" + on + ", " + at + ", c.id) < (:afterOn, :afterAt, :afterId)";
            if (sort == CaseSort.DIRECTOR) {
                sql.append(" AND (coalesce(d.display_name, '') > :afterName OR (coalesce(d.display_name, '') = :afterName AND ")
                        .append(rowAfter).append("))");
                params.put("afterName", after.name() == null ? "" : after.name());
            } else {
                sql.append(" AND ").append(rowAfter);
            }
            params.put("afterOn", after.on());
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY ");
        if (sort == CaseSort.DIRECTOR) {
            sql.append("coalesce(d.display_name, ''), ");
        }
        sql.append(on).append(" DESC, ").append(at).append(" DESC, c.id DESC LIMIT :limit");
        params.put("limit", limit);
        var spec = jdbc.sql(sql.toString());
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(CaseLine.class).list();
    }

    /** The true number of cases the filter selects (no cap). */
    long count(String m, CaseFilter f, boolean openList) {
        Map<String, Object> params = new LinkedHashMap<>();
        var spec = jdbc.sql("SELECT count(*) FROM care_case c " + where(m, f, openList, params));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    /** How many notifications of the team nobody has picked up yet (true count, summed over the cases). */
    long openNotificationsOfTeam(String m, UUID teamId) {
        return jdbc.sql("SELECT coalesce(sum(open_notifications), 0) FROM care_case WHERE municipality_code = :m AND team_id = :t AND open_notifications > 0")
                .param("m", m).param("t", teamId).query(Long.class).single();
    }

    private static String where(String m, CaseFilter f, boolean openList, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        if (f.districtCode() != null) {
            w.append(" JOIN household h ON h.municipality_code = c.municipality_code AND h.id = c.household_id AND h.district_code = :district ");
            params.put("district", f.districtCode());
        }
        w.append(" WHERE c.municipality_code = :m ");
        params.put("m", m);
        w.append(openList ? " AND c.open_notifications > 0 " : " AND c.last_received_on IS NOT NULL ");
        if (f.teamId() != null) {
            w.append(" AND c.team_id = :team ");
            params.put("team", f.teamId());
        }
        if (f.directorId() != null) {
            w.append(" AND c.case_director_id = :director ");
            params.put("director", f.directorId());
        }
        if (f.status() != null) {
            w.append(switch (f.status()) {
                case NO_DIRECTOR -> " AND c.case_director_id IS NULL ";
                case NEW -> " AND c.case_director_id IS NOT NULL AND c.open_notifications > 0 ";
                case PICKED_UP -> " AND c.case_director_id IS NOT NULL AND c.open_notifications = 0 ";
            });
        }
        return w.toString();
    }

    /** A case director with their team and load (cases they direct), for the assignment list. */
    record DirectorLoad(UUID id, String displayName, UUID teamId, String teamName, long cases) {
    }

    private static String directors(String condition) {
        return """
                SELECT u.id, u.display_name, u.team_id, t.name AS team_name,
                       (SELECT count(*) FROM care_case c WHERE c.municipality_code = u.municipality_code AND c.case_director_id = u.id) AS cases
                  FROM app_user u
                  JOIN user_role r ON r.municipality_code = u.municipality_code AND r.user_id = u.id AND r.role = 'CASE_DIRECTOR'
                  LEFT JOIN team t ON t.municipality_code = u.municipality_code AND t.id = u.team_id
                 WHERE u.municipality_code = :m AND u.active AND (%s)
                 ORDER BY u.display_name, u.id
                """.formatted(condition);
    }

    /** Every active case director of the municipality (the page for choosing one from another team). */
    List<DirectorLoad> directorsWithLoad(String m) {
        return jdbc.sql(directors("true")).param("m", m).query(DirectorLoad.class).list();
    }

    /**
     * The directors a team lead chooses from in a list: the team's own, and those of other teams who direct one of the
     * team's cases (so that every current assignment shows). A municipality of a million households has thousands of
     * directors: all of them in every row of the work list made a page of 20 MB.
     */
    List<DirectorLoad> directorsForTeam(String m, UUID teamId) {
        return jdbc.sql(directors("u.team_id = :team OR EXISTS (SELECT 1 FROM care_case c WHERE c.municipality_code = u.municipality_code "
                + "AND c.case_director_id = u.id AND c.team_id = :team)")).param("m", m).param("team", teamId).query(DirectorLoad.class).list();
    }

    /** Of these households, those whose case the user directs or whose case is of the user's team (null: no team). */
    java.util.Set<UUID> householdsDirectedOrOfTeam(String m, java.util.Collection<UUID> householdIds, UUID userId, UUID teamId) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT household_id FROM care_case
                 WHERE municipality_code = :m AND household_id = ANY(:h) AND (case_director_id = :u OR team_id = :t)""")
                .param("m", m).param("h", householdIds.toArray(UUID[]::new)).param("u", userId).param("t", teamId).query(UUID.class).list());
    }

    /** One active case director with team and load. */
    Optional<DirectorLoad> director(String m, UUID id) {
        return jdbc.sql(directors("u.id = :id")).param("m", m).param("id", id).query(DirectorLoad.class).optional();
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
