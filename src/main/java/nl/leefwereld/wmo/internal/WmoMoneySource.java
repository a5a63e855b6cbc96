package nl.leefwereld.wmo.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorSource;
import org.springframework.stereotype.Component;

/**
 * The money facts of the monitor for custom provisions under the three laws: what the decisions' lines cost in each
 * calendar year they run ({@link LineCost}), and for how many clients (residents the request is about).
 * <ul>
 *   <li>{@code money.spending}: law = the request's law, key1 = the provision id, key2 = the provision's name, n =
 *       clients with that provision in the year, amount = euros (with cents) for them in the year.</li>
 *   <li>{@code money.spending.law}: the same per law (key1 and key2 empty): n = clients with any provision under the
 *       law in the year (a client with two provisions counts once), amount = euros.</li>
 * </ul>
 */
@Component
class WmoMoneySource implements MonitorSource {

    static final String SPENDING = "money.spending";
    static final String SPENDING_LAW = "money.spending.law";

    static final String QUERY = """
            WITH line_years AS (
                SELECT r.law, r.person_id, l.provision_id, v.name AS provision_name, y.year,
                       coalesce(mh.district_code, '') AS district_code, mh.team_id, %s AS cents
                  FROM wmo_decision_line l
                  JOIN wmo_request r ON r.municipality_code = l.municipality_code AND r.id = l.request_id
                  JOIN provision v ON v.municipality_code = l.municipality_code AND v.id = l.provision_id
                  JOIN monitor_household mh ON mh.household_id = r.household_id
                 CROSS JOIN LATERAL generate_series(CAST(extract(year FROM l.start_on) AS int), CAST(extract(year FROM l.end_on) AS int)) AS y(year)
                 WHERE l.municipality_code = ?
            )
            SELECT 'money.spending' AS measure, year, district_code, team_id, law, CAST(provision_id AS text) AS key1, provision_name AS key2,
                   count(DISTINCT person_id)::bigint AS n, round(sum(cents) / 100.0, 2) AS amount
              FROM line_years GROUP BY year, district_code, team_id, law, provision_id, provision_name
            UNION ALL
            SELECT 'money.spending.law', year, district_code, team_id, law, '', '', count(DISTINCT person_id)::bigint, round(sum(cents) / 100.0, 2)
              FROM line_years GROUP BY year, district_code, team_id, law
            """.formatted(LineCost.yearCents("l", "y.year"));

    @Override
    public String name() {
        return "wmo-uitgaven";
    }

    @Override
    public Set<String> measures() {
        return Set.of(SPENDING, SPENDING_LAW);
    }

    @Override
    public String factsQuery() {
        return QUERY;
    }
}
