package nl.leefwereld.wmo.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.catalog.Catalog;
import nl.leefwereld.shared.FieldErrors;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.wmo.GeneralHolidays;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.TermStep;
import org.springframework.stereotype.Component;

/**
 * The Wmo, Jeugdwet and Participatiewet facts of the council monitor (reach, overlap, concentration, timeliness),
 * computed from this module's own tables only; a provision is its id (key1), never its name.
 *
 * <ul>
 *   <li>A decision line "runs" in a year when the request was granted (wholly or partly) and start..end overlaps the
 *       year; years up to the refresh date.</li>
 *   <li>Spending of a line in a year (euros): pgb: the pgb amount × the share of the line's days that fall in the
 *       year; in kind: tariff × volume × occurrences in the year's part of start..end, where the iWmo frequency (WJ757)
 *       gives the occurrences: 1 per day = days, 2 per week = days / 7, 4 per month = days × 12 / 365, 6 in total =
 *       the share of the line's days in the year. Rounded to cents per line and year.</li>
 *   <li>Decided within term: the decision term (BESCHIKKING, from the aanvraag) with the municipality's setting or the
 *       law's default, Awb 4:15 suspensions and extensions of that step, and the Algemene termijnenwet (weekend, general
 *       holidays from {@link GeneralHolidays}, days equated by decree) — the semantics of {@code LegalTerms.due}.</li>
 * </ul>
 */
@Component
class WmoMonitorSource implements MonitorSource {

    static final Set<String> MEASURES = Set.of("reach.residents", "overlap.households", "concentration.households",
            "timeliness.decided", "timeliness.days.decision", "timeliness.waiting");

    private final String query;
    private final Catalog catalog;

    WmoMonitorSource(Catalog catalog) {
        this.catalog = catalog;
        this.query = buildQuery();
    }

    /** The provision's name for its id (reach); ids that are not a provision of the municipality keep no label. */
    @Override
    public Map<String, String> keyLabels(String municipalityCode, String measure, Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (!measure.equals("reach.residents")) {
            return labels;
        }
        for (String key : keys) {
            UUID id = FieldErrors.idOrNull(key);
            if (id != null) {
                catalog.provision(municipalityCode, id).ifPresent(p -> labels.put(key, p.name()));
            }
        }
        return labels;
    }

    @Override
    public String name() {
        return "wmo";
    }

    @Override
    public Set<String> measures() {
        return MEASURES;
    }

    @Override
    public String factsQuery() {
        return query;
    }

    /** The general holidays of 2000–2100 as a SQL date array literal. */
    static String holidays() {
        Set<LocalDate> days = new TreeSet<>();
        for (int y = 2000; y <= 2100; y++) {
            days.addAll(GeneralHolidays.of(y).keySet());
        }
        // a JSON object keyed by day: "is this day a holiday" is a key look-up (binary search), where "= ANY (array)" read
        // all 1,100 days for every day tested (15 per term, several terms per request)
        return "'{" + days.stream().map(d -> "\"" + d + "\": true").collect(Collectors.joining(",")) + "}'::jsonb";
    }

    private static int defaultDays(Law law, TermStep step) {
        return law.defaultTerm(step).inDays();
    }

    /**
     * The last day of a step's term, as a scalar subquery: {@code from} + term + suspensions + extensions, moved past
     * closed days. {@code r} is the request row, {@code step} the step name, {@code until} the day open suspensions count to.
     */
    private static String due(String step, String from, String until) {
        return due("req", step, from, until);
    }

    private static String due(String r, String step, String from, String until) {
        String term = "COALESCE((SELECT CASE s.unit WHEN 'WEEKS' THEN s.amount * 7 ELSE s.amount END FROM wmo_term_setting s "
                + "WHERE s.municipality_code = " + r + ".municipality_code AND s.law = " + r + ".law AND s.step = '" + step + "'), "
                + "CASE " + r + ".law WHEN 'WMO' THEN " + defaultDays(Law.WMO, TermStep.valueOf(step)) + " WHEN 'JEUGDWET' THEN "
                + defaultDays(Law.JEUGDWET, TermStep.valueOf(step)) + " ELSE " + defaultDays(Law.PARTICIPATIEWET, TermStep.valueOf(step)) + " END)";
        String changes = "COALESCE((SELECT sum(CASE c.kind WHEN 'SUSPENSION' THEN greatest(0, COALESCE(c.until_on, " + until + " + 1) - c.from_on - 1) "
                + "ELSE c.weeks * 7 END) FROM wmo_term_change c WHERE c.municipality_code = " + r + ".municipality_code AND c.request_id = " + r + ".id "
                + "AND c.step = '" + step + "'), 0)::int";
        String end = "(" + from + " + " + term + " + " + changes + ")::date";
        return "(SELECT min(e.d + k) FROM (SELECT " + end + " AS d) e CROSS JOIN generate_series(0, 14) k "
                + "WHERE extract(isodow FROM e.d + k) < 6 AND NOT jsonb_exists(hol.days, to_char(e.d + k, 'YYYY-MM-DD')) "
                + "AND NOT EXISTS (SELECT 1 FROM wmo_equated_day q WHERE q.municipality_code = " + r + ".municipality_code AND q.day = e.d + k))";
    }

    private static String buildQuery() {
        return """
                WITH p AS (SELECT ?::text AS m, current_setting('monitor.today')::date AS today),
                hol AS (SELECT %s AS days),
                line AS (
                    SELECT r.household_id, r.person_id, r.law, l.provision_id, l.form, l.volume, l.frequency, l.start_on, l.end_on,
                           l.tariff_cents, l.pgb_amount_cents, mh.district_code, mh.team_id
                      FROM p
                      JOIN wmo_request r ON r.municipality_code = p.m AND r.outcome IN ('GRANTED', 'PARTLY')
                      JOIN wmo_decision_line l ON l.municipality_code = r.municipality_code AND l.request_id = r.id
                      JOIN monitor_household mh ON mh.household_id = r.household_id
                     WHERE l.start_on <= p.today),
                ly AS (
                    SELECT line.*, y.year, greatest(line.start_on, make_date(y.year, 1, 1)) AS from_on,
                           least(line.end_on, make_date(y.year, 12, 31)) AS until_on
                      FROM line CROSS JOIN p
                     CROSS JOIN LATERAL generate_series(extract(year FROM line.start_on)::int,
                                                        least(extract(year FROM line.end_on)::int, extract(year FROM p.today)::int)) AS y(year)),
                spend AS (
                    SELECT ly.*, %s / 100.0 AS euros
                      FROM ly),
                person_year AS (
                    SELECT DISTINCT ON (person_id, year) person_id, year, district_code, team_id
                      FROM ly ORDER BY person_id, year, household_id),
                household_law AS (
                    SELECT household_id, year, law, min(district_code) AS district_code, (array_agg(team_id))[1] AS team_id, sum(euros) AS euros,
                           CASE law WHEN 'JEUGDWET' THEN 'J' WHEN 'PARTICIPATIEWET' THEN 'P' ELSE 'W' END AS letter
                      FROM spend GROUP BY household_id, year, law),
                household_year AS (
                    SELECT household_id, year, min(district_code) AS district_code, (array_agg(team_id))[1] AS team_id, sum(euros) AS euros,
                           string_agg(letter, '' ORDER BY letter) AS combination
                      FROM household_law GROUP BY household_id, year),
                buckets AS (
                    SELECT household_id, year, district_code, team_id, law, euros,
                           CASE WHEN euros < 10 THEN floor(euros)
                                ELSE floor(euros / power(10::numeric, floor(log(euros)) - 1)) * power(10::numeric, floor(log(euros)) - 1) END AS bucket
                      FROM (SELECT household_id, year, district_code, team_id, law, euros FROM household_law
                            UNION ALL
                            SELECT household_id, year, district_code, team_id, '' AS law, euros FROM household_year) b
                     WHERE euros > 0),
                req AS (
                    SELECT r.*, mh.district_code AS household_district
                      FROM p JOIN wmo_request r ON r.municipality_code = p.m
                      JOIN monitor_household mh ON mh.household_id = r.household_id),
                decided AS (
                    SELECT req.law, req.team_id, req.household_district AS district_code, extract(year FROM req.decided_on)::int AS year,
                           req.decided_on - req.melding_on AS days,
                           CASE WHEN req.aanvraag_on IS NULL THEN NULL
                                WHEN req.decided_on <= %s THEN 'within' ELSE 'late' END AS term
                      FROM req CROSS JOIN hol
                     WHERE req.decided_on IS NOT NULL),
                waiting AS (
                    SELECT req.law, req.team_id, req.household_district AS district_code,
                           CASE WHEN req.decided_on IS NOT NULL THEN 'not_started' ELSE 'past_term' END AS kind
                      FROM req CROSS JOIN p CROSS JOIN hol
                     WHERE (req.decided_on IS NOT NULL AND req.outcome IN ('GRANTED', 'PARTLY')
                            AND EXISTS (SELECT 1 FROM wmo_decision_line l WHERE l.municipality_code = req.municipality_code AND l.request_id = req.id)
                            AND NOT EXISTS (SELECT 1 FROM wmo_decision_line l WHERE l.municipality_code = req.municipality_code
                                               AND l.request_id = req.id AND l.start_on <= p.today))
                        OR (req.decided_on IS NULL AND req.state IN ('MELDING', 'AANVRAAG')
                            AND p.today > CASE WHEN req.state = 'AANVRAAG' THEN %s ELSE %s END))
                SELECT 'reach.residents'::text, ly.year, py.district_code, py.team_id, COALESCE(ly.law, ''), COALESCE(ly.provision_id::text, ''),
                       ''::text, count(DISTINCT ly.person_id)::bigint, NULL::numeric
                  FROM ly JOIN person_year py ON py.person_id = ly.person_id AND py.year = ly.year
                 GROUP BY GROUPING SETS ((ly.year, py.district_code, py.team_id, ly.law, ly.provision_id),
                                         (ly.year, py.district_code, py.team_id, ly.law), (ly.year, py.district_code, py.team_id))
                UNION ALL
                SELECT 'overlap.households', year, district_code, team_id, '', combination, '', count(*), NULL
                  FROM household_year GROUP BY year, district_code, team_id, combination
                UNION ALL
                SELECT 'concentration.households', year, district_code, team_id, law, bucket::bigint::text, '', count(*), sum(euros)
                  FROM buckets GROUP BY year, district_code, team_id, law, bucket
                UNION ALL
                SELECT 'timeliness.decided', year, district_code, team_id, law, COALESCE(term, 'unknown'), '', count(*), NULL
                  FROM decided GROUP BY year, district_code, team_id, law, term
                UNION ALL
                SELECT 'timeliness.days.decision', year, district_code, team_id, law, days::text, '', count(*), NULL
                  FROM decided GROUP BY year, district_code, team_id, law, days
                UNION ALL
                SELECT 'timeliness.waiting', extract(year FROM p.today)::int, district_code, team_id, law, kind, '', count(*), NULL
                  FROM waiting CROSS JOIN p GROUP BY p.today, district_code, team_id, law, kind
                """.formatted(holidays(), LineCost.yearCents("ly", "ly.year"), due("BESCHIKKING", "req.aanvraag_on", "req.decided_on"),
                due("BESCHIKKING", "req.aanvraag_on", "p.today"), due("ONDERZOEK", "req.melding_on", "p.today"));
    }
}
