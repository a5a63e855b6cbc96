package nl.leefwereld.monitor.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefwereld.monitor.MonitorQuery;

/** What the reference-data form fragments ({@code monitor/reference-forms.html}) need on any page. */
public final class ReferenceForms {

    private ReferenceForms() {
    }

    /** The laws as select options: code → Dutch name. */
    public static Map<String, String> lawOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        MonitorQuery.LAWS.forEach(l -> options.put(l, MonitorQuery.lawLabel(l)));
        return options;
    }
}
