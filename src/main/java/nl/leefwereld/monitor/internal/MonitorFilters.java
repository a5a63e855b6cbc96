package nl.leefwereld.monitor.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;

/**
 * The filters of a download as typed in the URL or form ({@code year}, {@code district}, {@code law}, {@code team}),
 * checked against the monitor's own choices. A bad value gets a Dutch message under its field name and the default in
 * its place, so the caller can show the errors (never a 500).
 */
final class MonitorFilters {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private MonitorFilters() {
    }

    private static int firstYear(Monitor monitor) {
        List<Integer> years = monitor.years();
        return years.get(years.size() - 1);
    }

    static MonitorQuery parse(Monitor monitor, String year, String district, String law, String team, Map<String, String> errors) {
        int y = monitor.defaultQuery().year();
        if (year != null && !year.isBlank()) {
            String v = year.strip();
            if (!v.matches("\\d{4}")) {
                errors.put("year", "Vul een jaar in met vier cijfers, bijvoorbeeld " + y + ".");
            } else if (Integer.parseInt(v) < MIN_YEAR || Integer.parseInt(v) > MAX_YEAR) {
                errors.put("year", "Kies een jaar tussen " + MIN_YEAR + " en " + MAX_YEAR + ".");
            } else if (Integer.parseInt(v) < firstYear(monitor) || Integer.parseInt(v) > monitor.years().get(0)) {
                // the years the monitor has figures for (each year has its own suppression cube)
                errors.put("year", "Kies een jaar van " + firstYear(monitor) + " tot en met " + monitor.years().get(0) + ".");
            } else {
                y = Integer.parseInt(v);
            }
        }
        String d = null;
        if (district != null && !district.isBlank()) {
            String v = district.strip();
            if (monitor.districts().stream().anyMatch(c -> c.code().equals(v))) {
                d = v;
            } else {
                errors.put("district", "Kies een wijk uit de lijst.");
            }
        }
        String l = null;
        if (law != null && !law.isBlank()) {
            String v = law.strip();
            if (MonitorQuery.LAWS.contains(v)) {
                l = v;
            } else {
                errors.put("law", "Kies een wet uit de lijst: Wmo 2015, Jeugdwet of Participatiewet.");
            }
        }
        UUID t = null;
        if (team != null && !team.isBlank()) {
            try {
                t = UUID.fromString(team.strip());
            } catch (IllegalArgumentException e) {
                errors.put("team", "Kies een team uit de lijst.");
            }
        }
        return new MonitorQuery(y, d, l, t);
    }
}
