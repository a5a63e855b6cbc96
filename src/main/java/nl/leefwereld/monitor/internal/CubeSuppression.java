package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;

/**
 * Suppression across the queries of one table, year and law (pure): the table for all districts, for each district and
 * for each team are suppressed together, so that no query can be subtracted from another.
 *
 * <p>Counts add up over districts and teams (the {@code MonitorSource} contract), so every cell of a table satisfies
 * <em>all districts = the sum of the districts</em>, <em>a team = the sum of the districts it serves</em> and <em>all =
 * the sum of the teams and of the districts no team serves</em>, with a row missing from a table counting as 0. (For
 * measures counted by the team of a request or case rather than of the household's district the team equations are
 * approximations; see docs/SECURITY.md.) {@link Suppression} makes each table safe on its own; here, repeated until
 * nothing changes, every such equation that has exactly one hidden cell gets a second one — the smallest other part
 * still shown (a non-zero one first), else the total — and the table that got it is suppressed again (its own
 * equations may then need more). A cell is identified by its row (group and text cells) and column.
 */
final class CubeSuppression {

    private CubeSuppression() {
    }

    /** The suppressed tables of every scope; the keys as given. */
    record Cube(MonitorTable all, Map<String, MonitorTable> districts, Map<java.util.UUID, MonitorTable> teams) {
    }

    static Cube apply(MonitorTable all, Map<String, MonitorTable> districts, Map<java.util.UUID, MonitorTable> teams,
                      Map<java.util.UUID, Set<String>> served, int threshold) {
        // scope 0 = all districts; then the districts; then the teams
        List<MonitorTable> raw = new ArrayList<>();
        raw.add(all);
        Map<String, Integer> districtScope = new LinkedHashMap<>();
        districts.forEach((code, t) -> {
            districtScope.put(code, raw.size());
            raw.add(t);
        });
        Map<java.util.UUID, Integer> teamScope = new LinkedHashMap<>();
        teams.forEach((id, t) -> {
            teamScope.put(id, raw.size());
            raw.add(t);
        });
        // equations between scopes: {total scope, part scopes...}
        List<int[]> equations = new ArrayList<>();
        int[] allOverDistricts = new int[districtScope.size() + 1];
        int i = 0;
        allOverDistricts[i++] = 0;
        for (int s : districtScope.values()) {
            allOverDistricts[i++] = s;
        }
        equations.add(allOverDistricts);
        // all = Σ teams + the districts no team serves (each district has at most one team)
        Set<String> servedDistricts = new HashSet<>();
        served.values().forEach(servedDistricts::addAll);
        List<Integer> allOverTeams = new ArrayList<>(List.of(0));
        allOverTeams.addAll(teamScope.values());
        districtScope.forEach((code, s) -> {
            if (!servedDistricts.contains(code)) {
                allOverTeams.add(s);
            }
        });
        if (!teamScope.isEmpty()) {
            equations.add(allOverTeams.stream().mapToInt(Integer::intValue).toArray());
        }
        teamScope.forEach((id, s) -> {
            List<Integer> parts = new ArrayList<>();
            parts.add(s);
            for (String d : served.getOrDefault(id, Set.of())) {
                Integer ds = districtScope.get(d);
                if (ds != null) {
                    parts.add(ds);
                }
            }
            equations.add(parts.stream().mapToInt(Integer::intValue).toArray());
        });

        List<String> counts = all.columns().stream().filter(c -> c.kind() == Column.Kind.COUNT).map(Column::key).toList();
        List<Map<String, Row>> rawRows = new ArrayList<>();
        for (MonitorTable t : raw) {
            rawRows.add(byId(t));
        }
        List<Set<String>> forced = new ArrayList<>();
        List<MonitorTable> out = new ArrayList<>();
        List<Map<String, Row>> outRows = new ArrayList<>();
        for (MonitorTable t : raw) {
            forced.add(new HashSet<>());
            MonitorTable s = Suppression.apply(t, threshold);
            out.add(s);
            outRows.add(byId(s));
        }
        Set<String> rowIds = new java.util.LinkedHashSet<>();
        rawRows.forEach(m -> rowIds.addAll(m.keySet()));

        boolean changed = true;
        while (changed) {
            changed = false;
            Set<Integer> touched = new HashSet<>();
            for (int[] eq : equations) {
                if (eq.length < 2) {
                    continue;
                }
                for (String rowId : rowIds) {
                    for (String col : counts) {
                        int hidden = 0;
                        for (int scope : eq) {
                            if (isHidden(outRows.get(scope), rowId, col)) {
                                hidden++;
                            }
                        }
                        if (hidden != 1) {
                            continue;
                        }
                        int pick = -1;
                        BigDecimal best = null;
                        for (int p = 1; p < eq.length; p++) {
                            int scope = eq[p];
                            if (isHidden(outRows.get(scope), rowId, col)) {
                                continue;
                            }
                            BigDecimal v = value(rawRows.get(scope), rowId, col);
                            if (v == null) {
                                continue;   // no such row in that scope: a zero that cannot be hidden and protects nothing
                            }
                            if (best == null || Suppression.better(v, best)) {
                                best = v;
                                pick = scope;
                            }
                        }
                        if (pick < 0 && !isHidden(outRows.get(eq[0]), rowId, col) && value(rawRows.get(eq[0]), rowId, col) != null) {
                            pick = eq[0];
                        }
                        if (pick >= 0 && forced.get(pick).add(rowId + '\u0000' + col)) {
                            touched.add(pick);
                            changed = true;
                        }
                    }
                }
                // re-suppress what this equation touched before the next one looks at it
                for (int scope : touched) {
                    MonitorTable s = Suppression.apply(mark(raw.get(scope), forced.get(scope)), threshold);
                    out.set(scope, s);
                    outRows.set(scope, byId(s));
                }
                touched.clear();
            }
        }
        Map<String, MonitorTable> d = new LinkedHashMap<>();
        districtScope.forEach((code, s) -> d.put(code, out.get(s)));
        Map<java.util.UUID, MonitorTable> t = new LinkedHashMap<>();
        teamScope.forEach((id, s) -> t.put(id, out.get(s)));
        return new Cube(out.get(0), d, t);
    }

    /** A row's identity across scopes: its group and its text cells. */
    static String rowId(MonitorTable table, Row row) {
        StringBuilder id = new StringBuilder(String.valueOf(row.group())).append(row.total() ? "|T" : "|P");
        for (Column c : table.columns()) {
            if (c.kind() == Column.Kind.TEXT && c.basedOn() == null) {
                id.append('|').append(row.cell(c.key()).text());
            }
        }
        return id.toString();
    }

    private static Map<String, Row> byId(MonitorTable t) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : t.rows()) {
            m.putIfAbsent(rowId(t, r), r);
        }
        return m;
    }

    private static boolean isHidden(Map<String, Row> rows, String rowId, String col) {
        Row r = rows.get(rowId);
        return r != null && r.cell(col).suppressed();
    }

    private static BigDecimal value(Map<String, Row> rows, String rowId, String col) {
        Row r = rows.get(rowId);
        return r == null ? null : r.cell(col).number();
    }

    /** The raw table with these cells marked hidden (their numbers kept, for choosing what else to hide). */
    private static MonitorTable mark(MonitorTable raw, Set<String> cells) {
        List<Row> rows = new ArrayList<>();
        for (Row r : raw.rows()) {
            String id = rowId(raw, r);
            Map<String, Cell> cs = new LinkedHashMap<>(r.cells());
            boolean any = false;
            for (Column c : raw.columns()) {
                if (cells.contains(id + '\u0000' + c.key())) {
                    Cell old = r.cell(c.key());
                    cs.put(c.key(), new Cell(old.text(), old.number(), true));
                    any = true;
                }
            }
            rows.add(any ? new Row(r.group(), r.total(), cs) : r);
        }
        return new MonitorTable(raw.name(), raw.title(), raw.explanation(), raw.query(), raw.columns(), rows, raw.notes(), raw.refreshedAt(),
                raw.threshold(), raw.chart());
    }
}
