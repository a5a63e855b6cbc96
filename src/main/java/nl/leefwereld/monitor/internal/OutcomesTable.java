package nl.leefwereld.monitor.internal;

import static nl.leefwereld.monitor.internal.FactSums.average;
import static nl.leefwereld.monitor.internal.FactSums.keys;
import static nl.leefwereld.monitor.internal.FactSums.percent;
import static nl.leefwereld.monitor.internal.FactSums.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
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
 * OUTCOMES: development between the first and the latest assessment, per life domain (residents measured twice;
 * how many went up, stayed, went down; the average level first and latest) and on the participation ladder (per
 * starting step, with the ladder's total). From the facts {@code outcomes.domain} and {@code outcomes.ladder} (outcome
 * module).
 */
@Component
class OutcomesTable implements MonitorTableDefinition {

    static final String DOMAIN = "outcomes.domain";
    static final String LADDER = "outcomes.ladder";
    static final String LADDER_GROUP = "ladder";

    /** The 13 ZRM life domains in their order (the codes of plan.LifeDomain; OutcomesTableTest keeps them equal). */
    static final Map<String, String> DOMAINS = new LinkedHashMap<>();
    /** The six steps of the participation ladder (outcome.ParticipationStep). */
    static final List<String> STEPS = List.of("Geïsoleerd", "Sociale contacten buiten de deur", "Deelname aan georganiseerde activiteiten",
            "Onbetaald werk", "Betaald werk met ondersteuning", "Betaald werk");

    static {
        DOMAINS.put("FINANCES", "Financiën");
        DOMAINS.put("WORK_EDUCATION", "Werk en opleiding");
        DOMAINS.put("TIME_USE", "Tijdsbesteding");
        DOMAINS.put("HOUSING", "Huisvesting");
        DOMAINS.put("DOMESTIC_RELATIONS", "Huiselijke relaties");
        DOMAINS.put("MENTAL_HEALTH", "Geestelijke gezondheid");
        DOMAINS.put("PHYSICAL_HEALTH", "Lichamelijke gezondheid");
        DOMAINS.put("ADDICTION", "Middelengebruik");
        DOMAINS.put("BASIC_ADL", "Basale ADL");
        DOMAINS.put("INSTRUMENTAL_ADL", "Instrumentele ADL");
        DOMAINS.put("SOCIAL_NETWORK", "Sociaal netwerk");
        DOMAINS.put("SOCIAL_PARTICIPATION", "Maatschappelijke participatie");
        DOMAINS.put("JUSTICE", "Justitie");
    }

    static final List<Column> COLUMNS = List.of(
            Column.text("subject", "Leefgebied of trede"),
            Column.count("measured", "Twee keer gemeten"),
            Column.part("up", "Vooruit", "measured"),
            Column.part("same", "Gelijk", "measured"),
            Column.part("down", "Achteruit", "measured"),
            Column.derived("upShare", "Vooruit (%)", Kind.PERCENT, "up"),
            Column.derived("sameShare", "Gelijk (%)", Kind.PERCENT, "same"),
            Column.derived("downShare", "Achteruit (%)", Kind.PERCENT, "down"),
            Column.derived("firstAverage", "Gemiddeld eerste meting", Kind.NUMBER, "measured"),
            Column.derived("latestAverage", "Gemiddeld laatste meting", Kind.NUMBER, "measured"));

    @Override
    public MonitorTableName name() {
        return MonitorTableName.OUTCOMES;
    }

    @Override
    public String explanation() {
        return "Hoe het inwoners vergaat tussen de eerste en de laatste meting: op de 13 leefgebieden van de Zelfredzaamheid-Matrix "
                + "(niveau 1 acute problemen tot 5 volledig zelfredzaam) en op de participatieladder (trede 1 geïsoleerd tot 6 betaald werk). "
                + "Alleen inwoners die minstens twee keer gemeten zijn, tellen mee. Het jaar is het jaar van de laatste meting.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Row> rows = new ArrayList<>();
        List<Fact> domains = facts.facts(DOMAIN, query);
        List<String> codes = new ArrayList<>(DOMAINS.keySet());
        domains.stream().map(Fact::key1).distinct().filter(c -> !DOMAINS.containsKey(c)).sorted().forEach(codes::add);
        for (String code : codes) {
            long measured = sum(domains, keys(code, "FIRST")).n();
            if (measured == 0) {
                continue;
            }
            rows.add(row(null, false, DOMAINS.getOrDefault(code, code), measured, sum(domains, keys(code, "UP")).n(),
                    sum(domains, keys(code, "SAME")).n(), sum(domains, keys(code, "DOWN")).n(),
                    average(sum(domains, keys(code, "FIRST")).amount(), measured), average(sum(domains, keys(code, "LATEST")).amount(), measured)));
        }
        List<Fact> ladder = facts.facts(LADDER, query);
        long[] total = new long[4];
        BigDecimal totalFirst = BigDecimal.ZERO;
        BigDecimal totalLatest = BigDecimal.ZERO;
        for (int first = 1; first <= STEPS.size(); first++) {
            long measured = 0;
            long up = 0;
            long same = 0;
            long down = 0;
            BigDecimal latestSum = BigDecimal.ZERO;
            for (Fact f : ladder) {
                if (!String.valueOf(first).equals(f.key1())) {
                    continue;
                }
                int latest = Integer.parseInt(f.key2());
                measured += f.n();
                if (latest > first) {
                    up += f.n();
                } else if (latest == first) {
                    same += f.n();
                } else {
                    down += f.n();
                }
                latestSum = latestSum.add(BigDecimal.valueOf((long) latest * f.n()));
            }
            if (measured == 0) {
                continue;
            }
            BigDecimal firstSum = BigDecimal.valueOf((long) first * measured);
            rows.add(row(LADDER_GROUP, false, "Participatieladder, begonnen op trede " + first + " (" + STEPS.get(first - 1).toLowerCase() + ")",
                    measured, up, same, down, average(firstSum, measured), average(latestSum, measured)));
            total[0] += measured;
            total[1] += up;
            total[2] += same;
            total[3] += down;
            totalFirst = totalFirst.add(firstSum);
            totalLatest = totalLatest.add(latestSum);
        }
        if (total[0] > 0) {
            rows.add(row(LADDER_GROUP, true, "Participatieladder, alle treden", total[0], total[1], total[2], total[3],
                    average(totalFirst, total[0]), average(totalLatest, total[0])));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Een inwoner telt per leefgebied één keer. De leefgebieden tellen dus niet op tot een totaal.");
        notes.add("Het niveau is de score van de professional, of de eigen score van de inwoner als de professional geen score gaf.");
        notes.add("Een meting van het huishouden als geheel telt als één inwoner.");
        if (query.law() != null) {
            notes.add("Metingen horen niet bij één wet: met een filter op een wet blijft deze tabel leeg.");
        }
        return new MonitorTable(name(), name().title(), explanation(), query, COLUMNS, rows, notes, facts.refreshedAt(), 0, null);
    }

    private static Row row(String group, boolean total, String subject, long measured, long up, long same, long down, BigDecimal firstAverage,
                           BigDecimal latestAverage) {
        Map<String, Cell> c = new LinkedHashMap<>();
        c.put("subject", Cell.of(subject));
        c.put("measured", Cell.of(measured));
        c.put("up", Cell.of(up));
        c.put("same", Cell.of(same));
        c.put("down", Cell.of(down));
        c.put("upShare", Cell.of(percent(up, measured)));
        c.put("sameShare", Cell.of(percent(same, measured)));
        c.put("downShare", Cell.of(percent(down, measured)));
        c.put("firstAverage", Cell.of(firstAverage));
        c.put("latestAverage", Cell.of(latestAverage));
        return new Row(group, total, c);
    }
}
