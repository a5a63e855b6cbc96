package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.monitor.internal.CubeSuppression.Scope;
import org.junit.jupiter.api.Test;

/**
 * The subtraction attack across queries: all districts minus the other districts, a team minus its other district, a
 * district minus its district-and-team tables, a one-law table against the all-laws table. Each table is safe on its own
 * ({@link Suppression}); only suppressing them together stops the attack. The checks here are written from the
 * attacker's side: they rebuild every equation from the raw figures, not from the cube's own list.
 */
class CubeSuppressionTest {

    static final int T = 10;
    static final UUID TEAM_X = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TEAM_Y = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final List<Column> COLUMNS = List.of(Column.text("provision", "Voorziening"), Column.count("clients", "Cliënten"),
            Column.derived("share", "Aandeel", Column.Kind.PERCENT, "clients"));

    /** A table with one row per value ("Voorziening i"), rows of 0 left out when {@code dropZeros}, and optionally a group total. */
    static MonitorTable table(Scope scope, boolean dropZeros, boolean groupTotal, long... clients) {
        List<Row> rows = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < clients.length; i++) {
            sum += clients[i];
            if (dropZeros && clients[i] == 0) {
                continue;
            }
            rows.add(row("Voorziening " + i, clients[i], false, groupTotal ? "g" : null));
        }
        if (groupTotal && (sum > 0 || !dropZeros)) {
            rows.add(row("Alle voorzieningen", sum, true, "g"));
        }
        return new MonitorTable(MonitorTableName.REACH, "t", "e", scope.query(2026), COLUMNS, rows, List.of(), null, 0, null);
    }

    private static Row row(String label, long n, boolean total, String group) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("provision", Cell.of(label));
        cells.put("clients", Cell.of(n));
        cells.put("share", Cell.of(BigDecimal.valueOf(n)));
        return new Row(group, total, cells);
    }

    static MonitorTable table(Scope scope, long... clients) {
        return table(scope, false, false, clients);
    }

    static Scope district(String d) {
        return new Scope(null, d, null);
    }

    static Scope team(UUID t) {
        return new Scope(null, null, t);
    }

    static BigDecimal n(MonitorTable t, int row) {
        return t.rows().get(row).cell("clients").number();
    }

    static Map<Scope, MonitorTable> published(CubeSuppression.Cube cube, Map<Scope, MonitorTable> raw) {
        Map<Scope, MonitorTable> out = new LinkedHashMap<>();
        raw.forEach((scope, t) -> out.put(scope, cube.suppress(scope, t).orElseThrow()));
        return out;
    }

    @Test
    void allDistrictsMinusTheOthersRevealsASmallDistrictWithoutTheCubeAndNotWithIt() {
        Map<Scope, MonitorTable> raw = threeDistrictsTwoTeams();

        // each query on its own: a is hidden, and the attack works
        BigDecimal recovered = n(Suppression.apply(raw.get(Scope.ALL), T), 0).subtract(n(Suppression.apply(raw.get(district("b")), T), 0))
                .subtract(n(Suppression.apply(raw.get(district("c")), T), 0));
        assertThat(recovered).as("25 − 12 − 10 without the cube").isEqualByComparingTo("3");
        assertThat(n(Suppression.apply(raw.get(team(TEAM_X)), T), 0).subtract(n(Suppression.apply(raw.get(district("b")), T), 0)))
                .as("team X − district b without the cube").isEqualByComparingTo("3");

        CubeSuppression.Cube cube = CubeSuppression.apply(raw, T);
        Map<Scope, MonitorTable> out = published(cube, raw);
        assertThat(out.get(district("a")).rows().get(0).cell("clients").suppressed()).isTrue();
        assertThat(out.get(district("a")).rows().get(0).cell("share").suppressed()).as("derived with its count").isTrue();
        assertAttackerLearnsNothing(raw, out);
    }

    /** District a has 3 clients; b 12, c 10; all 25. Team X serves a and b (15), team Y serves c (10). */
    private static Map<Scope, MonitorTable> threeDistrictsTwoTeams() {
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, table(Scope.ALL, 25));
        raw.put(district("a"), table(district("a"), 3));
        raw.put(district("b"), table(district("b"), 12));
        raw.put(district("c"), table(district("c"), 10));
        raw.put(team(TEAM_X), table(team(TEAM_X), 15));
        raw.put(team(TEAM_Y), table(team(TEAM_Y), 10));
        for (Object[] pair : new Object[][] {{"a", TEAM_X, 3L}, {"b", TEAM_X, 12L}, {"c", TEAM_Y, 10L}}) {
            Scope s = new Scope(null, (String) pair[0], (UUID) pair[1]);
            raw.put(s, table(s, (Long) pair[2]));
        }
        return raw;
    }

    @Test
    void aCubeKeptAsBytesDecidesTheSameTablesAndDamagedBytesAreNoCube() {
        Map<Scope, MonitorTable> raw = threeDistrictsTwoTeams();
        raw.put(new Scope("WMO", "a", TEAM_X), table(new Scope("WMO", "a", TEAM_X), 3));
        CubeSuppression.Cube cube = CubeSuppression.apply(raw, T);
        assertThat(cube.decisions().values()).as("the cube hides more than each table alone")
                .anyMatch(d -> !d.forced().isEmpty());

        byte[] bytes = cube.encode();
        CubeSuppression.Cube back = CubeSuppression.Cube.decode(bytes).orElseThrow();
        assertThat(back).isEqualTo(cube);
        assertThat(published(back, raw)).isEqualTo(published(cube, raw));

        assertThat(CubeSuppression.Cube.decode(java.util.Arrays.copyOf(bytes, bytes.length - 3))).as("cut short").isEmpty();
        assertThat(CubeSuppression.Cube.decode(new byte[] {1, 2, 3})).as("not deflated").isEmpty();
        assertThat(CubeSuppression.Cube.decode(new byte[0])).isEmpty();
        // a hidden cell without a text (length -1) is a damaged cube, not a failing page
        var damaged = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(damaged))) {
            out.writeInt(2);
            out.writeInt(T);
            out.writeInt(1);
            out.writeInt(-1);
            out.writeInt(-1);
            out.writeInt(-1);
            out.writeLong(42);
            out.writeInt(1);
            out.writeInt(-1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(CubeSuppression.Cube.decode(damaged.toByteArray())).isEmpty();
        byte[] other = new CubeSuppression.Cube(Map.of(), T).encode();
        assertThat(CubeSuppression.Cube.decode(other).orElseThrow().scopes()).isZero();
    }

    @Test
    void theFingerprintFollowsCountsRowsAndKeysButNotAmountsOrTheNamesOfKeyedRows() {
        MonitorTable t = table(Scope.ALL, 3, 12, 20);
        long f = CubeSuppression.fingerprint(t);
        java.util.function.UnaryOperator<List<Row>> keyed = rows -> {
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                out.add(new Row(rows.get(i).group(), rows.get(i).total(), rows.get(i).cells(), "provision:" + i));
            }
            return out;
        };
        java.util.function.Function<List<Row>, MonitorTable> with = rows -> new MonitorTable(t.name(), t.title(), t.explanation(), t.query(),
                t.columns(), rows, t.notes(), t.refreshedAt(), t.threshold(), t.chart());
        assertThat(CubeSuppression.fingerprint(table(Scope.ALL, 3, 12, 20))).isEqualTo(f);
        assertThat(CubeSuppression.fingerprint(table(Scope.ALL, 4, 12, 20))).as("a count").isNotEqualTo(f);
        assertThat(CubeSuppression.fingerprint(table(Scope.ALL, 4, 11, 20))).as("two counts, same sum").isNotEqualTo(f);
        List<Row> swapped = new ArrayList<>(t.rows());
        java.util.Collections.swap(swapped, 0, 1);
        assertThat(CubeSuppression.fingerprint(with.apply(swapped))).as("the order of the rows").isNotEqualTo(f);
        assertThat(CubeSuppression.fingerprint(with.apply(keyed.apply(t.rows())))).as("keyed rows are other rows").isNotEqualTo(f);
        // an amount (the derived share) changes, or a keyed row's name: the same fingerprint
        List<Row> amounts = new ArrayList<>();
        for (Row r : t.rows()) {
            Map<String, Cell> cells = new LinkedHashMap<>(r.cells());
            cells.put("share", Cell.of(new BigDecimal("99.5")));
            amounts.add(new Row(r.group(), r.total(), cells));
        }
        assertThat(CubeSuppression.fingerprint(with.apply(amounts))).as("an amount").isEqualTo(f);
        long keyedPrint = CubeSuppression.fingerprint(with.apply(keyed.apply(t.rows())));
        List<Row> renamed = new ArrayList<>();
        for (Row r : keyed.apply(t.rows())) {
            Map<String, Cell> cells = new LinkedHashMap<>(r.cells());
            cells.put("provision", Cell.of("Andere naam " + r.key()));
            renamed.add(new Row(r.group(), r.total(), cells, r.key()));
        }
        assertThat(CubeSuppression.fingerprint(with.apply(renamed))).as("a keyed row renamed").isEqualTo(keyedPrint);
        List<Row> unkeyedRenamed = new ArrayList<>();
        for (Row r : t.rows()) {
            Map<String, Cell> cells = new LinkedHashMap<>(r.cells());
            cells.put("provision", Cell.of("Andere naam"));
            unkeyedRenamed.add(new Row(r.group(), r.total(), cells));
        }
        assertThat(CubeSuppression.fingerprint(with.apply(unkeyedRenamed))).as("a row without a key renamed").isNotEqualTo(f);
    }

    @Test
    void aTeamWorkingInADistrictItDoesNotServeIsProtectedThroughTheDistrictAndTeamTables() {
        // requests are counted by the team that handled them: team Y handled 4 requests from district a (served by X)
        Scope aX = new Scope(null, "a", TEAM_X);
        Scope aY = new Scope(null, "a", TEAM_Y);
        Scope bY = new Scope(null, "b", TEAM_Y);
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, table(Scope.ALL, 64));
        raw.put(district("a"), table(district("a"), 24));
        raw.put(district("b"), table(district("b"), 40));
        raw.put(team(TEAM_X), table(team(TEAM_X), 20));
        raw.put(team(TEAM_Y), table(team(TEAM_Y), 44));
        raw.put(aX, table(aX, 20));
        raw.put(aY, table(aY, 4));
        raw.put(bY, table(bY, 40));
        // district a − team X (or team Y − district b) gives the 4 on their own
        assertThat(n(raw.get(district("a")), 0).subtract(n(raw.get(team(TEAM_X)), 0))).isEqualByComparingTo("4");

        Map<Scope, MonitorTable> out = published(CubeSuppression.apply(raw, T), raw);
        assertThat(out.get(aY).rows().get(0).cell("clients").suppressed()).isTrue();
        assertAttackerLearnsNothing(raw, out);
        // hidden in district a or team X as well as in team Y or district b
        assertThat(out.get(district("a")).rows().get(0).cell("clients").suppressed() || out.get(aX).rows().get(0).cell("clients").suppressed())
                .isTrue();
    }

    @Test
    void aSmallPartWithoutATeamIsASecretOfItsOwn() {
        // district a: 25 clients, 22 of them with team X, 3 in a case without a team; published: a = 25, (a, X) = 22
        Scope aX = new Scope(null, "a", TEAM_X);
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, table(Scope.ALL, 25));
        raw.put(district("a"), table(district("a"), 25));
        raw.put(team(TEAM_X), table(team(TEAM_X), 22));
        raw.put(aX, table(aX, 22));
        Map<Scope, MonitorTable> out = published(CubeSuppression.apply(raw, T), raw);
        long hidden = out.values().stream().filter(t -> t.rows().get(0).cell("clients").suppressed()).count();
        assertThat(hidden).as("25 − 22 would give the 3 without a team").isPositive();
        assertAttackerLearnsNothing(raw, out);
    }

    @Test
    void aOneLawTableHidesWhatTheAllLawsTableHides() {
        // the Wmo table shows the Wmo rows of the all-laws table; the all-laws table hides a cell of its total's row
        Scope wmo = new Scope("WMO", null, null);
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, table(Scope.ALL, false, true, 40, 3, 30));
        MonitorTable whole = raw.get(Scope.ALL);
        raw.put(wmo, new MonitorTable(whole.name(), whole.title(), whole.explanation(), wmo.query(2026), whole.columns(),
                whole.rows().subList(0, 3), List.of(), null, 0, null));
        Map<Scope, MonitorTable> out = published(CubeSuppression.apply(raw, T), raw);
        for (int r = 0; r < 3; r++) {
            assertThat(out.get(wmo).rows().get(r).cell("clients").suppressed()).as("row " + r)
                    .isEqualTo(out.get(Scope.ALL).rows().get(r).cell("clients").suppressed());
        }
        assertThat(out.get(wmo).rows().get(2).cell("clients").suppressed()).as("the second cell the all-laws total needed").isTrue();
    }

    @Test
    void twoProvisionsWithTheSameNameAreHiddenEverywhereBecauseNoScopeTellsThemApart() {
        // "Huishoudelijke hulp" of district Noord (3 clients) and of district Zuid (12) are two rows with one name; Zuid shows
        // one such row, which could be taken for Noord's: 66 − 20 − 31 − 12 = 3 if Zuid's row were shown
        Scope noord = district("noord");
        Scope zuid = district("zuid");
        java.util.function.BiFunction<Scope, long[], MonitorTable> named = (scope, n) -> {
            String[] labels = {"Huishoudelijke hulp", "Huishoudelijke hulp", "X", "Y"};
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n.length; i++) {
                if (n[i] > 0) {
                    rows.add(row(labels[i], n[i], false, "g"));
                }
            }
            rows.add(row("Alle voorzieningen", java.util.Arrays.stream(n).sum(), true, "g"));
            return new MonitorTable(MonitorTableName.MONEY, "t", "e", scope.query(2026), COLUMNS, rows, List.of(), null, 0, null);
        };
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, named.apply(Scope.ALL, new long[] {3, 12, 20, 31}));
        raw.put(noord, named.apply(noord, new long[] {3, 0, 10, 20}));
        raw.put(zuid, named.apply(zuid, new long[] {0, 12, 10, 11}));
        for (Object[] p : new Object[][] {{"noord", TEAM_X, noord}, {"zuid", TEAM_Y, zuid}}) {
            Scope team = team((UUID) p[1]);
            Scope pair = new Scope(null, (String) p[0], (UUID) p[1]);
            MonitorTable same = raw.get((Scope) p[2]);
            raw.put(team, same);
            raw.put(pair, same);
        }
        Map<Scope, MonitorTable> out = published(CubeSuppression.apply(raw, T), raw);
        out.forEach((scope, t) -> t.rows().stream().filter(r -> "Huishoudelijke hulp".equals(r.cell("provision").text()))
                .forEach(r -> assertThat(r.cell("clients").suppressed()).as(scope + ": a row no other scope can tell apart").isTrue()));
        assertAttackerLearnsNothing(raw, out);
    }

    @Test
    void twoProvisionsWithTheSameNameButTheirOwnKeysAreProtectedEachAndARenameKeepsTheDecision() {
        // as above, but the rows carry the provisions' ids: the cube tells them apart (an attacker who could would learn
        // nothing either), and the decision does not depend on the names
        Scope noord = district("noord");
        Scope zuid = district("zuid");
        java.util.function.BiFunction<String, long[], java.util.function.Function<Scope, MonitorTable>> named = (hh, n) -> scope -> {
            String[] labels = {hh, hh, "X", "Y"};
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n.length; i++) {
                if (n[i] > 0) {
                    Row r = row(labels[i], n[i], false, "g");
                    rows.add(new Row(r.group(), r.total(), r.cells(), "provision:" + i));
                }
            }
            rows.add(row("Alle voorzieningen", java.util.Arrays.stream(n).sum(), true, "g"));
            return new MonitorTable(MonitorTableName.MONEY, "t", "e", scope.query(2026), COLUMNS, rows, List.of(), null, 0, null);
        };
        java.util.function.Function<String, Map<Scope, MonitorTable>> cube = hh -> {
            Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
            raw.put(Scope.ALL, named.apply(hh, new long[] {3, 12, 20, 31}).apply(Scope.ALL));
            raw.put(noord, named.apply(hh, new long[] {3, 0, 10, 20}).apply(noord));
            raw.put(zuid, named.apply(hh, new long[] {0, 12, 10, 11}).apply(zuid));
            for (Object[] p : new Object[][] {{"noord", TEAM_X, noord}, {"zuid", TEAM_Y, zuid}}) {
                raw.put(team((UUID) p[1]), raw.get((Scope) p[2]));
                raw.put(new Scope(null, (String) p[0], (UUID) p[1]), raw.get((Scope) p[2]));
            }
            return raw;
        };
        Map<Scope, MonitorTable> raw = cube.apply("Huishoudelijke hulp");
        CubeSuppression.Cube decided = CubeSuppression.apply(raw, T);
        Map<Scope, MonitorTable> out = published(decided, raw);
        assertThat(out.get(Scope.ALL).rows().get(0).cell("clients").suppressed()).as("the 3").isTrue();
        assertThat(out.get(noord).rows().get(0).cell("clients").suppressed()).as("the 3 in Noord").isTrue();
        assertAttackerLearnsNothing(raw, out);
        // the same counts under another name: the decision holds, the same cells are hidden
        Map<Scope, MonitorTable> renamed = cube.apply("Hulp in het huishouden");
        Map<Scope, MonitorTable> again = published(decided, renamed);
        again.forEach((scope, t) -> assertThat(t.rows().stream().map(r -> r.cell("clients").suppressed()).toList()).as(scope.toString())
                .isEqualTo(out.get(scope).rows().stream().map(r -> r.cell("clients").suppressed()).toList()));
    }

    @Test
    void factsWithoutADistrictAreThePartWithoutADistrict() {
        // the store writes "no district" as '': it must not become a district of its own (it would be all districts again)
        assertThat(new FactStore.Atom("", TEAM_X).district()).isNull();
        assertThat(new FactStore.Atom(" ", null).district()).isNull();
        assertThat(new FactStore.Atom("noord", TEAM_X).district()).isEqualTo("noord");
    }

    @Test
    void aStaleCubeVouchesForNoOtherTable() {
        Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(Scope.ALL, table(Scope.ALL, 25, 3));
        CubeSuppression.Cube cube = CubeSuppression.apply(raw, T);
        assertThat(cube.suppress(Scope.ALL, table(Scope.ALL, 25, 4))).as("another figure").isEmpty();
        assertThat(cube.suppress(district("z"), table(district("z"), 2))).as("a scope with counts the cube never saw").isEmpty();
        assertThat(cube.suppress(district("z"), table(district("z"), 0, 0))).as("a scope without facts").isPresent();
        assertThat(cube.suppress(Scope.ALL, table(Scope.ALL, 25, 3))).isPresent();
        MonitorTable closed = CubeSuppression.hideEveryCount(table(Scope.ALL, 25, 3), T);
        assertThat(closed.rows()).allSatisfy(r -> assertThat(r.cell("clients").suppressed()).isTrue());
    }

    @Test
    void noHiddenCellIsRecoverableFromAnyQueryOfTheCube() {
        Random random = new Random(20261124L);
        List<String> laws = List.of("WMO", "JEUGDWET");
        for (int round = 0; round < 400; round++) {
            int rows = 1 + random.nextInt(4);
            int districtCount = 2 + random.nextInt(4);
            int teamCount = 1 + random.nextInt(3);
            boolean dropZeros = random.nextBoolean();
            boolean groupTotal = random.nextBoolean();
            List<String> ds = new ArrayList<>();
            for (int d = 0; d < districtCount; d++) {
                ds.add("d" + d);
            }
            List<UUID> ts = new ArrayList<>();
            for (int t = 0; t < teamCount; t++) {
                ts.add(new UUID(0, t + 1));
            }
            // atoms: each district's own team mostly, sometimes another team (a request handled elsewhere), sometimes no team,
            // sometimes no district
            Map<List<Object>, long[]> atoms = new LinkedHashMap<>();
            for (String law : laws) {
                for (int d = 0; d <= districtCount; d++) {
                    String district = d == districtCount ? null : ds.get(d);
                    for (int t = 0; t <= teamCount; t++) {
                        UUID team = t == teamCount ? null : ts.get(t);
                        boolean own = district != null && team != null && d % teamCount == t;
                        if (!own && random.nextInt(4) != 0) {
                            continue;
                        }
                        long[] v = new long[rows];
                        for (int r = 0; r < rows; r++) {
                            v[r] = random.nextInt(3) == 0 ? 0 : own ? random.nextInt(30) : random.nextInt(6);
                        }
                        atoms.put(java.util.Arrays.asList(law, district, team), v);
                    }
                }
            }
            Map<Scope, MonitorTable> raw = new LinkedHashMap<>();
            Set<Scope> geo = new LinkedHashSet<>();
            geo.add(Scope.ALL);
            atoms.keySet().forEach(a -> {
                String d = (String) a.get(1);
                UUID t = (UUID) a.get(2);
                if (d != null) {
                    geo.add(district(d));
                }
                if (t != null) {
                    geo.add(team(t));
                }
                if (d != null && t != null) {
                    geo.add(new Scope(null, d, t));
                }
            });
            List<String> lawFilters = new ArrayList<>();
            lawFilters.add(null);
            lawFilters.addAll(laws);
            for (String law : lawFilters) {
                for (Scope g : geo) {
                    Scope s = g.withLaw(law);
                    long[] v = new long[rows];
                    atoms.forEach((a, values) -> {
                        if ((law == null || law.equals(a.get(0))) && (g.district() == null || g.district().equals(a.get(1)))
                                && (g.team() == null || g.team().equals(a.get(2)))) {
                            for (int r = 0; r < rows; r++) {
                                v[r] += values[r];
                            }
                        }
                    });
                    raw.put(s, table(s, dropZeros, groupTotal, v));
                }
            }
            Map<Scope, MonitorTable> out = published(CubeSuppression.apply(raw, T), raw);
            try {
                assertAttackerLearnsNothing(raw, out);
            } catch (AssertionError e) {
                if (System.getenv("CUBE_DEBUG") != null) {
                    raw.forEach((sc, t) -> System.out.println(sc + " raw " + t.rows().stream().map(r -> CubeSuppression.rowId(t, r) + "=" + r.cell("clients").number()).toList()
                            + " out " + out.get(sc).rows().stream().map(r -> r.cell("clients").suppressed() ? "H" : "s").toList()));
                }
                throw e;
            }
            for (MonitorTable t : out.values()) {
                for (Row r : t.rows()) {
                    Cell c = r.cell("clients");
                    assertThat(!c.suppressed() && c.number().signum() > 0 && c.number().intValue() < T).as("a small count shown").isFalse();
                }
            }
        }
    }

    /**
     * The attacker, rebuilt here from the scopes: per law and cell, a table of districts × teams with margins — a
     * district = Σ its (district, team) cells + its part without a team; a team = Σ its cells + its part without a
     * district; all = Σ districts + the parts without a district = Σ teams + the parts without a team. The attacker knows
     * every shown cell and every part that is 0, and solves any equation with one unknown left, again and again. No
     * hidden cell and no small part (0 &lt; part &lt; T) may become known. And a one-law cell equal to the all-laws cell
     * is hidden in both or in neither.
     */
    static void assertAttackerLearnsNothing(Map<Scope, MonitorTable> raw, Map<Scope, MonitorTable> out) {
        try {
            attackAll(raw, out);
        } finally {
            ROWS.clear();
        }
    }

    private static void attackAll(Map<Scope, MonitorTable> raw, Map<Scope, MonitorTable> out) {
        Set<String> laws = new LinkedHashSet<>();
        raw.keySet().forEach(s -> laws.add(Objects.toString(s.law(), "")));
        for (String lawKey : laws) {
            String law = lawKey.isEmpty() ? null : lawKey;
            Scope all = new Scope(law, null, null);
            if (!raw.containsKey(all)) {
                continue;
            }
            List<Scope> districts = raw.keySet().stream().filter(s -> Objects.equals(s.law(), law) && s.district() != null && s.team() == null).toList();
            List<Scope> teams = raw.keySet().stream().filter(s -> Objects.equals(s.law(), law) && s.district() == null && s.team() != null).toList();
            List<Scope> pairs = raw.keySet().stream().filter(s -> Objects.equals(s.law(), law) && s.district() != null && s.team() != null).toList();
            Set<String> ids = new LinkedHashSet<>();
            raw.forEach((s, t) -> {
                if (Objects.equals(s.law(), law)) {
                    ids.addAll(ids(t));
                }
            });
            for (String col : counts(raw.get(all))) {
                for (String id : ids) {
                    attack(raw, out, all, districts, teams, pairs, id, col);
                }
            }
        }
        for (Scope s : raw.keySet()) {
            if (s.law() == null) {
                continue;
            }
            Scope all = s.withLaw(null);
            for (String col : counts(raw.get(s))) {
                for (String id : ids(raw.get(s))) {
                    BigDecimal mine = value(raw.get(s), id, col);
                    BigDecimal theirs = value(raw.get(all), id, col);
                    if (mine != null && theirs != null && mine.compareTo(theirs) == 0) {
                        assertThat(hidden(out.get(s), id, col)).as(s + " " + id + " " + col + " = the all-laws cell")
                                .isEqualTo(hidden(out.get(all), id, col));
                    }
                }
            }
        }
    }

    private static void attack(Map<Scope, MonitorTable> raw, Map<Scope, MonitorTable> out, Scope all, List<Scope> districts, List<Scope> teams,
                               List<Scope> pairs, String id, String col) {
        // the unknowns by name: a scope's cell, or "no team:<district>", "no district:<team>", "neither"
        Map<String, Long> value = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        java.util.function.Function<Scope, String> cellOf = s -> {
            String key = "cell:" + s;
            BigDecimal v = value(raw.get(s), id, col);
            value.put(key, v == null ? 0 : v.longValue());
            if (hidden(out.get(s), id, col)) {
                unknown.add(key);
            }
            return key;
        };
        List<List<String>> equations = new ArrayList<>();   // total first
        // a margin (a district or a team) = Σ its district-and-team cells + its unpublished part
        java.util.function.BiFunction<Scope, String, List<String>> margin = (m, part) -> {
            List<String> eq = new ArrayList<>(List.of(cellOf.apply(m)));
            long rest = value.get(eq.get(0));
            for (Scope p : pairs) {
                if (Objects.equals(m.district(), p.district()) || Objects.equals(m.team(), p.team())) {
                    String c = cellOf.apply(p);
                    eq.add(c);
                    rest -= value.get(c);
                }
            }
            value.put(part, rest);
            eq.add(part);
            equations.add(eq);
            return eq;
        };
        String allCell = cellOf.apply(all);
        List<String> byDistricts = new ArrayList<>(List.of(allCell));
        List<String> byTeams = new ArrayList<>(List.of(allCell));
        for (Scope d : districts) {
            List<String> eq = margin.apply(d, "no team:" + d.district());
            byDistricts.add(eq.get(0));
            byTeams.add(eq.get(eq.size() - 1));
        }
        for (Scope t : teams) {
            List<String> eq = margin.apply(t, "no district:" + t.team());
            byTeams.add(eq.get(0));
            byDistricts.add(eq.get(eq.size() - 1));
        }
        long noDistrict = value.get(allCell) - byDistricts.stream().skip(1).mapToLong(value::get).sum();
        long noTeam = value.get(allCell) - byTeams.stream().skip(1).mapToLong(value::get).sum();
        value.put("neither", Math.min(noDistrict, noTeam));
        byDistricts.add("neither");
        byTeams.add("neither");
        equations.add(byDistricts);
        equations.add(byTeams);
        value.forEach((name, v) -> {
            if (!name.startsWith("cell:") && v > 0) {
                unknown.add(name);
            }
        });
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<String> eq : equations) {
                List<String> open = eq.stream().filter(unknown::contains).distinct().toList();
                if (open.size() != 1) {
                    continue;
                }
                String found = open.get(0);
                boolean secret = found.startsWith("cell:") || value.get(found) < T;
                assertThat(secret).as(all.law() + " " + id + " " + col + ": " + found + " = " + value.get(found) + " from " + eq).isFalse();
                unknown.remove(found);
                progress = true;
            }
        }
    }

    private static List<String> counts(MonitorTable t) {
        return t.columns().stream().filter(c -> c.kind() == Column.Kind.COUNT).map(Column::key).toList();
    }

    /** Row identities per table, computed once per table and check (a check at a million households asks them thousands of times). */
    private static final Map<MonitorTable, Map<String, Row>> ROWS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private static List<String> ids(MonitorTable t) {
        return List.copyOf(rows(t).keySet());
    }

    private static Map<String, Row> rows(MonitorTable t) {
        return ROWS.computeIfAbsent(t, k -> {
            Map<String, Row> m = new LinkedHashMap<>();
            List<String> ids = CubeSuppression.rowIds(k);
            for (int i = 0; i < ids.size(); i++) {
                m.put(ids.get(i), k.rows().get(i));
            }
            return m;
        });
    }

    private static BigDecimal value(MonitorTable t, String id, String col) {
        Row r = rows(t).get(id);
        return r == null ? null : r.cell(col).number();
    }

    private static boolean hidden(MonitorTable t, String id, String col) {
        Row r = rows(t).get(id);
        return r != null && r.cell(col).suppressed();
    }
}
