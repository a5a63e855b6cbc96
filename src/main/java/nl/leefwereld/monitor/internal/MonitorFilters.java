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

    /**
     * Why a year cannot be asked, or null: outside 2000–2100, or outside the years the monitor has figures for ({@code
     * years}, newest first; each year of figures has a suppression cube of its own, so their number stays bounded).
     */
    static String yearError(int y, List<Integer> years) {
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return "Kies een jaar tussen " + MIN_YEAR + " en " + MAX_YEAR + ".";
        }
        int first = years.get(years.size() - 1);
        int last = years.get(0);
        if (y < first || y > last) {
            return first == last ? "Er zijn alleen cijfers over " + first + "." : "Kies een jaar van " + first + " tot en met " + last + ".";
        }
        return null;
    }

    static MonitorQuery parse(Monitor monitor, String year, String district, String law, String team, Map<String, String> errors) {
        List<Integer> years = monitor.years();
        int y = years.get(0);   // the default query's year
        if (year != null && !year.isBlank()) {
            String v = year.strip();
            String error = v.matches("\\d{4}") ? yearError(Integer.parseInt(v), years) : "Vul een jaar in met vier cijfers, bijvoorbeeld " + y + ".";
            if (error != null) {
                errors.put("year", error);
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
