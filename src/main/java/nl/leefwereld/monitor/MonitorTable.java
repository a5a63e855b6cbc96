package nl.leefwereld.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One monitor table as it leaves the module: columns, rows, notes, the refresh it was computed from and the
 * suppression threshold that was applied. A table from {@link Monitor} is always suppressed; a table from a {@link
 * MonitorTableDefinition} is raw and never leaves the module.
 *
 * <p>Suppression structure, declared by the definition:
 * <ul>
 *   <li>{@link Column.Kind#COUNT} cells are the protected numbers (people, households, requests, answers).</li>
 *   <li>A column with {@link Column#basedOn()} (a percentage, an amount, a median) is hidden whenever the count in
 *       that column of the same row is hidden.</li>
 *   <li>A count column with {@link Column#totalColumn()} is a part of the row's total in that column (e.g. the three
 *       laws and "total"): hiding one part hides a second one, so the total cannot give it away.</li>
 *   <li>Rows with the same {@link Row#group()} add up to the group's row with {@link Row#total()} = true (e.g. the
 *       districts and "all districts"): the same rule runs down each count column.</li>
 * </ul>
 *
 * @param chart an optional chart of the table (the page and the council report draw it); null for none
 */
public record MonitorTable(MonitorTableName name, String title, String explanation, MonitorQuery query,
                           List<Column> columns, List<Row> rows, List<String> notes, Instant refreshedAt,
                           int threshold, ChartSpec chart) {

    public MonitorTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** A column: its key (also the JSON field and CSV header key), Dutch label and kind. */
    public record Column(String key, String label, Kind kind, String basedOn, String totalColumn) {

        public enum Kind { TEXT, COUNT, NUMBER, AMOUNT, PERCENT, DAYS }

        public static Column text(String key, String label) {
            return new Column(key, label, Kind.TEXT, null, null);
        }

        public static Column count(String key, String label) {
            return new Column(key, label, Kind.COUNT, null, null);
        }

        /** A count that is a part of the row's total in {@code totalColumn}. */
        public static Column part(String key, String label, String totalColumn) {
            return new Column(key, label, Kind.COUNT, null, totalColumn);
        }

        /** A derived value (number, amount, percentage, days) hidden whenever the count {@code basedOn} is. */
        public static Column derived(String key, String label, Kind kind, String basedOn) {
            return new Column(key, label, kind, basedOn, null);
        }
    }

    /**
     * A row: cells by column key; rows of one group add up to the group's total row. {@code key}, when not null, names
     * what the row is about independently of its texts (a provision's or team's id): the suppression across queries
     * recognises the row by it, so a renamed provision or team keeps its row's decisions. Never shown or exported.
     */
    public record Row(String group, boolean total, Map<String, Cell> cells, String key) {

        public Row {
            cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        }

        public Row(String group, boolean total, Map<String, Cell> cells) {
            this(group, total, cells, null);
        }

        public Cell cell(String key) {
            return cells.getOrDefault(key, Cell.EMPTY);
        }
    }

    /**
     * A value: text, a whole number or a decimal, or empty; {@code suppressed} cells carry no value at all (the number
     * is gone, not hidden) and show as {@link #SUPPRESSED_TEXT} with the threshold.
     */
    public record Cell(String text, BigDecimal number, boolean suppressed) {

        public static final Cell EMPTY = new Cell(null, null, false);

        public static Cell of(String text) {
            return new Cell(text, null, false);
        }

        public static Cell of(long number) {
            return new Cell(null, BigDecimal.valueOf(number), false);
        }

        public static Cell of(BigDecimal number) {
            return number == null ? EMPTY : new Cell(null, number, false);
        }

        public static Cell hidden() {
            return new Cell(null, null, true);
        }

        public static final String SUPPRESSED_TEXT = "< %d";
    }

    /** What a chart shows: a kind, axis labels and series of (label, value) points in order. */
    public record ChartSpec(Kind kind, String title, String xLabel, String yLabel, List<Series> series) {

        public enum Kind { BAR, LINE }

        public record Series(String name, List<Map.Entry<String, BigDecimal>> points) {
        }
    }
}
