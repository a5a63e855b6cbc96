package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * Overlap of laws (samenloop): households per combination of laws with a provision running in the year, per 1,000
 * households, beside the national and Zoetermeer figures of 001 Bijlage 1 (2nd half of 2017).
 */
@Component
class OverlapTable implements MonitorTableDefinition {

    static final String MEASURE = "overlap.households";

    /** Combination → label, national per 1,000, Zoetermeer per 1,000 (001 Bijlage 1, ../shared/DOMAIN.md §6). */
    record Combination(String code, String label, int national, int zoetermeer) {
    }

    static final List<Combination> COMBINATIONS = List.of(
            new Combination("J", "Alleen Jeugdwet", 28, 41),
            new Combination("P", "Alleen Participatiewet", 51, 51),
            new Combination("W", "Alleen Wmo", 87, 75),
            new Combination("JP", "Jeugdwet en Participatiewet", 4, 6),
            new Combination("JW", "Jeugdwet en Wmo", 2, 3),
            new Combination("PW", "Participatiewet en Wmo", 13, 17),
            new Combination("JPW", "Alle drie de wetten", 1, 3));

    @Override
    public MonitorTableName name() {
        return MonitorTableName.OVERLAP;
    }

    @Override
    public String explanation() {
        return "Hoeveel huishoudens in het jaar een voorziening hadden uit één wet of uit meer wetten tegelijk (Wmo, Jeugdwet, "
                + "Participatiewet), per 1.000 huishoudens. Naast de cijfers van Nederland en Zoetermeer uit 2017.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        MonitorQuery q = Tables.withoutLaw(query);
        Map<String, Long> perCombination = Tables.perKey(facts.factsOfLaw(MEASURE, q));
        long total = Tables.households(facts, q);
        List<Column> columns = List.of(Column.text("combination", "Combinatie van wetten"),
                Column.count("households", "Huishoudens"),
                Column.derived("per1000", "Per 1.000 huishoudens", Column.Kind.NUMBER, "households"),
                new Column("national", "Nederland per 1.000 (2017)", Column.Kind.NUMBER, null, null),
                new Column("zoetermeer", "Zoetermeer per 1.000 (2017)", Column.Kind.NUMBER, null, null));
        List<Row> rows = new ArrayList<>();
        long withAny = 0;
        int nationalSum = 0;
        int zoetermeerSum = 0;
        for (Combination c : COMBINATIONS) {
            long n = perCombination.getOrDefault(c.code(), 0L);
            withAny += n;
            nationalSum += c.national();
            zoetermeerSum += c.zoetermeer();
            rows.add(row(c.label(), n, total, c.national(), c.zoetermeer(), false));
        }
        rows.add(row("Geen van deze wetten", Math.max(0, total - withAny), total, 1000 - nationalSum, 1000 - zoetermeerSum, false));
        rows.add(row("Alle huishoudens", total, total, 1000, 1000, true));
        List<String> notes = Tables.notes("Nederland en Zoetermeer: 001 Bijlage 1, samenloop van Jeugdwet, Participatiewet en Wmo per 1.000 "
                + "huishoudens, tweede helft 2017.", Tables.HOUSEHOLDS_NOTE);
        if (query.law() != null) {
            notes.add("Het filter op wet geldt niet voor deze tabel: die gaat juist over de combinaties van wetten.");
        }
        return new MonitorTable(name(), name().title(), explanation(), query, columns, rows, notes, facts.refreshedAt(), 0, null);
    }

    private static Row row(String label, long n, long total, int national, int zoetermeer, boolean isTotal) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("combination", Cell.of(label));
        cells.put("households", Cell.of(n));
        cells.put("per1000", total == 0 ? Cell.EMPTY
                : Cell.of(BigDecimal.valueOf(n * 1000).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)));
        cells.put("national", Cell.of(national));
        cells.put("zoetermeer", Cell.of(zoetermeer));
        return new Row("samenloop", isTotal, cells);
    }
}
