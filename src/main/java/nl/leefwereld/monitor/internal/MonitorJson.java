package nl.leefwereld.monitor.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.monitor.MonitorTable;

/** The API's JSON of a suppressed monitor table: a suppressed cell is the string "&lt; 10" (the threshold), never a number. */
final class MonitorJson {

    private MonitorJson() {
    }

    record MonitorTableJson(String table, String title, int year, String district, String law, String team, Instant refreshedAt, int threshold,
                     List<MonitorColumnJson> columns, List<MonitorRowJson> rows, List<String> notes) {
    }

    record MonitorColumnJson(String key, String label, String kind) {
    }

    /** cells: column key → a string, a number, the string "&lt; 10" (suppressed) or null (empty). */
    record MonitorRowJson(String group, boolean total, Map<String, Object> cells) {
    }

    record MonitorRefreshJson(Instant refreshedAt, boolean running, int percent, String step, String status, String error, Long durationMs,
                       Long factRows) {
    }

    static String suppressedText(int threshold) {
        return MonitorTable.Cell.SUPPRESSED_TEXT.formatted(threshold);
    }

    static MonitorTableJson of(MonitorTable t) {
        List<MonitorColumnJson> columns = t.columns().stream().map(c -> new MonitorColumnJson(c.key(), c.label(), c.kind().name())).toList();
        String hidden = suppressedText(t.threshold());
        List<MonitorRowJson> rows = t.rows().stream().map(r -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (MonitorTable.Column c : t.columns()) {
                MonitorTable.Cell cell = r.cell(c.key());
                cells.put(c.key(), cell.suppressed() ? hidden : cell.text() != null ? cell.text() : cell.number());
            }
            return new MonitorRowJson(r.group(), r.total(), cells);
        }).toList();
        return new MonitorTableJson(t.name().key(), t.title(), t.query().year(), t.query().district(), t.query().law(),
                t.query().team() == null ? null : t.query().team().toString(), t.refreshedAt(), t.threshold(), columns, rows, t.notes());
    }

    static MonitorRefreshJson of(FactStore.RefreshRow row, boolean busy) {
        boolean started = "RUNNING".equals(row.status());
        boolean running = started || busy;
        return new MonitorRefreshJson(row.generation() == 0 ? null : row.refreshedAt(), running, started ? row.percent() : 0,
                started ? row.step() : running ? "in de wachtrij" : null, running ? "RUNNING" : row.status(), row.error(), row.durationMs(),
                row.factRows());
    }
}
