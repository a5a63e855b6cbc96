package nl.leefwereld.meeting.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MeetingRepository {

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record MeetingRow(UUID id, UUID householdId, int sequenceNo, UUID facilitatorId, String facilitatorName, UUID teamId,
                      UUID residentPersonId, OffsetDateTime createdAt, LocalDate heldOn, String place, Boolean residentPresent,
                      String lowerBound, String lowerBoundSetBy, String fallback, String resultForResident, String avoidedCostsNote,
                      Long avoidedCostsCents, boolean followUpNeeded, Integer planVersion, OffsetDateTime recordedAt) {

        public boolean held() {
            return recordedAt != null;
        }

        public String label() {
            return sequenceNo + "e planbijeenkomst";
        }
    }

    record ParticipantRow(UUID id, UUID meetingId, int position, String kind, String name, String relation, String organisation,
                          String email, String question, UUID namedBy, UUID networkMemberId, UUID personId, UUID userId,
                          OffsetDateTime invitedAt, String invitedBy, boolean prepared, LocalDate preparedOn, String brings,
                          boolean attended, String viewOnSituation, String concerns) {
    }

    record AgreementRow(UUID id, UUID meetingId, int position, String whoKind, String who, String what, LocalDate due, LocalDate checkDate) {
    }

    private static final String MEETING_SELECT = """
            SELECT mt.id, mt.household_id, mt.sequence_no, mt.facilitator_id, u.display_name AS facilitator_name, mt.team_id,
                   mt.resident_person_id, mt.created_at, mt.held_on, mt.place, mt.resident_present, mt.lower_bound, mt.lower_bound_set_by,
                   mt.fallback, mt.result_for_resident, mt.avoided_costs_note, mt.avoided_costs_cents, mt.follow_up_needed,
                   mt.plan_version, mt.recorded_at
              FROM meeting mt
              JOIN app_user u ON u.municipality_code = mt.municipality_code AND u.id = mt.facilitator_id
            """;

    private static final String PARTICIPANT_SELECT = """
            SELECT id, meeting_id, position, kind, name, relation, organisation, email, question, named_by, network_member_id,
                   person_id, user_id, invited_at, invited_by, prepared, prepared_on, brings, attended, view_on_situation, concerns
              FROM meeting_participant
            """;

    Optional<MeetingRow> meeting(String m, UUID id) {
        return jdbc.sql(MEETING_SELECT + " WHERE mt.municipality_code = :m AND mt.id = :id").param("m", m).param("id", id)
                .query(MeetingRow.class).optional();
    }

    List<MeetingRow> meetingsOfHousehold(String m, UUID householdId) {
        return jdbc.sql(MEETING_SELECT + " WHERE mt.municipality_code = :m AND mt.household_id = :h ORDER BY mt.sequence_no")
                .param("m", m).param("h", householdId).query(MeetingRow.class).list();
    }

    List<MeetingRow> meetingsOfHouseholds(String m, Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MEETING_SELECT + " WHERE mt.municipality_code = :m AND mt.household_id IN (:h) ORDER BY mt.household_id, mt.sequence_no")
                .param("m", m).param("h", householdIds).query(MeetingRow.class).list();
    }

    int nextSequence(String m, UUID householdId) {
        return jdbc.sql("SELECT coalesce(max(sequence_no), 0) + 1 FROM meeting WHERE municipality_code = :m AND household_id = :h")
                .param("m", m).param("h", householdId).query(Integer.class).single();
    }

    void insertMeeting(String m, UUID id, UUID householdId, int sequenceNo, UUID facilitatorId, UUID teamId, UUID residentPersonId,
                       OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO meeting (municipality_code, id, household_id, sequence_no, facilitator_id, team_id, resident_person_id, created_at)
                VALUES (:m, :id, :h, :seq, :f, :t, :r, :now)""")
                .param("m", m).param("id", id).param("h", householdId).param("seq", sequenceNo).param("f", facilitatorId)
                .param("t", teamId).param("r", residentPersonId).param("now", now).update();
    }

    List<ParticipantRow> participants(String m, UUID meetingId) {
        return jdbc.sql(PARTICIPANT_SELECT + " WHERE municipality_code = :m AND meeting_id = :id ORDER BY position")
                .param("m", m).param("id", meetingId).query(ParticipantRow.class).list();
    }

    Optional<ParticipantRow> participant(String m, UUID meetingId, UUID participantId) {
        return jdbc.sql(PARTICIPANT_SELECT + " WHERE municipality_code = :m AND meeting_id = :meeting AND id = :id")
                .param("m", m).param("meeting", meetingId).param("id", participantId).query(ParticipantRow.class).optional();
    }

    void insertParticipant(String m, UUID id, UUID meetingId, String kind, String name, String relation, String organisation, String email,
                           String question, UUID namedBy, UUID networkMemberId, UUID personId, UUID userId) {
        jdbc.sql("""
                INSERT INTO meeting_participant (municipality_code, id, meeting_id, position, kind, name, relation, organisation, email,
                                                 question, named_by, network_member_id, person_id, user_id)
                VALUES (:m, :id, :meeting,
                        (SELECT coalesce(max(position), 0) + 1 FROM meeting_participant WHERE municipality_code = :m AND meeting_id = :meeting),
                        :kind, :name, :relation, :organisation, :email, :question, :namedBy, :network, :person, :user)""")
                .param("m", m).param("id", id).param("meeting", meetingId).param("kind", kind).param("name", name)
                .param("relation", relation).param("organisation", organisation).param("email", email).param("question", question)
                .param("namedBy", namedBy).param("network", networkMemberId).param("person", personId).param("user", userId).update();
    }

    void invite(String m, UUID participantId, String invitedBy, UUID byUser, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE meeting_participant SET invited_at = :now, invited_by = :by, invited_by_user = :user
                 WHERE municipality_code = :m AND id = :id""")
                .param("m", m).param("id", participantId).param("by", invitedBy).param("user", byUser).param("now", now).update();
    }

    void prepare(String m, UUID participantId, boolean prepared, LocalDate on, String brings) {
        jdbc.sql("UPDATE meeting_participant SET prepared = :p, prepared_on = :on, brings = :brings WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", participantId).param("p", prepared).param("on", on).param("brings", brings).update();
    }

    void attendance(String m, UUID participantId, boolean attended, String view, String concerns) {
        jdbc.sql("""
                UPDATE meeting_participant SET attended = :a, view_on_situation = :v, concerns = :c
                 WHERE municipality_code = :m AND id = :id""")
                .param("m", m).param("id", participantId).param("a", attended).param("v", view).param("c", concerns).update();
    }

    /** Only a meeting not yet held is recorded; false when someone recorded it meanwhile. */
    boolean recordHeld(String m, UUID id, LocalDate heldOn, String place, String lowerBound, String lowerBoundSetBy, String fallback,
                       String result, String avoidedNote, Long avoidedCents, boolean followUp, UUID by, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE meeting SET held_on = :held, place = :place, resident_present = true, lower_bound = :lb, lower_bound_set_by = :lbBy,
                       fallback = :fallback, result_for_resident = :result, avoided_costs_note = :note, avoided_costs_cents = :cents,
                       follow_up_needed = :follow, recorded_at = :now, recorded_by = :by
                 WHERE municipality_code = :m AND id = :id AND recorded_at IS NULL""")
                .param("m", m).param("id", id).param("held", heldOn).param("place", place).param("lb", lowerBound).param("lbBy", lowerBoundSetBy)
                .param("fallback", fallback).param("result", result).param("note", avoidedNote).param("cents", avoidedCents)
                .param("follow", followUp).param("now", now).param("by", by).update() == 1;
    }

    void planVersion(String m, UUID id, int version) {
        jdbc.sql("UPDATE meeting SET plan_version = :v WHERE municipality_code = :m AND id = :id").param("m", m).param("id", id)
                .param("v", version).update();
    }

    void insertAgreement(String m, UUID meetingId, int position, String whoKind, String who, String what, LocalDate due, LocalDate check) {
        jdbc.sql("""
                INSERT INTO meeting_agreement (municipality_code, id, meeting_id, position, who_kind, who, what, due, check_date)
                VALUES (:m, :id, :meeting, :pos, :kind, :who, :what, :due, :check)""")
                .param("m", m).param("id", UUID.randomUUID()).param("meeting", meetingId).param("pos", position).param("kind", whoKind)
                .param("who", who).param("what", what).param("due", due).param("check", check).update();
    }

    List<AgreementRow> agreements(String m, UUID meetingId) {
        return jdbc.sql("""
                SELECT id, meeting_id, position, who_kind, who, what, due, check_date FROM meeting_agreement
                 WHERE municipality_code = :m AND meeting_id = :id ORDER BY position""")
                .param("m", m).param("id", meetingId).query(AgreementRow.class).list();
    }

    /** The user leads, or takes part as a colleague invited to, a meeting of the household. */
    /** Of these households, those in which the user leads or takes part in a meeting ({@link #involvement} for many). */
    java.util.Set<UUID> involvedIn(String m, UUID userId, java.util.Collection<UUID> householdIds) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT mt.household_id
                  FROM meeting mt
                 WHERE mt.municipality_code = :m AND mt.household_id = ANY(:h)
                   AND (mt.facilitator_id = :u OR EXISTS (SELECT 1 FROM meeting_participant p
                         WHERE p.municipality_code = mt.municipality_code AND p.meeting_id = mt.id AND p.user_id = :u
                           AND (p.invited_at IS NOT NULL OR p.attended)))""")
                .param("m", m).param("u", userId).param("h", householdIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    Optional<String> involvement(String m, UUID userId, UUID householdId) {
        return jdbc.sql("""
                SELECT CASE WHEN mt.facilitator_id = :u THEN 'procesbegeleider van een planbijeenkomst'
                            ELSE 'deelnemer aan een planbijeenkomst' END
                  FROM meeting mt
                 WHERE mt.municipality_code = :m AND mt.household_id = :h
                   AND (mt.facilitator_id = :u OR EXISTS (SELECT 1 FROM meeting_participant p
                         WHERE p.municipality_code = mt.municipality_code AND p.meeting_id = mt.id AND p.user_id = :u
                           AND (p.invited_at IS NOT NULL OR p.attended)))
                 ORDER BY (mt.facilitator_id = :u) DESC LIMIT 1""")
                .param("m", m).param("u", userId).param("h", householdId).query(String.class).optional();
    }
}
