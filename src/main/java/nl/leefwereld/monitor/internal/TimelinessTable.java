package nl.leefwereld.monitor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * Timeliness per law and team: requests decided in the year, how many within the legal decision term, lead times
 * melding → decision (min / median / max, exact from a histogram of days), the waiting list at the refresh date, and
 * per team the lead time notification → first contact (not bound to a law).
 */
@Component
class TimelinessTable implements MonitorTableDefinition {

    static final String DECIDED = "timeliness.decided";
    static final String DECISION_DAYS = "timeliness.days.decision";
    static final String FIRST_CONTACT_DAYS = "timeliness.days.first_contact";
    static final String WAITING = "timeliness.waiting";

    private final Directory directory;

    TimelinessTable(Directory directory) {
        this.directory = directory;
    }

    @Override
    public MonitorTableName name() {
        return MonitorTableName.TIMELINESS;
    }

    @Override
    public String explanation() {
        return "Of beslissingen binnen de wettelijke termijn vielen, hoe lang het duurde van melding tot besluit en van melding tot eerste "
                + "contact, en hoeveel verzoeken nu wachten. Per wet en per team.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Fact> decided = facts.facts(DECIDED, query);
        List<Fact> days = facts.facts(DECISION_DAYS, query);
        List<Fact> waitingAll = facts.factsAllYears(WAITING, query);
        int waitingYear = waitingAll.stream().mapToInt(Fact::year).max().orElse(query.year());
        List<Fact> waiting = waitingAll.stream().filter(f -> f.year() == waitingYear).toList();
        List<Fact> contact = facts.factsOfLaw(FIRST_CONTACT_DAYS, Tables.withoutLaw(query));
        String municipality = facts instanceof FactStore.Scoped s ? s.municipality() : null;

        List<Column> columns = List.of(Column.text("law", "Wet"), Column.text("team", "Team"),
                Column.count("decided", "Besloten"),
                Column.part("withinTerm", "Binnen de termijn", "decided"),
                Column.part("late", "Te laat", "decided"),
                Column.derived("share", "Binnen de termijn (%)", Column.Kind.PERCENT, "withinTerm"),
                Column.derived("decisionMin", "Melding tot besluit: kortst (dagen)", Column.Kind.DAYS, "decided"),
                Column.derived("decisionMedian", "Melding tot besluit: mediaan (dagen)", Column.Kind.DAYS, "decided"),
                Column.derived("decisionMax", "Melding tot besluit: langst (dagen)", Column.Kind.DAYS, "decided"),
                Column.count("waitingNotStarted", "Wachtlijst: toegekend, nog niet gestart"),
                Column.count("waitingPastTerm", "Wachtlijst: open, termijn voorbij"),
                Column.count("contacts", "Meldingen opgepakt"),
                Column.derived("contactMin", "Melding tot eerste contact: kortst (dagen)", Column.Kind.DAYS, "contacts"),
                Column.derived("contactMedian", "Melding tot eerste contact: mediaan (dagen)", Column.Kind.DAYS, "contacts"),
                Column.derived("contactMax", "Melding tot eerste contact: langst (dagen)", Column.Kind.DAYS, "contacts"));
        List<Row> rows = new ArrayList<>();
        List<String> laws = query.law() == null ? MonitorQuery.LAWS : List.of(query.law());
        // one look-up per team, not one per comparison while sorting (a million households: 100 teams, 660 → ~20 ms)
        Map<UUID, String> names = new HashMap<>();
        java.util.function.Function<UUID, String> name = team -> names.computeIfAbsent(team, t -> facts instanceof FactStore.Scoped s
                ? s.memo("team-name:" + t, () -> teamName(municipality, t)) : teamName(municipality, t));
        for (String law : laws) {
            Map<UUID, List<Fact>> d = byTeam(decided, law);
            Map<UUID, List<Fact>> dd = byTeam(days, law);
            Map<UUID, List<Fact>> w = byTeam(waiting, law);
            Set<UUID> teams = new HashSet<>(d.keySet());
            teams.addAll(dd.keySet());
            teams.addAll(w.keySet());
            for (UUID team : sorted(teams, name)) {
                rows.add(lawRow(law, name.apply(team), d.getOrDefault(team, List.of()), dd.getOrDefault(team, List.of()),
                        w.getOrDefault(team, List.of()), false, "team:" + team));
            }
            rows.add(lawRow(law, "Alle teams", all(d), all(dd), all(w), true, null));
        }
        if (query.law() == null) {
            Map<UUID, List<Fact>> c = byTeam(contact, null);
            for (UUID team : sorted(c.keySet(), name)) {
                rows.add(contactRow(name.apply(team), c.get(team), false, "team:" + team));
            }
            rows.add(contactRow("Alle teams", contact, true, null));
        }
        return new MonitorTable(name(), name().title(), explanation(), query, columns, rows,
                Tables.notes("Binnen de termijn: besloten op of voor de laatste dag van de beslistermijn (vanaf de aanvraag), met opschorting "
                                + "en verlenging en de Algemene termijnenwet (weekend en feestdagen), zoals bij het verzoek zelf.",
                        "Wachtlijst: op de datum van het laatste vernieuwen (" + waitingYear + "), los van het gekozen jaar.",
                        "Melding tot eerste contact: van de dag dat de melding binnenkwam tot de dag dat een teamlid haar oppakte. Een melding "
                                + "hoort niet bij één wet; daarom staat dit alleen bij alle wetten."),
                facts.refreshedAt(), 0, null);
    }

    /** The facts of one law (null: every fact) per team (null = no team), in one pass. */
    private static Map<UUID, List<Fact>> byTeam(List<Fact> facts, String law) {
        Map<UUID, List<Fact>> out = new HashMap<>();
        for (Fact f : facts) {
            if (law == null || f.law().equals(law)) {
                out.computeIfAbsent(f.team(), t -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    private static List<Fact> all(Map<UUID, List<Fact>> byTeam) {
        List<Fact> out = new ArrayList<>();
        byTeam.values().forEach(out::addAll);
        return out;
    }

    private static List<UUID> sorted(Set<UUID> teams, java.util.function.Function<UUID, String> name) {
        List<UUID> out = new ArrayList<>(teams);
        out.sort(Comparator.comparing(name).thenComparing(t -> String.valueOf(t)));
        return out;
    }

    private String teamName(String municipality, UUID team) {
        if (team == null) {
            return "Geen team";
        }
        if (municipality == null) {
            return "Team";
        }
        return directory.team(municipality, team).map(TeamRef::name).orElse("Onbekend team");
    }

    private static Row lawRow(String law, String team, List<Fact> d, List<Fact> days, List<Fact> w, boolean total, String key) {
        long all = Tables.sum(d);
        long within = Tables.sum(d, f -> f.key1().equals("within"));
        long late = Tables.sum(d, f -> f.key1().equals("late"));
        Tables.Spread spread = Tables.spread(days);
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("law", Cell.of(MonitorQuery.lawLabel(law)));
        cells.put("team", Cell.of(team));
        cells.put("decided", Cell.of(all));
        cells.put("withinTerm", Cell.of(within));
        cells.put("late", Cell.of(late));
        cells.put("share", Cell.of(Tables.percent(within, all)));
        cells.put("decisionMin", Cell.of(spread.min()));
        cells.put("decisionMedian", Cell.of(spread.median()));
        cells.put("decisionMax", Cell.of(spread.max()));
        cells.put("waitingNotStarted", Cell.of(Tables.sum(w, f -> f.key1().equals("not_started"))));
        cells.put("waitingPastTerm", Cell.of(Tables.sum(w, f -> f.key1().equals("past_term"))));
        return new Row(law, total, cells, key);
    }

    private static Row contactRow(String team, List<Fact> histogram, boolean total, String key) {
        Tables.Spread spread = Tables.spread(histogram);
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("law", Cell.of("Melding (alle wetten)"));
        cells.put("team", Cell.of(team));
        cells.put("contacts", Cell.of(spread.count()));
        cells.put("contactMin", Cell.of(spread.min()));
        cells.put("contactMedian", Cell.of(spread.median()));
        cells.put("contactMax", Cell.of(spread.max()));
        return new Row("melding", total, cells, key);
    }
}
