package nl.leefwereld.meeting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.meeting.SurveyLink;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants' survey: a personal link per participant (256 random bits, only the SHA-256 stored, single use,
 * expiring), five process questions on a 5-point scale and one open question, and the report per facilitator, team and
 * period in which every cell with fewer than {@link #MIN_RESPONDENTS} respondents is suppressed. Answers are stored
 * without the participant or the invitation, so they can never be shown per person.
 */
@Service
class SurveyService {

    static final int MIN_RESPONDENTS = 5;
    /** Form field (the column in snake case), question (Dutch). */
    static final Map<String, String> QUESTIONS = new LinkedHashMap<>();

    static {
        QUESTIONS.put("preparedWell", "Ik was goed voorbereid op de planbijeenkomst.");
        QUESTIONS.put("heard", "Ik voelde me gehoord.");
        QUESTIONS.put("decidedTogether", "We hebben samen besloten.");
        QUESTIONS.put("clearAgreements", "De afspraken zijn duidelijk.");
        QUESTIONS.put("confidence", "Ik heb vertrouwen in het plan.");
    }

    static final Map<String, String> SCALE = Map.of("1", "Helemaal mee oneens", "2", "Mee oneens", "3", "Neutraal", "4", "Mee eens",
            "5", "Helemaal mee eens");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration validity;

    SurveyService(JdbcClient jdbc, AuditLog audit, Clock clock, @Value("${leefwereld.meeting.survey-valid-days:28}") long validDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
    }

    /** A fresh link per attendee (a participant who already has one keeps it: one link, one answer per participant). */
    @Transactional
    List<SurveyLink> issue(CurrentUser user, MeetingRepository.MeetingRow meeting, List<MeetingRepository.ParticipantRow> attendees) {
        String m = user.municipalityCode();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SurveyLink> links = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (MeetingRepository.ParticipantRow p : attendees) {
            String token = newToken();
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    INSERT INTO survey_invitation (municipality_code, id, meeting_id, participant_id, token_hash, created_at, expires_at)
                    VALUES (:m, :id, :meeting, :p, :hash, :now, :expires) ON CONFLICT (municipality_code, participant_id) DO NOTHING""")
                    .param("m", m).param("id", id).param("meeting", meeting.id()).param("p", p.id()).param("hash", hash(token))
                    .param("now", now).param("expires", now.plus(validity)).update();
            if (inserted == 1) {
                links.add(new SurveyLink(p.name(), p.email(), "/enquete/" + token));
                entries.add(new AuditEntry(AuditAction.CREATE, "SURVEY_INVITATION", id.toString(), meeting.householdId(), p.personId(),
                        "enquête na planbijeenkomst"));
            }
        }
        if (!entries.isEmpty()) {
            audit.recordAll(user, entries);
        }
        return links;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token has the shape of ours (43 base64url characters); anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** True when the link can still be used: known, unused and not expired. Reveals nothing else. */
    @Transactional(readOnly = true)
    boolean usable(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM survey_invitation WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now")
                .param("h", hash(token)).param("now", OffsetDateTime.now(clock)).query(Long.class).single() == 1;
    }

    /** The answers as typed: question column → "1".."5" (or empty), and the open answer. */
    record Answers(Map<String, String> scores, String openAnswer) {
    }

    /**
     * Stores the answers and uses up the link in one step; false when the link is unknown, used or expired (the caller
     * shows the same neutral page for all three). Bad answers are field errors and leave the link usable.
     */
    @Transactional
    boolean answer(String token, Answers answers) {
        if (!wellFormed(token)) {
            return false;
        }
        FieldErrors errors = new FieldErrors();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String q : QUESTIONS.keySet()) {
            String v = answers.scores().get(q);
            if (v == null || v.isBlank()) {
                errors.add(q, "Kies een antwoord bij deze vraag.");
            } else if (!SCALE.containsKey(v.strip())) {
                errors.add(q, "Kies een van de vijf antwoorden.");
            } else {
                scores.put(q, Integer.parseInt(v.strip()));
            }
        }
        errors.maxLength("openAnswer", answers.openAnswer(), "uw antwoord", 2000).plainText("openAnswer", answers.openAnswer());
        if (!usable(token)) {
            return false;
        }
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Map<String, Object>> used = jdbc.sql("""
                UPDATE survey_invitation SET used_at = :now WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now
                RETURNING municipality_code, meeting_id""")
                .param("h", hash(token)).param("now", now).query().listOfRows().stream().findFirst();
        if (used.isEmpty()) {
            return false;   // used up meanwhile by a parallel answer
        }
        jdbc.sql("""
                INSERT INTO survey_response (municipality_code, id, meeting_id, answered_on, prepared_well, heard, decided_together,
                                             clear_agreements, confidence, open_answer)
                VALUES (:m, :id, :meeting, :on, :q1, :q2, :q3, :q4, :q5, :open)""")
                .param("m", used.get().get("municipality_code")).param("id", UUID.randomUUID()).param("meeting", used.get().get("meeting_id"))
                .param("on", LocalDate.now(clock)).param("q1", scores.get("preparedWell")).param("q2", scores.get("heard"))
                .param("q3", scores.get("decidedTogether")).param("q4", scores.get("clearAgreements")).param("q5", scores.get("confidence"))
                .param("open", FieldErrors.trimToNull(answers.openAnswer())).update();
        return true;
    }

    // ---- report ----------------------------------------------------------------------------------------------------

    record Filter(UUID facilitatorId, UUID teamId, LocalDate from, LocalDate to) {
    }

    /** One question's figures; {@code mean} and {@code distribution} are null when suppressed. */
    record QuestionFigures(String question, BigDecimal mean, List<Long> distribution) {
    }

    /** A cell of the report: invitations always; responses, rate, figures and open answers only from 5 respondents. */
    record Cell(String label, long meetings, long invitations, long responses, boolean suppressed, BigDecimal responseRate,
                List<QuestionFigures> questions, List<String> openAnswers) {
    }

    record Report(Filter filter, Cell total, List<Cell> perFacilitator, List<Cell> perTeam) {

        /** Facilitators first, then teams: the rows of the breakdown table. */
        public List<Cell> rows() {
            List<Cell> out = new ArrayList<>(perFacilitator);
            out.addAll(perTeam);
            return out;
        }
    }

    Filter filter(String facilitatorId, String teamId, String from, String to) {
        FieldErrors errors = new FieldErrors();
        UUID f = errors.optionalId("facilitator", facilitatorId, "Kies een procesbegeleider uit de lijst.");
        UUID t = errors.optionalId("team", teamId, "Kies een team uit de lijst.");
        LocalDate fromDate = errors.date("van", from, "de begindatum", false);
        LocalDate toDate = errors.date("tot", to, "de einddatum", false);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("tot", "De einddatum ligt voor de begindatum.");
        }
        errors.throwIfAny();
        return new Filter(f, t, fromDate, toDate);
    }

    @Transactional(readOnly = true)
    Report report(CurrentUser user, Filter filter) {
        String m = user.municipalityCode();
        Cell total = cell(m, "Totaal", filter);
        List<Cell> perFacilitator = new ArrayList<>();
        for (Map<String, Object> f : jdbc.sql("""
                SELECT DISTINCT mt.facilitator_id, u.display_name FROM meeting mt
                  JOIN app_user u ON u.municipality_code = mt.municipality_code AND u.id = mt.facilitator_id
                 WHERE mt.municipality_code = :m AND mt.recorded_at IS NOT NULL ORDER BY u.display_name""").param("m", m).query().listOfRows()) {
            UUID id = (UUID) f.get("facilitator_id");
            if (filter.facilitatorId() == null || filter.facilitatorId().equals(id)) {
                perFacilitator.add(cell(m, (String) f.get("display_name"), new Filter(id, filter.teamId(), filter.from(), filter.to())));
            }
        }
        List<Cell> perTeam = new ArrayList<>();
        for (Map<String, Object> t : jdbc.sql("""
                SELECT DISTINCT mt.team_id, t.name FROM meeting mt
                  JOIN team t ON t.municipality_code = mt.municipality_code AND t.id = mt.team_id
                 WHERE mt.municipality_code = :m AND mt.recorded_at IS NOT NULL ORDER BY t.name""").param("m", m).query().listOfRows()) {
            UUID id = (UUID) t.get("team_id");
            if (filter.teamId() == null || filter.teamId().equals(id)) {
                perTeam.add(cell(m, (String) t.get("name"), new Filter(filter.facilitatorId(), id, filter.from(), filter.to())));
            }
        }
        audit.record(user, AuditAction.READ, "SURVEY_REPORT", null, null, null, "rapportage klanttevredenheid planbijeenkomst");
        return new Report(filter, total, perFacilitator, perTeam);
    }

    private static final String WHERE = " " + """
             WHERE mt.municipality_code = :m AND mt.recorded_at IS NOT NULL
               AND (CAST(:f AS uuid) IS NULL OR mt.facilitator_id = CAST(:f AS uuid))
               AND (CAST(:t AS uuid) IS NULL OR mt.team_id = CAST(:t AS uuid))
               AND (CAST(:from AS date) IS NULL OR mt.held_on >= CAST(:from AS date))
               AND (CAST(:to AS date) IS NULL OR mt.held_on <= CAST(:to AS date))""";

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, String m, Filter f) {
        return s.param("m", m).param("f", f.facilitatorId()).param("t", f.teamId()).param("from", f.from()).param("to", f.to());
    }

    Cell cell(String m, String label, Filter f) {
        long meetings = bind(jdbc.sql("SELECT count(*) FROM meeting mt" + WHERE), m, f).query(Long.class).single();
        long invitations = bind(jdbc.sql("SELECT count(*) FROM survey_invitation si JOIN meeting mt ON mt.municipality_code = si.municipality_code"
                + " AND mt.id = si.meeting_id" + WHERE), m, f).query(Long.class).single();
        String from = " FROM survey_response r JOIN meeting mt ON mt.municipality_code = r.municipality_code AND mt.id = r.meeting_id" + WHERE;
        long responses = bind(jdbc.sql("SELECT count(*)" + from), m, f).query(Long.class).single();
        if (responses < MIN_RESPONDENTS) {
            return new Cell(label, meetings, invitations, responses, true, null, QUESTIONS.values().stream()
                    .map(q -> new QuestionFigures(q, null, null)).toList(), List.of());
        }
        List<QuestionFigures> figures = new ArrayList<>();
        for (Map.Entry<String, String> q : QUESTIONS.entrySet()) {
            String col = "r." + q.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            Map<String, Object> row = bind(jdbc.sql("SELECT count(" + col + ") AS n, coalesce(sum(" + col + "), 0) AS total, "
                    + "count(*) FILTER (WHERE " + col + " = 1) AS c1, count(*) FILTER (WHERE " + col + " = 2) AS c2, "
                    + "count(*) FILTER (WHERE " + col + " = 3) AS c3, count(*) FILTER (WHERE " + col + " = 4) AS c4, "
                    + "count(*) FILTER (WHERE " + col + " = 5) AS c5" + from), m, f).query().singleRow();
            long n = ((Number) row.get("n")).longValue();
            long total = ((Number) row.get("total")).longValue();
            BigDecimal mean = n == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
            List<Long> distribution = List.of(((Number) row.get("c1")).longValue(), ((Number) row.get("c2")).longValue(),
                    ((Number) row.get("c3")).longValue(), ((Number) row.get("c4")).longValue(), ((Number) row.get("c5")).longValue());
            figures.add(new QuestionFigures(q.getValue(), mean, distribution));
        }
        List<String> open = bind(jdbc.sql("SELECT r.open_answer" + from + " AND r.open_answer IS NOT NULL ORDER BY r.answered_on, r.open_answer"),
                m, f).query(String.class).list();
        BigDecimal rate = invitations == 0 ? null
                : BigDecimal.valueOf(responses * 100).divide(BigDecimal.valueOf(invitations), 0, RoundingMode.HALF_UP);
        return new Cell(label, meetings, invitations, responses, false, rate, figures, open);
    }

}
