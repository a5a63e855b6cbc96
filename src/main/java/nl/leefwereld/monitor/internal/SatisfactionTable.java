package nl.leefwereld.monitor.internal;

import static nl.leefwereld.monitor.internal.FactSums.average;
import static nl.leefwereld.monitor.internal.FactSums.key1;
import static nl.leefwereld.monitor.internal.FactSums.keys;
import static nl.leefwereld.monitor.internal.FactSums.percent;
import static nl.leefwereld.monitor.internal.FactSums.sum;

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
 * SATISFACTION: the participants' survey after a planning meeting (response, and per question the answers, the average
 * and the distribution over the five answers), from the facts {@code satisfaction.meeting} and
 * {@code satisfaction.meeting.responses} (meeting module). The Wmo client-experience survey is not in Leefwereld yet;
 * the table says so.
 */
@Component
class SatisfactionTable implements MonitorTableDefinition {

    static final String ANSWERS = "satisfaction.meeting";
    static final String RESPONSES = "satisfaction.meeting.responses";
    static final String WMO_NOTE = "Cliëntervaring Wmo (artikel 2.5.1 Wmo 2015): de uitkomsten van het jaarlijkse cliëntervaringsonderzoek "
            + "staan nog niet in Leefwereld. Deze tabel toont daarom alleen de enquête na de planbijeenkomst.";

    /** The survey's questions in their order (the keys of meeting's SurveyService.QUESTIONS; SatisfactionTableTest keeps them equal). */
    static final Map<String, String> QUESTIONS = new LinkedHashMap<>();
    /** The five answers, 1..5. */
    static final List<String> SCALE = List.of("Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens");

    static {
        QUESTIONS.put("preparedWell", "Ik was goed voorbereid op de planbijeenkomst.");
        QUESTIONS.put("heard", "Ik voelde me gehoord.");
        QUESTIONS.put("decidedTogether", "We hebben samen besloten.");
        QUESTIONS.put("clearAgreements", "De afspraken zijn duidelijk.");
        QUESTIONS.put("confidence", "Ik heb vertrouwen in het plan.");
    }

    static final List<Column> COLUMNS = columns();

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("question", "Vraag"));
        c.add(Column.count("invitations", "Uitnodigingen"));
        c.add(Column.count("answers", "Antwoorden"));
        c.add(Column.derived("responseRate", "Respons (%)", Kind.PERCENT, "answers"));
        c.add(Column.derived("average", "Gemiddelde (1 tot 5)", Kind.NUMBER, "answers"));
        for (int s = 1; s <= SCALE.size(); s++) {
            c.add(Column.part("score" + s, s + " " + SCALE.get(s - 1).toLowerCase(), "answers"));
        }
        return List.copyOf(c);
    }

    @Override
    public MonitorTableName name() {
        return MonitorTableName.SATISFACTION;
    }

    @Override
    public String explanation() {
        return "Hoe tevreden deelnemers zijn over de planbijeenkomst: na elke bijeenkomst krijgt iedere deelnemer een enquête met vijf "
                + "stellingen (1 helemaal mee oneens tot 5 helemaal mee eens). Het jaar is het jaar van de bijeenkomst.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Row> rows = new ArrayList<>();
        List<Fact> responses = facts.facts(RESPONSES, query);
        long invitations = sum(responses, key1("INVITATIONS")).n();
        long answered = sum(responses, key1("RESPONSES")).n();
        if (invitations > 0 || answered > 0) {
            Map<String, Cell> c = new LinkedHashMap<>();
            c.put("question", Cell.of("Ingevulde enquêtes"));
            c.put("invitations", Cell.of(invitations));
            c.put("answers", Cell.of(answered));
            c.put("responseRate", Cell.of(percent(answered, invitations)));
            rows.add(new Row(null, false, c));
        }
        List<Fact> answers = facts.facts(ANSWERS, query);
        List<String> keys = new ArrayList<>(QUESTIONS.keySet());
        answers.stream().map(Fact::key1).distinct().filter(k -> !QUESTIONS.containsKey(k)).sorted().forEach(keys::add);
        for (String key : keys) {
            FactSums.Sum all = sum(answers, key1(key));
            if (all.n() == 0) {
                continue;
            }
            Map<String, Cell> c = new LinkedHashMap<>();
            c.put("question", Cell.of(QUESTIONS.getOrDefault(key, key)));
            c.put("answers", Cell.of(all.n()));
            c.put("average", Cell.of(average(all.amount(), all.n())));
            for (int s = 1; s <= SCALE.size(); s++) {
                c.put("score" + s, Cell.of(sum(answers, keys(key, String.valueOf(s))).n()));
            }
            rows.add(new Row(null, false, c));
        }
        List<String> notes = new ArrayList<>();
        notes.add(WMO_NOTE);
        notes.add("De antwoorden zijn anoniem: ze zijn bewaard zonder de deelnemer. Open antwoorden staan niet in de monitor.");
        if (query.law() != null) {
            notes.add("De planbijeenkomst hoort niet bij één wet: met een filter op een wet blijft deze tabel leeg.");
        }
        return new MonitorTable(name(), name().title(), explanation(), query, COLUMNS, rows, notes, facts.refreshedAt(), 0, null);
    }
}
