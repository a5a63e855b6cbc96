package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.ChartSpec;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableName;

/**
 * Suppressed monitor tables built by hand, as {@link nl.leefwereld.monitor.Monitor} hands them out: every kind of column,
 * hidden cells (primary and secondary), a total row, text that a spreadsheet would run as a formula, Dutch characters.
 * The visible numbers are listed, so a test can check that no other number is anywhere in an export.
 */
final class TestTables {

    static final Instant REFRESHED = Instant.parse("2026-11-24T04:30:00Z");
    static final MonitorQuery QUERY = new MonitorQuery(2026, null, null, null);
    static final String FORMULA = "=HYPERLINK(\"http://kwaad.example\";\"klik\")";

    /** The visible numbers of {@link #reach()}, as they are in the cells. */
    static final List<BigDecimal> REACH_NUMBERS = List.of(
            new BigDecimal("123457"), new BigDecimal("61.5"), new BigDecimal("1234567.89"), new BigDecimal("12.5"),
            new BigDecimal("48"), new BigDecimal("23.9"), new BigDecimal("81234.5"), new BigDecimal("30"),
            new BigDecimal("200813"), new BigDecimal("100"), new BigDecimal("2000000"), new BigDecimal("-4.25"));
    /** Hidden cells in {@link #reach()}. */
    static final int REACH_HIDDEN = 8;

    private TestTables() {
    }

    static List<Column> reachColumns() {
        return List.of(Column.text("law", "Wet"), Column.text("provision", "Voorziening"), Column.count("residents", "Inwoners"),
                Column.derived("share", "Aandeel", Column.Kind.PERCENT, "residents"),
                Column.derived("cost", "Kosten", Column.Kind.AMOUNT, "residents"),
                Column.derived("days", "Doorlooptijd in dagen", Column.Kind.DAYS, "residents"),
                Column.derived("change", "Verschil met vorig jaar", Column.Kind.NUMBER, "residents"));
    }

    static MonitorTable reach() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("WMO", false, "Wmo 2015", "Hulp bij het huishouden", Cell.of(123457), num("61.5"), num("1234567.89"), num("12.5"), Cell.EMPTY));
        rows.add(row("WMO", false, "Wmo 2015", FORMULA, Cell.hidden(), Cell.hidden(), Cell.hidden(), Cell.hidden(), Cell.EMPTY));
        rows.add(row("WMO", false, "Wmo 2015", "Begeleiding; groep \"Ëlla\"", Cell.hidden(), Cell.hidden(), Cell.hidden(), Cell.hidden(), Cell.EMPTY));
        rows.add(row("WMO", false, "Wmo 2015", "Cliëntondersteuning", Cell.of(48), num("23.9"), num("81234.5"), num("30"), Cell.EMPTY));
        rows.add(row("WMO", true, "Wmo 2015", "Totaal", Cell.of(200813), num("100"), num("2000000"), Cell.EMPTY, num("-4.25")));
        return new MonitorTable(MonitorTableName.REACH, "Bereik", "Unieke inwoners met een voorziening in het jaar, per wet en voorziening. "
                + "Bron: de beschikkingen in Leefwereld (cliëntondersteuning inbegrepen).", QUERY, reachColumns(), rows,
                List.of("Een inwoner met twee voorzieningen telt bij beide één keer."), REFRESHED, 10,
                new ChartSpec(ChartSpec.Kind.BAR, "Inwoners per voorziening", "Voorziening", "Inwoners", List.of(
                        new ChartSpec.Series("2026", List.of(point("Hulp bij het huishouden", "123457"), point("Cliëntondersteuning", "48"))))));
    }

    private static Cell num(String v) {
        return Cell.of(new BigDecimal(v));
    }

    private static Map.Entry<String, BigDecimal> point(String label, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(label, value == null ? null : new BigDecimal(value));
    }

    private static Row row(String group, boolean total, String law, String provision, Cell residents, Cell share, Cell cost, Cell days, Cell change) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("law", Cell.of(law));
        cells.put("provision", Cell.of(provision));
        cells.put("residents", residents);
        cells.put("share", share);
        cells.put("cost", cost);
        cells.put("days", days);
        cells.put("change", change);
        return new Row(group, total, cells);
    }

    /** A small table for each of the eight names (the report needs all of them), with a line chart on concentration. */
    static MonitorTable simple(MonitorTableName name) {
        if (name == MonitorTableName.REACH) {
            return reach();
        }
        List<Column> columns = List.of(Column.text("what", "Onderwerp"), Column.count("n", "Aantal"),
                Column.derived("per1000", "Per 1.000 huishoudens", Column.Kind.NUMBER, "n"));
        List<Row> rows = List.of(
                new Row("", false, Map.of("what", Cell.of("Jeugdwet en Wmo"), "n", Cell.of(412), "per1000", num("7.5"))),
                new Row("", false, Map.of("what", Cell.of("Alle drie de wetten"), "n", Cell.hidden(), "per1000", Cell.hidden())),
                new Row("", false, Map.of("what", Cell.of("Participatiewet en Wmo"), "n", Cell.hidden(), "per1000", Cell.hidden())),
                new Row("", true, Map.of("what", Cell.of("Totaal"), "n", Cell.of(1530), "per1000", num("27.8"))));
        ChartSpec chart = name == MonitorTableName.CONCENTRATION
                ? new ChartSpec(ChartSpec.Kind.LINE, "Aandeel van de kosten", "Aandeel huishoudens", "Aandeel kosten", List.of(
                        new ChartSpec.Series("Kosten", List.of(point("0 %", "0"), point("1 %", "21"), point("4 %", "55"), point("20 %", "86"),
                                point("100 %", "100")))))
                : name == MonitorTableName.OVERLAP
                ? new ChartSpec(ChartSpec.Kind.BAR, "Samenloop per 1.000 huishoudens", "Combinatie", "Per 1.000", List.of(
                        new ChartSpec.Series("Leefstad", List.of(point("J+W", "7.5"), point("J+P+W", null))),
                        new ChartSpec.Series("Nederland", List.of(point("J+W", "6.1"), point("J+P+W", "1.2")))))
                : null;
        String title = name == MonitorTableName.INDICATORS ? "Indicatoren" : name.title();
        return new MonitorTable(name, title, "Uitleg bij " + name.title().toLowerCase() + ": wat we tellen en waar het vandaan komt.",
                QUERY, columns, rows, List.of(), REFRESHED, 10, chart);
    }

    static List<MonitorTable> all() {
        return CouncilReport.TABLES.stream().map(TestTables::simple).toList();
    }
}
