package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.ChartSpec;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;

/**
 * Small-cell suppression of a raw monitor table (pure).
 *
 * <ol>
 *   <li>Primary: every COUNT cell with 0 &lt; n &lt; threshold is hidden. Zero is shown (as CBS and most municipal
 *       monitors do): "nobody" points at no one.</li>
 *   <li>Secondary, repeated until nothing changes: every linear equation the table declares — a row's parts over their
 *       {@code totalColumn} and, down each count column, a group's part rows over the group's total row — may not have
 *       exactly one hidden cell, or that cell is the total minus the others. When it has, the smallest other part that
 *       is still shown is hidden too (a non-zero part first), or the total when no part is left.</li>
 *   <li>Derived cells (percentages, amounts, medians, a sentence) are hidden with the count they are {@code basedOn}.</li>
 *   <li>Hidden cells carry no value ({@link Cell#hidden()}). Chart points whose label is the first text cell of a row
 *       with a hidden cell are left out of the chart (as are points labelled with any other text cell of such a row).</li>
 * </ol>
 */
public final class Suppression {

    private Suppression() {
    }

    public static MonitorTable apply(MonitorTable raw, int threshold) {
        return apply(raw, threshold, true);
    }

    /** With {@code secondary} false only the primary step runs: for the test that shows the subtraction attack. */
    static MonitorTable apply(MonitorTable raw, int threshold, boolean secondary) {
        List<Column> columns = raw.columns();
        int rows = raw.rows().size();
        boolean[][] hidden = new boolean[rows][columns.size()];
        BigDecimal[][] value = new BigDecimal[rows][columns.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = raw.rows().get(r).cell(columns.get(c).key());
                value[r][c] = cell.number();
                hidden[r][c] = cell.suppressed();
                if (columns.get(c).kind() == Column.Kind.COUNT && cell.number() != null && cell.number().signum() > 0
                        && cell.number().compareTo(BigDecimal.valueOf(threshold)) < 0) {
                    hidden[r][c] = true;
                }
            }
        }
        List<int[][]> equations = equations(raw);
        boolean changed = secondary;
        while (changed) {
            changed = false;
            for (int[][] eq : equations) {
                // eq[0] = the total cell {row, col}; eq[1..] = the parts
                int hiddenCount = 0;
                for (int[] cell : eq) {
                    if (hidden[cell[0]][cell[1]]) {
                        hiddenCount++;
                    }
                }
                if (hiddenCount != 1) {
                    continue;
                }
                int[] pick = null;
                for (int i = 1; i < eq.length; i++) {
                    int[] part = eq[i];
                    if (hidden[part[0]][part[1]] || value[part[0]][part[1]] == null) {
                        continue;
                    }
                    if (pick == null || better(value[part[0]][part[1]], value[pick[0]][pick[1]])) {
                        pick = part;
                    }
                }
                if (pick == null && !hidden[eq[0][0]][eq[0][1]]) {
                    pick = eq[0];
                }
                if (pick != null) {
                    hidden[pick[0]][pick[1]] = true;
                    changed = true;
                }
            }
        }
        List<Row> out = new ArrayList<>();
        Set<String> hiddenLabels = new TreeSet<>();
        for (int r = 0; r < rows; r++) {
            Row row = raw.rows().get(r);
            Map<String, Cell> cells = new LinkedHashMap<>(row.cells());
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                boolean hide = hidden[r][c];
                if (col.basedOn() != null) {
                    int base = index(columns, col.basedOn());
                    hide |= base >= 0 && hidden[r][base];
                }
                if (hide && (col.kind() != Column.Kind.TEXT || col.basedOn() != null)) {
                    cells.put(col.key(), Cell.hidden());
                    any = true;
                }
            }
            if (any) {
                // every text cell: a chart may label its points with any of them (the money table's law, not its section)
                columns.stream().filter(col -> col.kind() == Column.Kind.TEXT).map(col -> row.cell(col.key()).text())
                        .filter(java.util.Objects::nonNull).forEach(hiddenLabels::add);
            }
            out.add(new Row(row.group(), row.total(), cells, row.key()));
        }
        ChartSpec chart = raw.chart();
        if (chart != null && !hiddenLabels.isEmpty()) {
            chart = new ChartSpec(chart.kind(), chart.title(), chart.xLabel(), chart.yLabel(), chart.series().stream()
                    .map(s -> new ChartSpec.Series(s.name(), s.points().stream().filter(p -> !hiddenLabels.contains(p.getKey())).toList()))
                    .toList());
        }
        return new MonitorTable(raw.name(), raw.title(), raw.explanation(), raw.query(), columns, out, raw.notes(), raw.refreshedAt(),
                threshold, chart);
    }

    /** Smaller is better, but a non-zero part protects and a zero does not. */
    static boolean better(BigDecimal candidate, BigDecimal current) {
        boolean candidateZero = candidate.signum() == 0;
        boolean currentZero = current.signum() == 0;
        if (candidateZero != currentZero) {
            return !candidateZero;
        }
        return candidate.compareTo(current) < 0;
    }

    /** The table's linear equations: {total cell, part cells...}, each cell {row, column}. */
    static List<int[][]> equations(MonitorTable raw) {
        List<Column> columns = raw.columns();
        List<int[][]> out = new ArrayList<>();
        // per row: parts over their total column
        for (int r = 0; r < raw.rows().size(); r++) {
            for (int t = 0; t < columns.size(); t++) {
                String totalKey = columns.get(t).key();
                List<int[]> eq = new ArrayList<>();
                eq.add(new int[] {r, t});
                for (int c = 0; c < columns.size(); c++) {
                    if (totalKey.equals(columns.get(c).totalColumn()) && columns.get(c).kind() == Column.Kind.COUNT) {
                        eq.add(new int[] {r, c});
                    }
                }
                if (eq.size() > 1) {
                    out.add(eq.toArray(int[][]::new));
                }
            }
        }
        // per group: part rows over the total row, down each count column
        Map<String, List<Integer>> parts = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (int r = 0; r < raw.rows().size(); r++) {
            Row row = raw.rows().get(r);
            if (row.group() == null) {
                continue;
            }
            if (row.total()) {
                totals.put(row.group(), r);
            } else {
                parts.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, Integer> total : totals.entrySet()) {
            List<Integer> members = parts.getOrDefault(total.getKey(), List.of());
            if (members.isEmpty()) {
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).kind() != Column.Kind.COUNT) {
                    continue;
                }
                List<int[]> eq = new ArrayList<>();
                eq.add(new int[] {total.getValue(), c});
                for (int r : members) {
                    eq.add(new int[] {r, c});
                }
                out.add(eq.toArray(int[][]::new));
            }
        }
        return out;
    }

    private static int index(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
