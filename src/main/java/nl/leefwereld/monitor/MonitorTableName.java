package nl.leefwereld.monitor;

import java.util.Optional;

/** The eight monitor tables; {@link #key()} is the name in URLs, exports and the API ({@code /api/v1/monitor/reach}). */
public enum MonitorTableName {
    REACH("reach", "Bereik"),
    OVERLAP("overlap", "Samenloop van wetten"),
    CONCENTRATION("concentration", "Concentratie van kosten"),
    TIMELINESS("timeliness", "Tijdigheid"),
    OUTCOMES("outcomes", "Resultaten"),
    SATISFACTION("satisfaction", "Tevredenheid"),
    MONEY("money", "Geld"),
    INDICATORS("indicators", "Indicatoren");

    private final String key;
    private final String title;

    MonitorTableName(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    /** Dutch title, as in the menu. */
    public String title() {
        return title;
    }

    public static Optional<MonitorTableName> byKey(String key) {
        for (MonitorTableName n : values()) {
            if (n.key.equals(key)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
