package nl.leefwereld.monitor;

import java.util.UUID;

/**
 * The filters of every monitor table, page, export and API call: a calendar year, and optionally one district, one
 * law ({@code WMO}, {@code JEUGDWET}, {@code PARTICIPATIEWET}) and one team. Null means "all".
 * In URLs: {@code ?year=2026&district=centrum&law=WMO&team=<uuid>}.
 */
public record MonitorQuery(int year, String district, String law, UUID team) {

    public static final java.util.List<String> LAWS = java.util.List.of("WMO", "JEUGDWET", "PARTICIPATIEWET");

    public MonitorQuery {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (law != null && !LAWS.contains(law)) {
            throw new IllegalArgumentException("unknown law: " + law);
        }
        if (district != null && district.isBlank()) {
            district = null;
        }
    }

    /** The Dutch name of a law code. */
    public static String lawLabel(String law) {
        return switch (law) {
            case "WMO" -> "Wmo 2015";
            case "JEUGDWET" -> "Jeugdwet";
            case "PARTICIPATIEWET" -> "Participatiewet";
            default -> law;
        };
    }
}
