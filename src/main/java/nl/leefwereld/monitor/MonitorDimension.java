package nl.leefwereld.monitor;

/**
 * The household dimension of a refresh, implemented by the household module: a {@code SELECT household_id,
 * district_code, team_id} over the households of the municipality (parameter 1 = the municipality code). The monitor
 * loads it into the temporary table {@code monitor_household} that {@link MonitorSource} queries join. A {@code team_id}
 * left null is filled by the monitor with the team that serves the district ({@code identity.Directory}), so the
 * household module need not read the identity module's tables.
 */
public interface MonitorDimension {

    String householdQuery();

    /**
     * The municipalities to refresh on the schedule: a {@code SELECT} of one column, the municipality code, without
     * parameters. Default: none known (only municipalities refreshed before, or by hand, are refreshed on schedule).
     */
    default String municipalitiesQuery() {
        return null;
    }
}
