package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.ChartSpec;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * Concentration of costs: which share of the spending goes to the 1, 4, 10, 20 and 50 % of all households with the
 * highest spending in the year (a Lorenz-type curve, from the top). The facts are households per spending bucket
 * (two significant digits) with the bucket's exact total; within a bucket the households are taken as spending the
 * bucket's average, so a point that falls inside a bucket is interpolated, and every bucket boundary is exact.
 */
@Component
class ConcentrationTable implements MonitorTableDefinition {

    static final String MEASURE = "concentration.households";
    static final int[] TOP = {1, 4, 10, 20, 50};

    @Override
    public MonitorTableName name() {
        return MonitorTableName.CONCENTRATION;
    }

    @Override
    public String explanation() {
        return "Welk deel van het geld voor voorzieningen naar de huishoudens met de hoogste kosten gaat. Bijvoorbeeld: hoeveel procent "
                + "van het budget gaat naar de 4 % huishoudens die het meest kosten?";
    }

    static String label(int percent) {
        return "Duurste " + percent + " %";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Fact> buckets = facts.factsOfLaw(MEASURE, query);
        long households = Tables.households(facts, query);
        // bucket (euros) → {households, spending}, most expensive first
        TreeMap<Long, long[]> counts = new TreeMap<>(java.util.Comparator.reverseOrder());
        TreeMap<Long, BigDecimal> amounts = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Fact f : buckets) {
            long key;
            try {
                key = Long.parseLong(f.key1());
            } catch (NumberFormatException e) {
                continue;
            }
            counts.computeIfAbsent(key, k -> new long[1])[0] += f.n();
            amounts.merge(key, f.amount() == null ? BigDecimal.ZERO : f.amount(), BigDecimal::add);
        }
        long receiving = counts.values().stream().mapToLong(c -> c[0]).sum();
        BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Column> columns = List.of(Column.text("group", "Huishoudens met de hoogste kosten"),
                Column.count("households", "Huishoudens"),
                Column.derived("share", "Aandeel in de kosten", Column.Kind.PERCENT, "households"),
                Column.derived("spending", "Kosten", Column.Kind.AMOUNT, "households"),
                new Column("sentence", "In woorden", Column.Kind.TEXT, "households", null));
        List<Row> rows = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> points = new ArrayList<>();
        points.add(new AbstractMap.SimpleEntry<>("0 %", BigDecimal.ZERO));
        for (int top : TOP) {
            BigDecimal k = BigDecimal.valueOf(households).multiply(BigDecimal.valueOf(top)).divide(BigDecimal.valueOf(100));
            BigDecimal spending = topSpending(k, counts, amounts).setScale(2, RoundingMode.HALF_UP);
            BigDecimal share = Tables.percent(spending, total);
            // the households the point covers, a started one counted whole (so a fraction of one household is never "0")
            long covered = k.setScale(0, RoundingMode.CEILING).longValueExact();
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("group", Cell.of(label(top)));
            cells.put("households", Cell.of(covered));
            cells.put("share", Cell.of(share));
            cells.put("spending", Cell.of(spending));
            cells.put("sentence", share == null ? Cell.EMPTY
                    : Cell.of(Formats.percent(share) + " van het budget gaat naar " + top + " % van de huishoudens."));
            rows.add(new Row(null, false, cells));
            if (share != null) {
                points.add(new AbstractMap.SimpleEntry<>(label(top), share));
            }
        }
        Map<String, Cell> all = new LinkedHashMap<>();
        all.put("group", Cell.of("Alle huishoudens met kosten"));
        all.put("households", Cell.of(receiving));
        all.put("share", Cell.of(total.signum() == 0 ? null : new BigDecimal("100.0")));
        all.put("spending", Cell.of(total.setScale(2, RoundingMode.HALF_UP)));
        all.put("sentence", Cell.of(households == 0 ? "" : Formats.percent(Tables.percent(receiving, households))
                + " van de huishoudens had kosten."));
        rows.add(new Row(null, false, all));
        ChartSpec chart = new ChartSpec(ChartSpec.Kind.LINE, "Aandeel in de kosten van de duurste huishoudens",
                "Duurste deel van de huishoudens", "Aandeel in de kosten (%)", List.of(new ChartSpec.Series("Aandeel in de kosten", points)));
        return new MonitorTable(name(), name().title(), explanation(), query, columns, rows,
                Tables.notes("Kosten van een beschikking in een jaar: tarief × omvang × aantal keer in het deel van de looptijd dat in het jaar "
                                + "valt (per dag, per week = dagen / 7, per maand = dagen × 12 / 365, totaal = naar rato van de dagen); bij een pgb het "
                                + "pgb-bedrag naar rato van de dagen.",
                        "Het aandeel huishoudens is van alle huishoudens in de gekozen wijk of het gekozen team, ook die zonder kosten.",
                        Tables.HOUSEHOLDS_NOTE),
                facts.refreshedAt(), 0, chart);
    }

    /** The spending of the k most expensive households (k may be a fraction): whole buckets, then a share of the next. */
    static BigDecimal topSpending(BigDecimal k, TreeMap<Long, long[]> counts, TreeMap<Long, BigDecimal> amounts) {
        BigDecimal left = k;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal n = BigDecimal.valueOf(e.getValue()[0]);
            BigDecimal amount = amounts.get(e.getKey());
            if (left.compareTo(n) >= 0) {
                sum = sum.add(amount);
                left = left.subtract(n);
            } else {
                sum = sum.add(amount.multiply(left).divide(n, MathContext.DECIMAL64));
                left = BigDecimal.ZERO;
            }
        }
        return sum;
    }
}
