package nl.leefwereld.meeting.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * The satisfaction facts of the monitor: the participants' survey after a planning meeting. Only recorded meetings
 * count (as in the survey report). Everything belongs to the year the meeting was held, so invitations and answers of
 * one meeting fall in the same year and the response rate is answers / invitations of the meetings of that year. The
 * open answers never leave the meeting module.
 * <ul>
 *   <li>{@code satisfaction.meeting}: key1 = the question ({@link SurveyService#QUESTIONS}' key, e.g. {@code heard}),
 *       key2 = the score '1'..'5', n = answers with that score, amount = the sum of those scores.</li>
 *   <li>{@code satisfaction.meeting.responses}: key1 = {@code INVITATIONS} (n = survey links handed out) or
 *       {@code RESPONSES} (n = answered surveys).</li>
 * </ul>
 */
@Component
class MeetingMonitorSource implements MonitorSource {

    static final String ANSWERS = "satisfaction.meeting";
    static final String RESPONSES = "satisfaction.meeting.responses";

    private final String query;

    MeetingMonitorSource() {
        String answers = SurveyService.QUESTIONS.keySet().stream()
                .map(q -> "('" + q + "', r." + q.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
        this.query = """
                WITH held AS (
                    SELECT mt.municipality_code, mt.id,
                           extract(year FROM coalesce(mt.held_on, (mt.recorded_at AT TIME ZONE '%s')::date))::int AS year,
                           coalesce(mh.district_code, '') AS district_code, mh.team_id
                      FROM meeting mt JOIN monitor_household mh ON mh.household_id = mt.household_id
                     WHERE mt.municipality_code = ? AND mt.recorded_at IS NOT NULL
                ), answers AS (
                    SELECT h.year, h.district_code, h.team_id, q.question, q.score
                      FROM survey_response r
                      JOIN held h ON h.municipality_code = r.municipality_code AND h.id = r.meeting_id
                     CROSS JOIN LATERAL (VALUES %s) AS q(question, score)
                     WHERE q.score IS NOT NULL
                )
                SELECT 'satisfaction.meeting' AS measure, year, district_code, team_id, '' AS law, question AS key1, score::text AS key2,
                       count(*)::bigint AS n, sum(score)::numeric AS amount
                  FROM answers GROUP BY 2, 3, 4, 6, 7
                UNION ALL
                SELECT 'satisfaction.meeting.responses', h.year, h.district_code, h.team_id, '', 'INVITATIONS', '', count(*)::bigint, NULL::numeric
                  FROM survey_invitation i JOIN held h ON h.municipality_code = i.municipality_code AND h.id = i.meeting_id
                 GROUP BY 2, 3, 4
                UNION ALL
                SELECT 'satisfaction.meeting.responses', h.year, h.district_code, h.team_id, '', 'RESPONSES', '', count(*)::bigint, NULL::numeric
                  FROM survey_response r JOIN held h ON h.municipality_code = r.municipality_code AND h.id = r.meeting_id
                 GROUP BY 2, 3, 4
                """.formatted(TimeConfiguration.ZONE.getId(), answers);
    }

    @Override
    public String name() {
        return "meeting";
    }

    @Override
    public Set<String> measures() {
        return Set.of(ANSWERS, RESPONSES);
    }

    @Override
    public String factsQuery() {
        return query;
    }
}
