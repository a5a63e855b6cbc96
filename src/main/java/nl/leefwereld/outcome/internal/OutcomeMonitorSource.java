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

    /**
     * One pass over the scores, without sorting them: each assessment gets its rank within its subject (by date, then
     * when recorded, then id) and carries, as one bigint, {@code rank × 10^13 + (year − 1900) × 10^10 + place × 10},
     * where place numbers the (district, team) pairs of the household dimension. Adding the level (1–5) or the
     * participation step (1–6) in the last digit, min and max per subject and domain give the first and the latest
     * level together with the year and the place of the latest assessment. (A window or {@code array_agg(… ORDER BY)}
     * per subject and domain sorted all 5.7 million scores of a million households: 13.5 s; this: 8 s.)
     */
    @Override
    public String factsQuery() {
        return """
                WITH params AS (SELECT CAST(? AS varchar) AS m),
                place AS (
                    SELECT district_code, team_id, COALESCE(team_id, '00000000-0000-0000-0000-000000000000') AS team_key,
                           row_number() OVER (ORDER BY district_code, team_id) AS place
                      FROM (SELECT DISTINCT district_code, team_id FROM monitor_household) d
                ), ranked AS (
                    SELECT a.id, COALESCE(a.person_id, a.household_id) AS subject, a.person_id IS NULL AS whole_household, a.participation_step,
                           row_number() OVER (PARTITION BY COALESCE(a.person_id, a.household_id), a.person_id IS NULL
                                              ORDER BY a.assessed_on, a.created_at, a.id) * 10000000000000
                             + (extract(year FROM a.assessed_on)::bigint - 1900) * 10000000000 + pl.place * 10 AS base
                      FROM assessment a
                      JOIN monitor_household mh ON mh.household_id = a.household_id
                      JOIN place pl ON pl.district_code = mh.district_code AND pl.team_key = COALESCE(mh.team_id, '00000000-0000-0000-0000-000000000000')
                     WHERE a.municipality_code = (SELECT m FROM params)
                ), domain_pairs AS (
                    SELECT s.domain, min(r.base + coalesce(s.professional_level, s.resident_level)) AS first_key,
                           max(r.base + coalesce(s.professional_level, s.resident_level)) AS latest_key
                      FROM ranked r
                      JOIN assessment_score s ON s.municipality_code = (SELECT m FROM params) AND s.assessment_id = r.id
                     GROUP BY r.subject, r.whole_household, s.domain
                    HAVING count(*) >= 2
                ), domain_totals AS (
                    SELECT 1900 + latest_key / 10000000000 % 1000 AS year, latest_key / 10 % 1000000000 AS place, domain,
                           count(*) AS n,
                           count(*) FILTER (WHERE latest_key % 10 > first_key % 10) AS up,
                           count(*) FILTER (WHERE latest_key % 10 = first_key % 10) AS same,
                           count(*) FILTER (WHERE latest_key % 10 < first_key % 10) AS down,
                           sum(first_key % 10) AS first_sum, sum(latest_key % 10) AS latest_sum
                      FROM domain_pairs
                     GROUP BY 1, 2, 3
                ), ladder_pairs AS (
                    SELECT min(base + participation_step) AS first_key, max(base + participation_step) AS latest_key
                      FROM ranked
                     WHERE participation_step IS NOT NULL
                     GROUP BY subject, whole_household
                    HAVING count(*) >= 2
                )
                SELECT 'outcomes.domain' AS measure, t.year::int, pl.district_code, pl.team_id, '' AS law, t.domain AS key1, v.key2, v.n::bigint, v.amount
                  FROM domain_totals t
                  JOIN place pl ON pl.place = t.place
                 CROSS JOIN LATERAL (VALUES ('UP', t.up, NULL::numeric), ('SAME', t.same, NULL::numeric), ('DOWN', t.down, NULL::numeric),
                                            ('FIRST', t.n, t.first_sum::numeric), ('LATEST', t.n, t.latest_sum::numeric)) v(key2, n, amount)
                 WHERE v.n > 0
                UNION ALL
                SELECT 'outcomes.ladder', (1900 + p.latest_key / 10000000000 % 1000)::int, pl.district_code, pl.team_id, '',
                       (p.first_key % 10)::text, (p.latest_key % 10)::text, count(*)::bigint, NULL::numeric
                  FROM ladder_pairs p
                  JOIN place pl ON pl.place = p.latest_key / 10 % 1000000000
                 GROUP BY 2, 3, 4, 6, 7
                """;
    }
}
