package nl.leefwereld.returns.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * The returns facts of the monitor.
 * <ul>
 *   <li>{@code money.returns.case}: case returns (a priced reference scenario against the actual course) in the year
 *       they were made; n = households. key1 = {@code AVOIDED}: amount = Σ (reference − actual), the avoided costs over
 *       each calculation's whole period; key1 = {@code AVOIDED_PER_YEAR}: amount = Σ of each calculation's avoided
 *       costs per year, (reference − actual) / years rounded half up to cents, as {@link nl.leefwereld.returns.ScenarioEvaluation}
 *       does.</li>
 *   <li>{@code money.returns.project}: one fact per project (not about people: n = 1, district '' and no team), in the
 *       project's year (the year its period ends, else the year it starts, else the year it was entered); key1 = the
 *       project's name, key2 = how the return is known ({@link nl.leefwereld.returns.ReturnKind}), amount = the return
 *       the portfolio shows: the model's outcome where the project has a model ({@link nl.leefwereld.returns.ProjectCalculation}
 *       in SQL, exact: Σ leavers (part-time counts half) × value × (1 − business-as-usual share) + Σ other savings ×
 *       attribution share − Σ costs, rounded half up to cents), else the return its source reports (null when none).</li>
 * </ul>
 */
@Component
class ReturnsMonitorSource implements MonitorSource {

    static final String CASE = "money.returns.case";
    static final String PROJECT = "money.returns.project";

    static final String QUERY = """
            WITH params AS (SELECT CAST(? AS varchar) AS m),
            cases AS (
                SELECT c.household_id, c.reference_total - c.actual_total AS avoided, c.years,
                       CAST(extract(year FROM c.created_at AT TIME ZONE '%1$s') AS int) AS year,
                       coalesce(mh.district_code, '') AS district_code, mh.team_id
                  FROM case_return c JOIN monitor_household mh ON mh.household_id = c.household_id
                 WHERE c.municipality_code = (SELECT m FROM params)
            ), models AS (
                SELECT l.project_id,
                       round(sum(CASE l.kind
                           WHEN 'LEAVERS' THEN (CASE WHEN l.part_time THEN l.count / 2 ELSE l.count END) * l.value_per_leaver
                                               * (1 - p.business_as_usual_share)
                           WHEN 'OTHER_SAVING' THEN l.amount * l.share
                           WHEN 'COST_FIXED' THEN -l.amount
                           WHEN 'COST_STAFF' THEN -(l.fte * l.rate_per_year * l.years)
                           WHEN 'COST_YEARLY' THEN -(l.amount * l.years)
                       END), 2) AS result
                  FROM project_model_line l JOIN project p ON p.municipality_code = l.municipality_code AND p.id = l.project_id
                 WHERE l.municipality_code = (SELECT m FROM params)
                 GROUP BY l.project_id
            )
            SELECT 'money.returns.case' AS measure, year, district_code, team_id, '' AS law, 'AVOIDED' AS key1, '' AS key2,
                   count(DISTINCT household_id)::bigint AS n, sum(avoided) AS amount
              FROM cases GROUP BY year, district_code, team_id
            UNION ALL
            SELECT 'money.returns.case', year, district_code, team_id, '', 'AVOIDED_PER_YEAR', '',
                   count(DISTINCT household_id)::bigint, sum(round(avoided / years, 2))
              FROM cases GROUP BY year, district_code, team_id
            UNION ALL
            SELECT 'money.returns.project',
                   CAST(extract(year FROM coalesce(p.period_to, p.period_from, CAST(p.created_at AT TIME ZONE '%1$s' AS date))) AS int),
                   '', CAST(NULL AS uuid), '', p.name, p.return_kind, CAST(1 AS bigint),
                   CASE WHEN mo.project_id IS NOT NULL THEN mo.result ELSE p.reported_return END
              FROM project p LEFT JOIN models mo ON mo.project_id = p.id
             WHERE p.municipality_code = (SELECT m FROM params)
            """.formatted(TimeConfiguration.ZONE.getId());

    @Override
    public String name() {
        return "returns";
    }

    @Override
    public Set<String> measures() {
        return Set.of(CASE, PROJECT);
    }

    @Override
    public String factsQuery() {
        return QUERY;
    }
}
