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

/**
 * The Wmo, Jeugdwet and Participatiewet facts of the council monitor (reach, overlap, concentration, timeliness),
 * computed from this module's own tables only; a provision is its id (key1), never its name. Three sources, so that a
 * refresh can run them side by side on separate connections: {@code wmo-bereik} (reach), {@code wmo-huishoudens}
 * (overlap and concentration of costs) and {@code wmo-termijnen} (timeliness).
 *
 * <ul>
 *   <li>A decision line "runs" in a year when the request was granted (wholly or partly) and start..end overlaps the
 *       year; years up to the refresh date.</li>
 *   <li>Spending of a line in a year (euros): {@link LineCost} (the same expression as the money table).</li>
 *   <li>Decided within term: the decision term (BESCHIKKING, from the aanvraag) with the municipality's setting or the
 *       law's default, Awb 4:15 suspensions and extensions of that step, and the Algemene termijnenwet (weekend, general
 *       holidays from {@link GeneralHolidays}, days equated by decree) — the semantics of {@code LegalTerms.due}.</li>
 * </ul>
 */
final class WmoMonitorSource implements MonitorSource {

    static final String REACH = "wmo-bereik";
    static final String HOUSEHOLDS = "wmo-huishoudens";
    static final String TIMELINESS = "wmo-termijnen";

    private final String name;
    private final Set<String> measures;
    private final String query;
    private final Catalog catalog;

    private WmoMonitorSource(String name, Set<String> measures, String query, Catalog catalog) {
        this.name = name;
        this.measures = measures;
        this.query = query;
        this.catalog = catalog;
    }

    /** The three Wmo sources of the monitor. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Sources {

        @org.springframework.context.annotation.Bean
        MonitorSource wmoReachSource(Catalog catalog) {
            return new WmoMonitorSource(REACH, Set.of("reach.residents"), reachQuery(), catalog);
        }

        @org.springframework.context.annotation.Bean
        MonitorSource wmoHouseholdsSource(Catalog catalog) {
            return new WmoMonitorSource(HOUSEHOLDS, Set.of("overlap.households", "concentration.households"), householdsQuery(), catalog);
        }

        @org.springframework.context.annotation.Bean
        MonitorSource wmoTimelinessSource(Catalog catalog) {
            return new WmoMonitorSource(TIMELINESS, Set.of("timeliness.decided", "timeliness.days.decision", "timeliness.waiting"),
                    timelinessQuery(), catalog);
        }
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
        return name;
    }

    @Override
    public Set<String> measures() {
        return measures;
    }

    @Override
    public String factsQuery() {
        return query;
    }

    /** The general holidays of 2000–2100 as a SQL jsonb literal keyed by day. */
    static String holidays() {
        Set<LocalDate> days = new TreeSet<>();
        for (int y = 2000; y <= 2100; y++) {
            days.addAll(GeneralHolidays.of(y).keySet());
        }
        // a JSON object keyed by day: "is this day a holiday" is a key look-up (binary search), where "= ANY (array)" read
        // all 1,100 days for every day tested
        return "'{" + days.stream().map(d -> "\"" + d + "\": true").collect(Collectors.joining(",")) + "}'::jsonb";
    }

    private static int defaultDays(Law law, TermStep step) {
        return law.defaultTerm(step).inDays();
    }

    /**
     * The day a step's term ends before moving past closed days: {@code from} + term + suspensions + extensions (a
     * date, or null when {@code from} is null). {@code r} is the request row, {@code until} the day an open suspension
     * counts to.
     */
    private static String termEnd(String r, String step, String from, String until) {
        String term = "COALESCE((SELECT CASE s.unit WHEN 'WEEKS' THEN s.amount * 7 ELSE s.amount END FROM wmo_term_setting s "
                + "WHERE s.municipality_code = " + r + ".municipality_code AND s.law = " + r + ".law AND s.step = '" + step + "'), "
                + "CASE " + r + ".law WHEN 'WMO' THEN " + defaultDays(Law.WMO, TermStep.valueOf(step)) + " WHEN 'JEUGDWET' THEN "
                + defaultDays(Law.JEUGDWET, TermStep.valueOf(step)) + " ELSE " + defaultDays(Law.PARTICIPATIEWET, TermStep.valueOf(step)) + " END)";
        String changes = "COALESCE((SELECT sum(CASE c.kind WHEN 'SUSPENSION' THEN greatest(0, COALESCE(c.until_on, " + until + " + 1) - c.from_on - 1) "
                + "ELSE c.weeks * 7 END) FROM wmo_term_change c WHERE c.municipality_code = " + r + ".municipality_code AND c.request_id = " + r + ".id "
                + "AND c.step = '" + step + "'), 0)::int";
        return "(" + from + " + " + term + " + " + changes + ")::date";
    }

    /**
     * The first open day on or after the date expression {@code day} (not a weekend day, general holiday or day
     * equated by decree), as a scalar subquery; needs the CTEs {@code p} (municipality) and {@code hol} (read as scalar
     * subqueries: joining {@code hol} would carry its 1,100 days through every row and every sort).
     */
    private static String firstOpenDay(String day) {
        return "(SELECT min(e.d + k) FROM (SELECT " + day + " AS d) e CROSS JOIN generate_series(0, 14) k "
                + "WHERE extract(isodow FROM e.d + k) < 6 AND NOT jsonb_exists((SELECT days FROM hol), to_char(e.d + k, 'YYYY-MM-DD')) "
                + "AND NOT EXISTS (SELECT 1 FROM wmo_equated_day q WHERE q.municipality_code = (SELECT m FROM p) AND q.day = e.d + k))";
    }

    /**
     * Per team and law: the decisions on an aanvraag taken from a first day up to today, and how many of them on or before the due
     * day of their decision term — the same term as the timeliness source ({@code LegalTerms.due}: setting or default,
     * suspensions and extensions, closed days), for the term overview. One statement, so its cost does not grow with
     * a query per request; the first open day is looked up once per calendar day of the span, as in
     * {@link #timelinessQuery()} (MATERIALIZED: referred to once, PostgreSQL would otherwise inline it and compute the
     * first open day per request). Parameters: municipality, today, the first day. Columns: team_id, law, decisions,
     * in_time.
     */
    static String decidedWithinTermQuery() {
        return """
                WITH p AS (SELECT ?::text AS m, ?::date AS today, ?::date AS since),
                hol AS (SELECT %s AS days),
                req AS (
                    SELECT r.team_id, r.law, r.decided_on, %s AS decision_end
                      FROM p JOIN wmo_request r ON r.municipality_code = p.m
                     WHERE r.decided_on BETWEEN p.since AND p.today AND r.aanvraag_on IS NOT NULL),
                span AS (SELECT min(decision_end) AS first_day, max(decision_end) AS last_day FROM req),
                cal AS MATERIALIZED (
                    SELECT d::date AS day, %s AS open_on
                      FROM span CROSS JOIN generate_series(span.first_day, span.last_day, interval '1 day') d)
                SELECT req.team_id, req.law, count(*) AS decisions, count(*) FILTER (WHERE req.decided_on <= cal.open_on) AS in_time
                  FROM req JOIN cal ON cal.day = req.decision_end
                 GROUP BY req.team_id, req.law
                """.formatted(holidays(), termEnd("r", "BESCHIKKING", "r.aanvraag_on", "r.decided_on"),
                firstOpenDay("d::date"));
    }

    /** The lines that run, per year they run in, with the household's district and team ({@code p}, {@code line}, {@code ly}). */
    private static final String LINES = """
            p AS (SELECT ?::text AS m, current_setting('monitor.today')::date AS today),
            line AS (
                SELECT r.household_id, r.person_id, r.law, l.provision_id, l.form, l.volume, l.frequency, l.start_on, l.end_on,
                       l.tariff_cents, l.pgb_amount_cents, mh.district_code, mh.team_id
                  FROM p
                  JOIN wmo_request r ON r.municipality_code = p.m AND r.outcome IN ('GRANTED', 'PARTLY')
                  JOIN wmo_decision_line l ON l.municipality_code = r.municipality_code AND l.request_id = r.id
                  JOIN monitor_household mh ON mh.household_id = r.household_id
                 WHERE l.start_on <= p.today),
            ly AS (
                SELECT line.*, y.year
                  FROM line CROSS JOIN p
                 CROSS JOIN LATERAL generate_series(extract(year FROM line.start_on)::int,
                                                    least(extract(year FROM line.end_on)::int, extract(year FROM p.today)::int)) AS y(year))""";

    /** Reach: unique residents per law and provision per year, each counted in the district of one household. */
    static String reachQuery() {
        return "WITH " + LINES + """
                ,
                person_year AS (
                    SELECT DISTINCT ON (person_id, year) person_id, year, district_code, team_id
                      FROM ly ORDER BY person_id, year, household_id)
                SELECT 'reach.residents'::text, ly.year, py.district_code, py.team_id, COALESCE(ly.law, ''), COALESCE(ly.provision_id::text, ''),
                       ''::text, count(DISTINCT ly.person_id)::bigint, NULL::numeric
                  FROM ly JOIN person_year py ON py.person_id = ly.person_id AND py.year = ly.year
                 GROUP BY GROUPING SETS ((ly.year, py.district_code, py.team_id, ly.law, ly.provision_id),
                                         (ly.year, py.district_code, py.team_id, ly.law), (ly.year, py.district_code, py.team_id))
                """;
    }

    /**
     * Overlap (households per combination of laws) and concentration (households per spending bucket of two significant
     * digits, with the bucket's exact total). The bucket is cut with integer digits and trunc, not with numeric log and
     * power (which cost 11 s for 600,000 households).
     */
    static String householdsQuery() {
        return "WITH " + LINES + """
                ,
                household_law AS (
                    SELECT household_id, year, law, min(district_code) AS district_code, (array_agg(team_id))[1] AS team_id,
                           sum(%s) / 100.0 AS euros,
                           CASE law WHEN 'JEUGDWET' THEN 'J' WHEN 'PARTICIPATIEWET' THEN 'P' ELSE 'W' END AS letter
                      FROM ly GROUP BY household_id, year, law),
                household_year AS (
                    SELECT household_id, year, min(district_code) AS district_code, (array_agg(team_id))[1] AS team_id, sum(euros) AS euros,
                           string_agg(letter, '' ORDER BY letter) AS combination
                      FROM household_law GROUP BY household_id, year),
                buckets AS (
                    SELECT year, district_code, team_id, law, euros,
                           CASE WHEN euros < 10 THEN floor(euros) ELSE trunc(euros, 2 - length(floor(euros)::bigint::text)) END AS bucket
                      FROM (SELECT year, district_code, team_id, law, euros FROM household_law
                            UNION ALL
                            SELECT year, district_code, team_id, '' AS law, euros FROM household_year) b
                     WHERE euros > 0)
                SELECT 'overlap.households'::text, year, district_code, team_id, ''::text, combination, ''::text, count(*)::bigint, NULL::numeric
                  FROM household_year GROUP BY year, district_code, team_id, combination
                UNION ALL
                SELECT 'concentration.households', year, district_code, team_id, law, bucket::bigint::text, '', count(*), sum(euros)
                  FROM buckets GROUP BY year, district_code, team_id, law, bucket
                """.formatted(LineCost.yearCents("ly", "ly.year"));
    }

    /**
     * Timeliness: requests decided per year within or after the decision term, the days melding → decision, and the
     * waiting list at the refresh date. The first open day on or after a term's end comes from a calendar of the days
     * the requests span (computed once per day, not per request), with the per-day look-up as the fallback outside it.
     */
    static String timelinessQuery() {
        String decisionEnd = termEnd("r", "BESCHIKKING", "r.aanvraag_on", "COALESCE(r.decided_on, p.today)");
        String researchEnd = termEnd("r", "ONDERZOEK", "r.melding_on", "p.today");
        return """
                WITH p AS (SELECT ?::text AS m, current_setting('monitor.today')::date AS today),
                hol AS (SELECT %s AS days),
                req AS (
                    SELECT r.municipality_code, r.id, r.law, r.team_id, r.state, r.outcome, r.melding_on, r.aanvraag_on, r.decided_on,
                           mh.district_code AS household_district,
                           %s AS decision_end,
                           %s AS research_end
                      FROM p JOIN wmo_request r ON r.municipality_code = p.m
                      JOIN monitor_household mh ON mh.household_id = r.household_id),
                span AS (
                    SELECT greatest(min(least(req.decision_end, req.research_end)), p.today - 7305) AS first_day,
                           least(greatest(max(greatest(req.decision_end, req.research_end)), p.today), p.today + 1830) AS last_day
                      FROM req CROSS JOIN p GROUP BY p.today),
                cal AS (
                    SELECT d::date AS day, %s AS open_on
                      FROM span CROSS JOIN generate_series(span.first_day, span.last_day, interval '1 day') d),
                due AS (
                    SELECT req.*, CASE WHEN req.decision_end IS NOT NULL THEN COALESCE(c1.open_on, %s) END AS decision_due,
                           CASE WHEN req.research_end IS NOT NULL THEN COALESCE(c2.open_on, %s) END AS research_due
                      FROM req
                      LEFT JOIN cal c1 ON c1.day = req.decision_end
                      LEFT JOIN cal c2 ON c2.day = req.research_end),
                decided AS (
                    SELECT law, team_id, household_district AS district_code, extract(year FROM decided_on)::int AS year,
                           decided_on - melding_on AS days,
                           CASE WHEN aanvraag_on IS NULL THEN NULL WHEN decided_on <= decision_due THEN 'within' ELSE 'late' END AS term
                      FROM due
                     WHERE decided_on IS NOT NULL),
                waiting AS (
                    SELECT due.law, due.team_id, due.household_district AS district_code,
                           CASE WHEN due.decided_on IS NOT NULL THEN 'not_started' ELSE 'past_term' END AS kind
                      FROM due CROSS JOIN p
                     WHERE (due.decided_on IS NOT NULL AND due.outcome IN ('GRANTED', 'PARTLY')
                            AND EXISTS (SELECT 1 FROM wmo_decision_line l WHERE l.municipality_code = due.municipality_code AND l.request_id = due.id)
                            AND NOT EXISTS (SELECT 1 FROM wmo_decision_line l WHERE l.municipality_code = due.municipality_code
                                               AND l.request_id = due.id AND l.start_on <= p.today))
                        OR (due.decided_on IS NULL AND due.state IN ('MELDING', 'AANVRAAG')
                            AND p.today > CASE WHEN due.state = 'AANVRAAG' THEN due.decision_due ELSE due.research_due END))
                SELECT 'timeliness.decided'::text, year, district_code, team_id, law, COALESCE(term, 'unknown'), ''::text, count(*)::bigint,
                       NULL::numeric
                  FROM decided GROUP BY year, district_code, team_id, law, term
                UNION ALL
                SELECT 'timeliness.days.decision', year, district_code, team_id, law, days::text, '', count(*), NULL
                  FROM decided GROUP BY year, district_code, team_id, law, days
                UNION ALL
                SELECT 'timeliness.waiting', extract(year FROM p.today)::int, district_code, team_id, law, kind, '', count(*), NULL
                  FROM waiting CROSS JOIN p GROUP BY p.today, district_code, team_id, law, kind
                """.formatted(holidays(), decisionEnd, researchEnd, firstOpenDay("d::date"), firstOpenDay("req.decision_end"),
                firstOpenDay("req.research_end"));
    }
}
