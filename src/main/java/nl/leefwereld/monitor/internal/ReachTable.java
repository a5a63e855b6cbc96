package nl.leefwereld.monitor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorSource;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * Reach in the shape of 002 Bijlage 4: unique residents with a granted provision running in the year, per provision,
 * grouped by law with the law's total (a resident with two provisions counts once in the total), and all laws; columns
 * are the three years ending at the chosen year.
 */
@Component
class ReachTable implements MonitorTableDefinition {

    static final String MEASURE = "reach.residents";
    static final int YEARS = 3;

    private final List<MonitorSource> sources;

    ReachTable(List<MonitorSource> sources) {
        this.sources = sources;
    }

    @Override
    public MonitorTableName name() {
        return MonitorTableName.REACH;
    }

    @Override
    public String explanation() {
        return "Hoeveel verschillende inwoners in een jaar een toegekende voorziening hadden, per voorziening en per wet. Wie twee "
                + "voorzieningen had, telt bij de wet één keer mee.";
    }

    static String yearKey(int year) {
        return "y" + year;
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Integer> years = new ArrayList<>();
        for (int y = query.year() - YEARS + 1; y <= query.year(); y++) {
            years.add(y);
        }
        List<Fact> all = facts.factsAllYears(MEASURE, query).stream()
                .filter(f -> f.year() >= years.get(0) && f.year() <= query.year()).toList();
        List<Column> columns = new ArrayList<>(List.of(Column.text("law", "Wet"), Column.text("provision", "Voorziening")));
        years.forEach(y -> columns.add(Column.count(yearKey(y), String.valueOf(y))));
        Set<String> provisionIds = new TreeSet<>();
        all.forEach(f -> {
            if (!f.key1().isEmpty()) {
                provisionIds.add(f.key1());
            }
        });
        Map<String, String> labels = new HashMap<>();
        if (facts instanceof FactStore.Scoped scoped) {
            for (MonitorSource s : sources) {
                if (s.measures().contains(MEASURE)) {
                    labels.putAll(scoped.labels(s, MEASURE, provisionIds));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> laws = query.law() == null ? MonitorQuery.LAWS : List.of(query.law());
        for (String law : laws) {
            List<Fact> ofLaw = all.stream().filter(f -> f.law().equals(law)).toList();
            Set<String> provisions = new TreeSet<>(Comparator.comparing((String id) -> labels.getOrDefault(id, id)).thenComparing(id -> id));
            ofLaw.forEach(f -> {
                if (!f.key1().isEmpty()) {
                    provisions.add(f.key1());
                }
            });
            for (String provision : provisions) {
                rows.add(row(law, MonitorQuery.lawLabel(law), labels.getOrDefault(provision, "Voorziening " + provision), years,
                        ofLaw.stream().filter(f -> f.key1().equals(provision)).toList(), false, "provision:" + provision));
            }
            // not a sum of the rows above (a resident with two provisions counts once), so no group total for suppression:
            // the rows do not add up to it, and no cell can be found by subtraction
            rows.add(row(law, MonitorQuery.lawLabel(law), "Totaal " + MonitorQuery.lawLabel(law), years,
                    ofLaw.stream().filter(f -> f.key1().isEmpty()).toList(), false, null));
        }
        if (query.law() == null) {
            rows.add(row(null, "Alle wetten", "Totaal alle wetten", years,
                    all.stream().filter(f -> f.law().isEmpty() && f.key1().isEmpty()).toList(), false, null));
        }
        return new MonitorTable(name(), name().title(), explanation(), query, columns, rows,
                Tables.notes("Unieke inwoners: wie in een jaar meer voorzieningen had, telt per voorziening mee, maar bij het totaal van de wet "
                        + "en van alle wetten één keer. Daarom is een totaal kleiner dan de som van de regels erboven.",
                        "Een voorziening telt mee in elk jaar waarin zij liep (van begindatum tot einddatum van de beschikking)."),
                facts.refreshedAt(), 0, null);
    }

    private static Row row(String group, String law, String provision, List<Integer> years, List<Fact> facts, boolean total, String key) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("law", Cell.of(law));
        cells.put("provision", Cell.of(provision));
        for (int y : years) {
            cells.put(yearKey(y), Cell.of(Tables.sum(facts, f -> f.year() == y)));
        }
        return new Row(group, total, cells, key);
    }
}
