package nl.leefwereld.monitor;

/**
 * The household dimension of a refresh, implemented by the household module: a {@code SELECT household_id,
 * district_code, team_id} over the households of the municipality (parameter 1 = the municipality code). The monitor
 * loads it into the temporary table {@code monitor_household} that {@link MonitorSource} queries join.
 */
public interface MonitorDimension {

    String householdQuery();
}
