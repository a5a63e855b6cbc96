package nl.leefwereld.household.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorDimension;
import nl.leefwereld.monitor.MonitorSource;
import org.springframework.stereotype.Component;

/**
 * The monitor's household dimension (every household with its district; the team is left to the monitor, which knows
 * which team serves a district through identity's Directory) and the measure {@code households.total}: the households
 * per district and year, the denominator of "per 1,000 households" and of the concentration curve.
 *
 * <p>The household table keeps no history of moves or departures, so {@code households.total} counts the current
 * households for each of the last ten years up to the refresh date (the monitor's tables say so in a note).
 */
@Component
class HouseholdMonitorDimension implements MonitorDimension, MonitorSource {

    static final String MEASURE = "households.total";

    @Override
    public String householdQuery() {
        return "SELECT h.id AS household_id, h.district_code::text AS district_code, NULL::uuid AS team_id FROM household h WHERE h.municipality_code = ?";
    }

    @Override
    public String municipalitiesQuery() {
        return "SELECT DISTINCT municipality_code FROM household";
    }

    @Override
    public String name() {
        return "huishoudens";
    }

    @Override
    public Set<String> measures() {
        return Set.of(MEASURE);
    }

    @Override
    public String factsQuery() {
        return """
                SELECT 'households.total'::text AS measure, y.year::int AS year, mh.district_code, mh.team_id, ''::text AS law,
                       ''::text AS key1, ''::text AS key2, count(*)::bigint AS n, NULL::numeric AS amount
                  FROM monitor_household mh
                 CROSS JOIN generate_series(extract(year FROM current_setting('monitor.today')::date)::int - 9,
                                            extract(year FROM current_setting('monitor.today')::date)::int) AS y(year)
                 WHERE ?::text IS NOT NULL   -- the municipality: monitor_household holds only its households
                 GROUP BY y.year, mh.district_code, mh.team_id
                """;
    }
}
