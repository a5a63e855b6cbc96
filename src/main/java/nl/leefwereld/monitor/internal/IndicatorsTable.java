package nl.leefwereld.monitor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Column.Kind;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * INDICATORS: the municipality's policy indicators with baseline, target and the latest measured value up to the
 * query's year, whether they are on track, and the source of each figure. Not counts of people (no COUNT column, so
 * nothing to suppress); the whole municipality, whatever the district, team or law filter.
 */
@Component
class IndicatorsTable implements MonitorTableDefinition {

    static final List<Column> COLUMNS = List.of(
            Column.text("indicator", "Indicator"),
            Column.text("unit", "Eenheid"),
            new Column("baseline", "Nulmeting", Kind.NUMBER, null, null),
            Column.text("baselineYear", "Jaar nulmeting"),
            new Column("target", "Doel", Kind.NUMBER, null, null),
            Column.text("targetYear", "Doeljaar"),
            new Column("measured", "Gemeten", Kind.NUMBER, null, null),
            Column.text("measuredYear", "Jaar meting"),
            Column.text("onTrack", "Op koers"),
            Column.text("source", "Bron"));

    private final Indicators indicators;

    IndicatorsTable(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public MonitorTableName name() {
        return MonitorTableName.INDICATORS;
    }

    @Override
    public String explanation() {
        return "De doelen van de gemeente: per indicator de nulmeting, het doel en de laatste meting tot en met het gekozen jaar, "
                + "en of de indicator op koers ligt. Bij elke meting staat de bron.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Row> rows = new ArrayList<>();
        for (Indicators.Indicator i : indicators.all(facts.municipalityCode())) {
            Optional<Indicators.Measurement> latest = i.latestUpTo(query.year());
            Map<String, Cell> c = new LinkedHashMap<>();
            c.put("indicator", Cell.of(i.name()));
            c.put("unit", Cell.of(i.unit().label()));
            c.put("baseline", Cell.of(i.baseline()));
            c.put("baselineYear", Cell.of(String.valueOf(i.baselineYear())));
            c.put("target", Cell.of(i.target()));
            c.put("targetYear", Cell.of(String.valueOf(i.targetYear())));
            if (latest.isPresent()) {
                c.put("measured", Cell.of(latest.get().value()));
                c.put("measuredYear", Cell.of(String.valueOf(latest.get().year())));
                c.put("onTrack", Cell.of(i.onTrack(latest.get()) ? "Ja" : "Nee"));
                c.put("source", Cell.of("Nulmeting: " + i.baselineSource() + ". Meting: " + latest.get().source() + "."));
            } else {
                c.put("onTrack", Cell.of("Nog niet gemeten"));
                c.put("source", Cell.of("Nulmeting: " + i.baselineSource() + "."));
            }
            rows.add(new Row(null, false, c));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Op koers: het doel is gehaald, of de laatste meting is minstens zo ver van de nulmeting richting het doel als de tijd "
                + "die sinds de nulmeting verstreken is (in jaren, tot het doeljaar). Na het doeljaar telt alleen of het doel gehaald is.");
        notes.add("Indicatoren gelden voor de hele gemeente; de filters op wijk, team en wet gelden hier niet.");
        if (rows.isEmpty()) {
            notes.add("Er zijn nog geen indicatoren vastgelegd.");
        }
        return new MonitorTable(name(), name().title(), explanation(), query, COLUMNS, rows, notes, facts.refreshedAt(), 0, null);
    }
}
