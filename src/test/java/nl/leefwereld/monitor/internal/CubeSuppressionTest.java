package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableName;
import org.junit.jupiter.api.Test;

/**
 * The subtraction attack across queries: all districts minus the other districts, a team minus its other district. Each
 * table is safe on its own ({@link Suppression}); only suppressing them together stops the attack.
 */
class CubeSuppressionTest {

    static final int T = 10;
    static final UUID TEAM_X = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TEAM_Y = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final List<Column> COLUMNS = List.of(Column.text("provision", "Voorziening"), Column.count("clients", "Cliënten"),
            Column.derived("share", "Aandeel", Column.Kind.PERCENT, "clients"));

    static MonitorTable table(String district, UUID team, long... clients) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < clients.length; i++) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("provision", Cell.of("Voorziening " + i));
            cells.put("clients", Cell.of(clients[i]));
            cells.put("share", Cell.of(BigDecimal.valueOf(clients[i])));
            rows.add(new Row(null, false, cells));
        }
        return new MonitorTable(MonitorTableName.REACH, "t", "e", new MonitorQuery(2026, district, null, team), COLUMNS, rows, List.of(), null, 0,
                null);
    }

    static BigDecimal n(MonitorTable t, int row) {
        return t.rows().get(row).cell("clients").number();
    }

    @Test
    void allDistrictsMinusTheOthersRevealsASmallDistrictWithoutTheCubeAndNotWithIt() {
        // district a has 3 clients; b 12, c 10; all 25. Team X serves a and b (15), team Y serves c (10).
        MonitorTable all = table(null, null, 25);
        Map<String, MonitorTable> districts = new LinkedHashMap<>();
        districts.put("a", table("a", null, 3));
        districts.put("b", table("b", null, 12));
        districts.put("c", table("c", null, 10));
        Map<UUID, MonitorTable> teams = new LinkedHashMap<>();
        teams.put(TEAM_X, table(null, TEAM_X, 15));
        teams.put(TEAM_Y, table(null, TEAM_Y, 10));
        Map<UUID, Set<String>> served = Map.of(TEAM_X, Set.of("a", "b"), TEAM_Y, Set.of("c"));

        // each query on its own: a is hidden, and the attack works
        BigDecimal recovered = n(Suppression.apply(all, T), 0).subtract(n(Suppression.apply(districts.get("b"), T), 0))
                .subtract(n(Suppression.apply(districts.get("c"), T), 0));
        assertThat(recovered).as("25 − 12 − 10 without the cube").isEqualByComparingTo("3");
        assertThat(n(Suppression.apply(teams.get(TEAM_X), T), 0).subtract(n(Suppression.apply(districts.get("b"), T), 0)))
                .as("team X − district b without the cube").isEqualByComparingTo("3");

        CubeSuppression.Cube cube = CubeSuppression.apply(all, districts, teams, served, T);
        assertThat(cube.districts().get("a").rows().get(0).cell("clients").suppressed()).isTrue();
        assertThat(cube.districts().get("a").rows().get(0).cell("share").suppressed()).as("derived with its count").isTrue();
        assertNoEquationWithOneHiddenCell(cube, served);
    }

    @Test
    void noHiddenCellIsRecoverableFromAnyQueryOfTheCube() {
        Random random = new Random(20261124L);
        for (int round = 0; round < 500; round++) {
            int rowsCount = 1 + random.nextInt(4);
            int districtCount = 2 + random.nextInt(5);
            Map<String, long[]> perDistrict = new LinkedHashMap<>();
            long[] total = new long[rowsCount];
            for (int d = 0; d < districtCount; d++) {
                long[] v = new long[rowsCount];
                for (int r = 0; r < rowsCount; r++) {
                    v[r] = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
                    total[r] += v[r];
                }
                perDistrict.put("d" + d, v);
            }
            // teams: X serves the first half of the districts, Y the rest
            Map<UUID, Set<String>> served = new LinkedHashMap<>();
            Map<UUID, long[]> perTeam = new LinkedHashMap<>();
            int d = 0;
            for (Map.Entry<String, long[]> e : perDistrict.entrySet()) {
                UUID team = d++ < districtCount / 2 ? TEAM_X : TEAM_Y;
                served.computeIfAbsent(team, k -> new java.util.TreeSet<>()).add(e.getKey());
                long[] sum = perTeam.computeIfAbsent(team, k -> new long[rowsCount]);
                for (int r = 0; r < rowsCount; r++) {
                    sum[r] += e.getValue()[r];
                }
            }
            Map<String, MonitorTable> districts = new LinkedHashMap<>();
            perDistrict.forEach((code, v) -> districts.put(code, table(code, null, v)));
            Map<UUID, MonitorTable> teams = new LinkedHashMap<>();
            perTeam.forEach((team, v) -> teams.put(team, table(null, team, v)));
            CubeSuppression.Cube cube = CubeSuppression.apply(table(null, null, total), districts, teams, served, T);
            assertNoEquationWithOneHiddenCell(cube, served);
            // and every small count is hidden wherever it is
            for (MonitorTable t : all(cube)) {
                for (Row r : t.rows()) {
                    Cell c = r.cell("clients");
                    assertThat(!c.suppressed() && c.number().signum() > 0 && c.number().intValue() < T).as("a small count shown").isFalse();
                }
            }
        }
    }

    static List<MonitorTable> all(CubeSuppression.Cube cube) {
        List<MonitorTable> out = new ArrayList<>(List.of(cube.all()));
        out.addAll(cube.districts().values());
        out.addAll(cube.teams().values());
        return out;
    }

    /** The attacker's equations: all = Σ districts, team = Σ its districts, per row; never exactly one hidden cell. */
    static void assertNoEquationWithOneHiddenCell(CubeSuppression.Cube cube, Map<UUID, Set<String>> served) {
        int rows = cube.all().rows().size();
        for (int r = 0; r < rows; r++) {
            List<MonitorTable> eq = new ArrayList<>(List.of(cube.all()));
            eq.addAll(cube.districts().values());
            assertThat(hiddenIn(eq, r)).as("all districts = Σ districts, row " + r).isNotEqualTo(1);
            for (Map.Entry<UUID, Set<String>> team : served.entrySet()) {
                List<MonitorTable> teq = new ArrayList<>(List.of(cube.teams().get(team.getKey())));
                team.getValue().forEach(code -> teq.add(cube.districts().get(code)));
                assertThat(hiddenIn(teq, r)).as("team = Σ its districts, row " + r).isNotEqualTo(1);
            }
            // all = Σ teams + the districts no team serves
            List<MonitorTable> aeq = new ArrayList<>(List.of(cube.all()));
            aeq.addAll(cube.teams().values());
            Set<String> servedDistricts = new java.util.HashSet<>();
            served.values().forEach(servedDistricts::addAll);
            cube.districts().forEach((code, t) -> {
                if (!servedDistricts.contains(code)) {
                    aeq.add(t);
                }
            });
            assertThat(hiddenIn(aeq, r)).as("all = Σ teams, row " + r).isNotEqualTo(1);
        }
    }

    private static int hiddenIn(List<MonitorTable> tables, int row) {
        int hidden = 0;
        for (MonitorTable t : tables) {
            if (t.rows().get(row).cell("clients").suppressed()) {
                hidden++;
            }
        }
        return hidden;
    }
}
