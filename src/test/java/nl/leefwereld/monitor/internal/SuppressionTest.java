package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableName;
import org.junit.jupiter.api.Test;

/** Small-cell suppression: primary, derived and secondary, and the subtraction attack across a total. */
class SuppressionTest {

    static final int T = 10;

    static MonitorTable table(List<Column> columns, List<Row> rows) {
        return new MonitorTable(MonitorTableName.OVERLAP, "t", "e", new MonitorQuery(2026, null, null, null), columns, rows, List.of(), null, 0, null);
    }

    static Row row(String group, boolean total, Object... keyValues) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            cells.put((String) keyValues[i], v instanceof String s ? Cell.of(s) : v instanceof BigDecimal b ? Cell.of(b) : Cell.of(((Number) v).longValue()));
        }
        return new Row(group, total, cells);
    }

    static BigDecimal n(MonitorTable t, int row, String key) {
        return t.rows().get(row).cell(key).number();
    }

    static boolean hidden(MonitorTable t, int row, String key) {
        return t.rows().get(row).cell(key).suppressed();
    }

    @Test
    void primaryHidesSmallCountsButShowsZeroAndTheThreshold() {
        MonitorTable raw = table(List.of(Column.text("l", "L"), Column.count("n", "N"), Column.derived("p", "P", Column.Kind.PERCENT, "n")),
                List.of(row(null, false, "l", "a", "n", 0, "p", new BigDecimal("0.0")), row(null, false, "l", "b", "n", 1, "p", new BigDecimal("1.0")),
                        row(null, false, "l", "c", "n", 9, "p", new BigDecimal("9.0")), row(null, false, "l", "d", "n", 10, "p", new BigDecimal("10.0"))));
        MonitorTable t = Suppression.apply(raw, T);
        assertThat(n(t, 0, "n")).isEqualByComparingTo("0");
        assertThat(hidden(t, 1, "n")).isTrue();
        assertThat(hidden(t, 2, "n")).isTrue();
        assertThat(n(t, 3, "n")).isEqualByComparingTo("10");
        // derived cells follow their count, and a hidden cell carries no number at all
        assertThat(hidden(t, 1, "p")).isTrue();
        assertThat(t.rows().get(1).cell("p").number()).isNull();
        assertThat(t.rows().get(1).cell("n").number()).isNull();
        assertThat(n(t, 3, "p")).isEqualByComparingTo("10.0");
        assertThat(t.threshold()).isEqualTo(T);
    }

    /** A row: three laws and their total. The small one is the total minus the others, unless a second part is hidden. */
    @Test
    void subtractionAttackAcrossARowTotalWorksWithoutSecondaryAndFailsWithIt() {
        MonitorTable raw = table(List.of(Column.text("l", "L"), Column.count("total", "Totaal"), Column.part("a", "A", "total"),
                        Column.part("b", "B", "total"), Column.part("c", "C", "total")),
                List.of(row(null, false, "l", "x", "total", 50, "a", 3, "b", 20, "c", 27)));
        MonitorTable primary = Suppression.apply(raw, T, false);
        assertThat(hidden(primary, 0, "a")).isTrue();
        BigDecimal recovered = n(primary, 0, "total").subtract(n(primary, 0, "b")).subtract(n(primary, 0, "c"));
        assertThat(recovered).as("the attack on primary suppression alone").isEqualByComparingTo("3");

        MonitorTable safe = Suppression.apply(raw, T);
        assertThat(hidden(safe, 0, "a")).isTrue();
        assertThat(hidden(safe, 0, "b")).as("the smallest other part is hidden too").isTrue();
        assertThat(hidden(safe, 0, "c")).isFalse();
        // one equation, two unknowns: a + b = 50 - 27 = 23 does not give a
        assertThat(unknowns(safe, 0, List.of("total", "a", "b", "c"))).isEqualTo(2);
    }

    /** A column: districts and "all districts". */
    @Test
    void subtractionAttackDownAGroupWorksWithoutSecondaryAndFailsWithIt() {
        List<Column> columns = List.of(Column.text("d", "Wijk"), Column.count("n", "Huishoudens"));
        MonitorTable raw = table(columns, List.of(row("w", false, "d", "noord", "n", 4), row("w", false, "d", "zuid", "n", 30),
                row("w", false, "d", "oost", "n", 40), row("w", true, "d", "alle wijken", "n", 74)));
        MonitorTable primary = Suppression.apply(raw, T, false);
        assertThat(hidden(primary, 0, "n")).isTrue();
        assertThat(n(primary, 3, "n").subtract(n(primary, 1, "n")).subtract(n(primary, 2, "n"))).isEqualByComparingTo("4");

        MonitorTable safe = Suppression.apply(raw, T);
        assertThat(hidden(safe, 0, "n")).isTrue();
        assertThat(hidden(safe, 1, "n")).as("zuid (30) is the smallest other district").isTrue();
        assertThat(hidden(safe, 2, "n")).isFalse();
        assertThat(n(safe, 3, "n")).isEqualByComparingTo("74");
    }

    @Test
    void aHiddenTotalWithEveryPartShownHidesAPartToo() {
        // the total 7 is small, its parts 0 and 7: 7 shows? no — 7 is hidden by primary; a total of 0 + 7... build a total that is
        // hidden by primary (5) with parts 0 and 5 → the part 5 is hidden by primary as well; the equation then has two hidden
        MonitorTable raw = table(List.of(Column.text("l", "L"), Column.count("total", "Totaal"), Column.part("a", "A", "total"),
                Column.part("b", "B", "total")), List.of(row(null, false, "l", "x", "total", 5, "a", 0, "b", 5)));
        MonitorTable t = Suppression.apply(raw, T);
        assertThat(unknowns(t, 0, List.of("total", "a", "b"))).isNotEqualTo(1);
    }

    /** Property: over random tables, no equation of a row or a group ever has exactly one hidden cell. */
    @Test
    void noHiddenValueIsRecoverableFromOneLinearEquation() {
        Random random = new Random(20261124L);
        int tables = 0;
        int hiddenCells = 0;
        for (int round = 0; round < 2000; round++) {
            int parts = 2 + random.nextInt(4);
            int groups = 1 + random.nextInt(3);
            int rowsPerGroup = 2 + random.nextInt(4);
            List<Column> columns = new ArrayList<>(List.of(Column.text("l", "L"), Column.count("total", "Totaal")));
            for (int p = 0; p < parts; p++) {
                columns.add(Column.part("p" + p, "P" + p, "total"));
            }
            columns.add(Column.derived("share", "Aandeel", Column.Kind.PERCENT, "p0"));
            List<Row> rows = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                long[] columnSums = new long[parts];
                for (int r = 0; r < rowsPerGroup; r++) {
                    Object[] kv = new Object[4 + 2 * parts + 2];
                    kv[0] = "l";
                    kv[1] = "g" + g + "r" + r;
                    long total = 0;
                    for (int p = 0; p < parts; p++) {
                        long v = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 12 : 60);
                        columnSums[p] += v;
                        total += v;
                        kv[4 + 2 * p] = "p" + p;
                        kv[5 + 2 * p] = v;
                    }
                    kv[2] = "total";
                    kv[3] = total;
                    kv[kv.length - 2] = "share";
                    kv[kv.length - 1] = new BigDecimal("12.5");
                    rows.add(row("g" + g, false, kv));
                }
                Object[] kv = new Object[4 + 2 * parts + 2];
                kv[0] = "l";
                kv[1] = "g" + g + " totaal";
                long total = 0;
                for (int p = 0; p < parts; p++) {
                    kv[4 + 2 * p] = "p" + p;
                    kv[5 + 2 * p] = columnSums[p];
                    total += columnSums[p];
                }
                kv[2] = "total";
                kv[3] = total;
                kv[kv.length - 2] = "share";
                kv[kv.length - 1] = new BigDecimal("50.0");
                rows.add(row("g" + g, true, kv));
            }
            MonitorTable raw = table(columns, rows);
            MonitorTable t = Suppression.apply(raw, T);
            tables++;
            for (int[][] eq : Suppression.equations(raw)) {
                int hidden = 0;
                for (int[] cell : eq) {
                    MonitorTable.Cell c = t.rows().get(cell[0]).cell(columns.get(cell[1]).key());
                    if (c.suppressed()) {
                        hidden++;
                        assertThat(c.number()).isNull();
                    }
                }
                assertThat(hidden).as("table %d: an equation with exactly one hidden cell gives it away", round).isNotEqualTo(1);
            }
            for (int r = 0; r < rows.size(); r++) {
                for (Column c : columns) {
                    MonitorTable.Cell raw0 = rows.get(r).cell(c.key());
                    MonitorTable.Cell cell = t.rows().get(r).cell(c.key());
                    if (cell.suppressed()) {
                        hiddenCells++;
                    }
                    if (c.kind() == Column.Kind.COUNT && raw0.number() != null && raw0.number().signum() > 0 && raw0.number().intValue() < T) {
                        assertThat(cell.suppressed()).as("primary").isTrue();
                    }
                }
                assertThat(t.rows().get(r).cell("share").suppressed()).as("derived follows p0")
                        .isEqualTo(t.rows().get(r).cell("p0").suppressed());
            }
        }
        assertThat(tables).isEqualTo(2000);
        assertThat(hiddenCells).as("the random tables did hide cells").isGreaterThan(1000);
    }

    private static int unknowns(MonitorTable t, int row, List<String> keys) {
        return (int) keys.stream().filter(k -> hidden(t, row, k)).count();
    }
}
