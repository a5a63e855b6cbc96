package nl.leefwereld.budget.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * The custom-budget facts of the monitor ({@code money.budget}), per year, team (the team that decides on the request)
 * and spending category (key1 = {@link nl.leefwereld.budget.BudgetCategory} name). As in the ledger, each step counts in
 * the year it happened (the municipality's time zone):
 * <ul>
 *   <li>key2 = {@code REQUESTED}: requests made in the year (any status);</li>
 *   <li>key2 = {@code APPROVED}: requests approved in the year (approved, in a batch or paid);</li>
 *   <li>key2 = {@code REJECTED}: requests rejected in the year;</li>
 *   <li>key2 = {@code PAID}: requests paid in the year.</li>
 * </ul>
 * n = requests, amount = their amount in euros (exact).
 */
@Component
class BudgetMonitorSource implements MonitorSource {

    static final String MEASURE = "money.budget";

    static final String QUERY = """
            WITH requests AS (
                SELECT r.category, r.status, r.amount_cents, r.team_id, coalesce(mh.district_code, '') AS district_code,
                       CAST(extract(year FROM r.requested_at AT TIME ZONE '%1$s') AS int) AS requested_year,
                       CAST(extract(year FROM r.decided_at AT TIME ZONE '%1$s') AS int) AS decided_year,
                       CAST(extract(year FROM r.paid_at AT TIME ZONE '%1$s') AS int) AS paid_year
                  FROM budget_request r JOIN monitor_household mh ON mh.household_id = r.household_id
                 WHERE r.municipality_code = ?
            ), steps AS (
                SELECT 'REQUESTED' AS step, requested_year AS year, category, team_id, district_code, amount_cents FROM requests
                UNION ALL
                SELECT 'APPROVED', decided_year, category, team_id, district_code, amount_cents FROM requests
                 WHERE status IN ('APPROVED', 'IN_BATCH', 'PAID') AND decided_year IS NOT NULL
                UNION ALL
                SELECT 'REJECTED', decided_year, category, team_id, district_code, amount_cents FROM requests
                 WHERE status = 'REJECTED' AND decided_year IS NOT NULL
                UNION ALL
                SELECT 'PAID', paid_year, category, team_id, district_code, amount_cents FROM requests
                 WHERE status = 'PAID' AND paid_year IS NOT NULL
            )
            SELECT 'money.budget' AS measure, year, district_code, team_id, '' AS law, category AS key1, step AS key2,
                   count(*)::bigint AS n, round(sum(amount_cents) / 100.0, 2) AS amount
              FROM steps GROUP BY year, district_code, team_id, category, step
            """.formatted(TimeConfiguration.ZONE.getId());

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public Set<String> measures() {
        return Set.of(MEASURE);
    }

    @Override
    public String factsQuery() {
        return QUERY;
    }
}
