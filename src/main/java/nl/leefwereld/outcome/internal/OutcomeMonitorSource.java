package nl.leefwereld.outcome.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorSource;
import org.springframework.stereotype.Component;

/**
 * The outcomes facts of the monitor: development between the first and the latest assessment.
 *
 * <p>Who is measured: a resident (an assessment with a person), or the household as a whole (an assessment without
 * one). A level is the professional's score, or the resident's own score where the professional gave none. Per life
 * domain, a resident counts when that domain was scored in at least two assessments; the first and the latest of those
 * (by date, then by when they were recorded) are compared. The year is the year of the latest one, the district and
 * team those of the household of the latest one.
 * <ul>
 *   <li>{@code outcomes.domain}: key1 = the domain (ZRM code, e.g. {@code FINANCES}); key2 = {@code UP}, {@code SAME} or
 *       {@code DOWN}: n = residents whose level went up, stayed, went down; key2 = {@code FIRST} / {@code LATEST}: n =
 *       residents measured twice, amount = the sum of their first / latest levels (the averages are amount / n).</li>
 *   <li>{@code outcomes.ladder}: key1 = the first participation step (1–6), key2 = the latest step, n = residents
 *       (two assessments with a step at least).</li>
 * </ul>
 */
@Component
class OutcomeMonitorSource implements MonitorSource {

    static final String DOMAIN = "outcomes.domain";
    static final String LADDER = "outcomes.ladder";

    @Override
    public String name() {
        return "outcome";
    }

    @Override
    public Set<String> measures() {
        return Set.of(DOMAIN, LADDER);
    }

    @Override
    public String factsQuery() {
        return """
                WITH params AS (SELECT CAST(? AS varchar) AS m),
                scored AS (
                    SELECT a.person_id, CASE WHEN a.person_id IS NULL THEN a.household_id END AS household_subject, a.household_id,
                           a.id, a.assessed_on, a.created_at, s.domain, coalesce(s.professional_level, s.resident_level) AS level
                      FROM assessment a
                      JOIN assessment_score s ON s.municipality_code = a.municipality_code AND s.assessment_id = a.id
                     WHERE a.municipality_code = (SELECT m FROM params)
                ), domain_pairs AS (
                    SELECT domain,
                           (array_agg(level ORDER BY assessed_on, created_at, id))[1] AS first_level,
                           (array_agg(level ORDER BY assessed_on DESC, created_at DESC, id DESC))[1] AS latest_level,
                           (array_agg(household_id ORDER BY assessed_on DESC, created_at DESC, id DESC))[1] AS household_id,
                           max(assessed_on) AS latest_on
                      FROM scored
                     GROUP BY person_id, household_subject, domain
                    HAVING count(*) >= 2
                ), domain_facts AS (
                    SELECT extract(year FROM p.latest_on)::int AS year, coalesce(mh.district_code, '') AS district_code, mh.team_id,
                           p.domain, p.first_level, p.latest_level
                      FROM domain_pairs p JOIN monitor_household mh ON mh.household_id = p.household_id
                ), steps AS (
                    SELECT a.person_id, CASE WHEN a.person_id IS NULL THEN a.household_id END AS household_subject, a.household_id,
                           a.id, a.assessed_on, a.created_at, a.participation_step AS step
                      FROM assessment a
                     WHERE a.municipality_code = (SELECT m FROM params) AND a.participation_step IS NOT NULL
                ), ladder_pairs AS (
                    SELECT (array_agg(step ORDER BY assessed_on, created_at, id))[1] AS first_step,
                           (array_agg(step ORDER BY assessed_on DESC, created_at DESC, id DESC))[1] AS latest_step,
                           (array_agg(household_id ORDER BY assessed_on DESC, created_at DESC, id DESC))[1] AS household_id,
                           max(assessed_on) AS latest_on
                      FROM steps
                     GROUP BY person_id, household_subject
                    HAVING count(*) >= 2
                )
                SELECT 'outcomes.domain' AS measure, year, district_code, team_id, '' AS law, domain AS key1,
                       CASE WHEN latest_level > first_level THEN 'UP' WHEN latest_level = first_level THEN 'SAME' ELSE 'DOWN' END AS key2,
                       count(*)::bigint AS n, NULL::numeric AS amount
                  FROM domain_facts GROUP BY 2, 3, 4, 6, 7
                UNION ALL
                SELECT 'outcomes.domain', year, district_code, team_id, '', domain, 'FIRST', count(*)::bigint, sum(first_level)::numeric
                  FROM domain_facts GROUP BY 2, 3, 4, 6
                UNION ALL
                SELECT 'outcomes.domain', year, district_code, team_id, '', domain, 'LATEST', count(*)::bigint, sum(latest_level)::numeric
                  FROM domain_facts GROUP BY 2, 3, 4, 6
                UNION ALL
                SELECT 'outcomes.ladder', extract(year FROM p.latest_on)::int, coalesce(mh.district_code, ''), mh.team_id, '',
                       p.first_step::text, p.latest_step::text, count(*)::bigint, NULL::numeric
                  FROM ladder_pairs p JOIN monitor_household mh ON mh.household_id = p.household_id
                 GROUP BY 2, 3, 4, 6, 7
                """;
    }
}
