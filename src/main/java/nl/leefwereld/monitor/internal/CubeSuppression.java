package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;

/**
 * Suppression across every query of one table and year (pure): the table for each law filter (all laws and each law)
 * and each place filter (all districts, each district, each team, each district and team together) is suppressed
 * together with all the others, so that no query can be subtracted from another.
 *
 * <p>The facts carry a district and a team each (the {@code MonitorSource} contract), and a table's counts are sums of
 * facts. So for every count cell, with a row missing from a table counting as 0:
 * <ul>
 *   <li>a district = the sum of its (district, team) tables + what in it has no team;</li>
 *   <li>a team = the sum of its (district, team) tables + what of it has no district;</li>
 *   <li>all = the sum of the districts + what has no district, and = the sum of the teams + what has no team;</li>
 *   <li>a cell of a one-law table is the same cell of the all-laws table when both have the row with the same number
 *       (a law filter mostly shows a part of the all-laws table).</li>
 * </ul>
 * The "what has no team / no district" parts are published nowhere. {@link Suppression} makes each table safe on its
 * own; then, per law and cell, the cube solves these equations the way an attacker would ({@code Place#protect}): every
 * shown cell and every part that is 0 is known, and any equation with one unknown left is solved, again and again. When a
 * hidden cell, or a small part (0 &lt; part &lt; threshold), would come out, a second cell of that equation is hidden
 * (the smallest shown part, a non-zero one first, else the total); when that equation has no shown cell left, the parts
 * it was solved with become secrets, so the equations that gave them away get a hidden cell instead. The table that got
 * a cell is suppressed again on its own (its own equations may hide more) and the cells whose hidden state changed are
 * solved again, until nothing changes. Rows that two provisions or teams with one name share in a table cannot be told
 * apart across scopes and are hidden everywhere. This is the hypercube rule: hidden patterns that only several equations
 * taken together would solve are not searched for (docs/SECURITY.md).
 *
 * <p>The cube keeps, per scope, only the cells it hides beyond the table's own suppression and a fingerprint of the raw
 * table it decided on: a page computes its raw table again and {@link Cube#suppress} applies the decision only to that
 * same table (a renamed team or provision, or new reference data, gives another fingerprint and a new cube).
 */
final class CubeSuppression {

    private CubeSuppression() {
    }

    /** One query's filters besides the year; null = all. */
    record Scope(String law, String district, UUID team) {

        static final Scope ALL = new Scope(null, null, null);

        static Scope of(MonitorQuery q) {
            return new Scope(q.law(), q.district(), q.team());
        }

        MonitorQuery query(int year) {
            return new MonitorQuery(year, district, law, team);
        }

        Scope withLaw(String l) {
            return new Scope(l, district, team);
        }
    }

    /** What the cube decided for one scope: the raw table's fingerprint and the cells hidden beyond its own suppression. */
    record Decision(long fingerprint, Set<String> forced) {
    }

    /** The decisions of every scope of one table and year. */
    record Cube(Map<Scope, Decision> decisions, int threshold) {

        /**
         * The scope's table suppressed as the cube decided, or empty when this raw table is not the one the cube decided
         * on (the cube is stale). A scope outside the cube has no facts: its table is suppressed on its own, unless it
         * does have a count, which means the cube is stale too.
         */
        Optional<MonitorTable> suppress(Scope scope, MonitorTable raw) {
            Decision d = decisions.get(scope);
            if (d == null) {
                return hasCount(raw) ? Optional.empty() : Optional.of(Suppression.apply(raw, threshold));
            }
            if (d.fingerprint() != fingerprint(raw)) {
                return Optional.empty();
            }
            if (d.forced().isEmpty()) {
                return Optional.of(Suppression.apply(raw, threshold));
            }
            List<String> ids = rowIds(raw);
            return Optional.of(Suppression.apply(mark(raw, (r, col) -> d.forced().contains(ids.get(r) + '\u0000' + col)), threshold));
        }

        int scopes() {
            return decisions.size();
        }

        /** The decisions as bytes to keep (deflated; read back with {@link #decode}). */
        byte[] encode() {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes))) {
                out.writeInt(FORMAT);
                out.writeInt(threshold);
                out.writeInt(decisions.size());
                for (Map.Entry<Scope, Decision> e : decisions.entrySet()) {
                    Scope scope = e.getKey();
                    writeText(out, scope.law());
                    writeText(out, scope.district());
                    writeText(out, scope.team() == null ? null : scope.team().toString());
                    out.writeLong(e.getValue().fingerprint());
                    out.writeInt(e.getValue().forced().size());
                    for (String cell : e.getValue().forced()) {
                        writeText(out, cell);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** The cube {@link #encode} wrote; empty when the bytes are of another format or damaged (it is decided again). */
        static Optional<Cube> decode(byte[] bytes) {
            try (var in = new java.io.DataInputStream(new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(bytes)))) {
                if (in.readInt() != FORMAT) {
                    return Optional.empty();
                }
                int threshold = in.readInt();
                int n = in.readInt();
                Map<Scope, Decision> decisions = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String law = readText(in);
                    String district = readText(in);
                    String team = readText(in);
                    long fingerprint = in.readLong();
                    int cells = in.readInt();
                    Set<String> forced = new HashSet<>();
                    for (int c = 0; c < cells; c++) {
                        String cell = readText(in);
                        if (cell == null) {
                            return Optional.empty();
                        }
                        forced.add(cell);
                    }
                    decisions.put(new Scope(law, district, team == null ? null : UUID.fromString(team)), new Decision(fingerprint, Set.copyOf(forced)));
                }
                return in.read() == -1 ? Optional.of(new Cube(decisions, threshold)) : Optional.empty();
            } catch (java.io.IOException | RuntimeException e) {
                // damaged or of another layout: no cube (it is decided again); never a failing page
                return Optional.empty();
            }
        }

        /** Version of the {@link #encode} layout (a change makes kept cubes be decided again). */
        private static final int FORMAT = 2;

        private static void writeText(java.io.DataOutputStream out, String text) throws java.io.IOException {
            if (text == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String readText(java.io.DataInputStream in) throws java.io.IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            if (length > 1 << 20) {
                throw new java.io.IOException("text too long");
            }
            byte[] b = in.readNBytes(length);
            if (b.length != length) {
                throw new java.io.IOException("cut short");
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Cube apply(Map<Scope, MonitorTable> raw, int threshold) {
        List<Scope> scopes = new ArrayList<>(raw.keySet());
        Map<Scope, Integer> index = new HashMap<>();
        for (int s = 0; s < scopes.size(); s++) {
            index.put(scopes.get(s), s);
        }
        // cells: (row identity, count column) interned across all scopes
        Map<String, Integer> rowIndex = new HashMap<>();
        List<String> rowNames = new ArrayList<>();
        Map<String, Integer> colIndex = new LinkedHashMap<>();
        List<List<String>> scopeRowIds = new ArrayList<>();
        for (Scope scope : scopes) {
            MonitorTable t = raw.get(scope);
            List<String> ids = rowIds(t);
            scopeRowIds.add(ids);
            for (String id : ids) {
                rowIndex.computeIfAbsent(id, k -> {
                    rowNames.add(k);
                    return rowNames.size() - 1;
                });
            }
            for (Column c : t.columns()) {
                if (c.kind() == Column.Kind.COUNT) {
                    colIndex.putIfAbsent(c.key(), colIndex.size());
                }
            }
        }
        List<String> colNames = new ArrayList<>(colIndex.keySet());
        int width = Math.max(1, colNames.size());
        List<Map<Integer, BigDecimal>> values = new ArrayList<>();
        for (int s = 0; s < scopes.size(); s++) {
            MonitorTable t = raw.get(scopes.get(s));
            Map<Integer, BigDecimal> v = new HashMap<>();
            for (int r = 0; r < t.rows().size(); r++) {
                int row = rowIndex.get(scopeRowIds.get(s).get(r));
                for (Column c : t.columns()) {
                    BigDecimal n = t.rows().get(r).cell(c.key()).number();
                    if (c.kind() == Column.Kind.COUNT && n != null) {
                        v.putIfAbsent(row * width + colIndex.get(c.key()), n);
                    }
                }
            }
            values.add(v);
        }

        int n = scopes.size();
        BitSet[] forced = new BitSet[n];
        BitSet[] hidden = new BitSet[n];
        // two rows of one table with the same identity (two provisions or teams with the same name) cannot be told apart
        // across scopes: their counts are hidden in every scope
        Set<String> ambiguous = new HashSet<>();
        for (Scope scope : scopes) {
            for (String id : rowIds(raw.get(scope))) {
                int at = id.indexOf(ORDINAL);
                if (at > 0) {
                    ambiguous.add(id.substring(0, at));
                }
            }
        }
        Map<MonitorTable, BitSet> alone = new java.util.IdentityHashMap<>();
        for (int s = 0; s < n; s++) {
            forced[s] = new BitSet();
            // each table safe on its own first (a district and team together is often the district's very table)
            int scope = s;
            hidden[s] = alone.computeIfAbsent(raw.get(scopes.get(s)), t -> hiddenWith(t, forced[scope], scopeRowIds.get(scope), rowIndex, colIndex,
                    width, threshold));
        }
        if (!ambiguous.isEmpty()) {
            for (int s = 0; s < n; s++) {
                List<String> ids = scopeRowIds.get(s);
                for (int r = 0; r < ids.size(); r++) {
                    String id = ids.get(r);
                    int at = id.indexOf(ORDINAL);
                    String base = at > 0 ? id.substring(0, at) : id;
                    if (ambiguous.contains(base)) {
                        int row = rowIndex.get(id);
                        for (int c = 0; c < colNames.size(); c++) {
                            if (values.get(s).containsKey(row * width + c)) {
                                forced[s].set(row * width + c);
                            }
                        }
                    }
                }
                if (!forced[s].isEmpty()) {
                    hidden[s] = hiddenWith(raw.get(scopes.get(s)), forced[s], ids, rowIndex, colIndex, width, threshold);
                }
            }
        }
        List<Place> places = places(scopes, index);
        int[] placeOf = new int[n];
        BitSet[] dirty = new BitSet[places.size()];
        for (int p = 0; p < places.size(); p++) {
            dirty[p] = new BitSet();
            for (int s : places.get(p).scopes()) {
                placeOf[s] = p;
                dirty[p].or(hidden[s]);
                values.get(s).keySet().forEach(dirty[p]::set);
            }
        }
        List<int[]> sameCells = sameCells(scopes, index);
        Map<Long, BitSet> secretRemainders = new HashMap<>();
        boolean changed = true;
        while (changed) {
            Set<Integer> touched = new LinkedHashSet<>();
            // a cell of a one-law table and the same cell of the all-laws table: hidden in both or in neither
            for (int[] pair : sameCells) {
                BitSet differ = (BitSet) hidden[pair[0]].clone();
                differ.xor(hidden[pair[1]]);
                for (int cell = differ.nextSetBit(0); cell >= 0; cell = differ.nextSetBit(cell + 1)) {
                    BigDecimal v0 = values.get(pair[0]).get(cell);
                    BigDecimal v1 = values.get(pair[1]).get(cell);
                    if (v0 == null || v1 == null || v0.compareTo(v1) != 0) {
                        continue;
                    }
                    int shown = hidden[pair[0]].get(cell) ? pair[1] : pair[0];
                    if (!forced[shown].get(cell)) {
                        forced[shown].set(cell);
                        touched.add(shown);
                    }
                }
            }
            // per law and cell: the places' equations, solved as far as an attacker can one equation at a time
            // (only the cells whose hidden state changed in one of the place's tables since the last round)
            for (int p = 0; p < places.size(); p++) {
                Place place = places.get(p);
                BitSet cells = dirty[p];
                for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
                    BitSet secret = secretRemainders.computeIfAbsent(((long) p << 32) | cell, k -> new BitSet());
                    for (int s : place.protect(cell, values, hidden, secret, threshold)) {
                        if (!forced[s].get(cell)) {
                            forced[s].set(cell);
                            touched.add(s);
                        }
                    }
                }
                dirty[p] = new BitSet();
            }
            for (int s : touched) {
                BitSet before = hidden[s];
                hidden[s] = hiddenWith(raw.get(scopes.get(s)), forced[s], scopeRowIds.get(s), rowIndex, colIndex, width, threshold);
                BitSet change = (BitSet) before.clone();
                change.xor(hidden[s]);
                dirty[placeOf[s]].or(change);
            }
            changed = !touched.isEmpty();
        }
        Map<Scope, Decision> decisions = new LinkedHashMap<>();
        for (int s = 0; s < n; s++) {
            Set<String> cells = new HashSet<>();
            for (int cell = forced[s].nextSetBit(0); cell >= 0; cell = forced[s].nextSetBit(cell + 1)) {
                cells.add(rowNames.get(cell / width) + '\u0000' + colNames.get(cell % width));
            }
            decisions.put(scopes.get(s), new Decision(fingerprint(raw.get(scopes.get(s))), Set.copyOf(cells)));
        }
        return new Cube(decisions, threshold);
    }

    /** Pairs {one-law scope, all-laws scope} of the same place. */
    private static List<int[]> sameCells(List<Scope> scopes, Map<Scope, Integer> index) {
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < scopes.size(); s++) {
            Integer allLaws = scopes.get(s).law() == null ? null : index.get(scopes.get(s).withLaw(null));
            if (allLaws != null) {
                out.add(new int[] {s, allLaws});
            }
        }
        return out;
    }

    /** The places of one law filter: all, the districts, the teams, the districts and teams together (scope indexes). */
    private static List<Place> places(List<Scope> scopes, Map<Scope, Integer> index) {
        Map<String, Place.Builder> byLaw = new LinkedHashMap<>();
        for (int s = 0; s < scopes.size(); s++) {
            Scope scope = scopes.get(s);
            byLaw.computeIfAbsent(Objects.toString(scope.law(), ""), k -> new Place.Builder()).add(scope, s);
        }
        List<Place> out = new ArrayList<>();
        byLaw.values().forEach(b -> {
            if (b.all >= 0) {
                out.add(b.build());
            }
        });
        return out;
    }

    /**
     * One law's places as a table of districts × teams with margins: a district = Σ its (district, team) cells + its
     * part without a team; a team = Σ its cells + its part without a district; all = Σ districts + the parts without a
     * district (of each team, and of neither) = Σ teams + the parts without a team (of each district, and of neither).
     * The parts without a team or district are published nowhere: the attacker knows them only when an equation gives
     * them. Variables: 0..scopes-1 the published cells (scopes[i]), then one part per district, one per team, and the
     * part of neither.
     */
    private record Place(int[] scopes, int all, int[] districts, int[] teams, int[][] pairsOfDistrict, int[][] pairsOfTeam) {

        static final class Builder {
            int all = -1;
            final List<Integer> members = new ArrayList<>();
            final Map<String, Integer> districts = new LinkedHashMap<>();
            final Map<UUID, Integer> teams = new LinkedHashMap<>();
            final Map<String, List<Integer>> pairsOfDistrict = new LinkedHashMap<>();
            final Map<UUID, List<Integer>> pairsOfTeam = new LinkedHashMap<>();

            void add(Scope scope, int s) {
                int local = members.size();
                members.add(s);
                if (scope.district() == null && scope.team() == null) {
                    all = local;
                } else if (scope.team() == null) {
                    districts.put(scope.district(), local);
                } else if (scope.district() == null) {
                    teams.put(scope.team(), local);
                } else {
                    pairsOfDistrict.computeIfAbsent(scope.district(), k -> new ArrayList<>()).add(local);
                    pairsOfTeam.computeIfAbsent(scope.team(), k -> new ArrayList<>()).add(local);
                }
            }

            Place build() {
                // a district or team with pairs but without its own scope does not occur (scopes come from the facts)
                int[] d = districts.values().stream().mapToInt(Integer::intValue).toArray();
                int[] t = teams.values().stream().mapToInt(Integer::intValue).toArray();
                int[][] pd = new int[d.length][];
                int i = 0;
                for (String code : districts.keySet()) {
                    pd[i++] = pairsOfDistrict.getOrDefault(code, List.of()).stream().mapToInt(Integer::intValue).toArray();
                }
                int[][] pt = new int[t.length][];
                i = 0;
                for (UUID id : teams.keySet()) {
                    pt[i++] = pairsOfTeam.getOrDefault(id, List.of()).stream().mapToInt(Integer::intValue).toArray();
                }
                return new Place(members.stream().mapToInt(Integer::intValue).toArray(), all, d, t, pd, pt);
            }
        }

        /**
         * Solves this place's equations for one cell the way an attacker would, one equation with one unknown at a time
         * (a published hidden cell, or a part without team or district that is not 0 and not yet found). A hidden cell
         * or a small part ({@code 0 < part < threshold}, or marked {@code secret}) that becomes known is a leak: the
         * returned scopes get the cell hidden too (a shown part of that equation, the smallest non-zero first, else its
         * total); when the equation has no shown cell left, the parts it was solved with are marked secret, so that the
         * equations that gave them away are protected in the next round.
         */
        List<Integer> protect(int cell, List<Map<Integer, BigDecimal>> values, BitSet[] hidden, BitSet secret, int threshold) {
            int published = scopes.length;
            int vars = published + districts.length + teams.length + 1;
            long[] v = new long[vars];
            boolean[] unknown = new boolean[vars];
            boolean[] present = new boolean[published];
            for (int i = 0; i < published; i++) {
                BigDecimal x = values.get(scopes[i]).get(cell);
                present[i] = x != null;
                v[i] = x == null ? 0 : x.longValue();
                unknown[i] = hidden[scopes[i]].get(cell);
            }
            List<int[]> equations = new ArrayList<>();   // {total, parts...}
            long noDistrict = v[all];
            long noTeam = v[all];
            int neither = vars - 1;
            for (int i = 0; i < districts.length; i++) {
                int part = published + i;
                v[part] = v[districts[i]] - sum(v, pairsOfDistrict[i]);
                equations.add(concat(districts[i], pairsOfDistrict[i], part));
                noDistrict -= v[districts[i]];
                noTeam -= v[part];
            }
            for (int i = 0; i < teams.length; i++) {
                int part = published + districts.length + i;
                v[part] = v[teams[i]] - sum(v, pairsOfTeam[i]);
                equations.add(concat(teams[i], pairsOfTeam[i], part));
                noTeam -= v[teams[i]];
                noDistrict -= v[part];
            }
            v[neither] = Math.min(noDistrict, noTeam);
            int[] allParts1 = new int[districts.length + teams.length + 1];
            int[] allParts2 = new int[districts.length + teams.length + 1];
            int k = 0;
            for (int d : districts) {
                allParts1[k++] = d;
            }
            for (int i = 0; i < teams.length; i++) {
                allParts1[k++] = published + districts.length + i;
            }
            allParts1[k] = neither;
            k = 0;
            for (int t : teams) {
                allParts2[k++] = t;
            }
            for (int i = 0; i < districts.length; i++) {
                allParts2[k++] = published + i;
            }
            allParts2[k] = neither;
            equations.add(concat(all, allParts1));
            equations.add(concat(all, allParts2));
            boolean anySecret = false;
            for (int i = 0; i < vars; i++) {
                if (i >= published) {
                    // a part that is 0 may be taken for known; a negative one means the cell is no plain sum (a rounded share)
                    unknown[i] = v[i] > 0;
                    anySecret |= unknown[i] && (v[i] < threshold || secret.get(i));
                } else {
                    anySecret |= unknown[i];
                }
            }
            if (!anySecret) {
                return List.of();   // nothing hidden and no small part: nothing to give away
            }

            List<Integer> out = new ArrayList<>();
            boolean[] given = new boolean[vars];
            while (true) {
                boolean[] known = new boolean[vars];
                for (int i = 0; i < vars; i++) {
                    known[i] = !unknown[i];
                }
                int[] leak = null;
                int leaked = -1;
                boolean progress = true;
                while (progress && leak == null) {
                    progress = false;
                    for (int[] eq : equations) {
                        int open = -1;
                        int count = 0;
                        for (int x : eq) {
                            if (!known[x] && ++count > 1) {
                                break;
                            }
                            if (!known[x]) {
                                open = x;
                            }
                        }
                        if (count != 1) {
                            continue;
                        }
                        boolean isSecret = !given[open] && (open < published || v[open] < threshold || secret.get(open));
                        if (isSecret) {
                            leak = eq;
                            leaked = open;
                            break;
                        }
                        known[open] = true;
                        progress = true;
                    }
                }
                if (leak == null) {
                    return out;
                }
                int pick = -1;
                long best = 0;
                for (int j = 1; j < leak.length; j++) {
                    int x = leak[j];
                    if (x >= published || unknown[x] || !present[x]) {
                        continue;
                    }
                    if (pick < 0 || Suppression.better(BigDecimal.valueOf(v[x]), BigDecimal.valueOf(best))) {
                        pick = x;
                        best = v[x];
                    }
                }
                if (pick < 0 && !unknown[leak[0]] && present[leak[0]]) {
                    pick = leak[0];
                }
                if (pick >= 0) {
                    unknown[pick] = true;
                    out.add(scopes[pick]);
                    continue;
                }
                // nothing shown left in this equation: the parts it was solved with must stay unknown
                boolean marked = false;
                for (int x : leak) {
                    if (x >= published && x != leaked && unknown[x] && !secret.get(x)) {
                        secret.set(x);
                        marked = true;
                    }
                }
                if (!marked) {
                    // no way left to protect it in this place (only parts that are 0 or no plain sum, such as a rounded
                    // share of households): take it as given and look for the next leak of this cell
                    given[leaked] = true;
                }
            }
        }

        private static long sum(long[] v, int[] members) {
            long s = 0;
            for (int m : members) {
                s += v[m];
            }
            return s;
        }

        private static int[] concat(int first, int[] middle, int... last) {
            int[] out = new int[1 + middle.length + last.length];
            out[0] = first;
            System.arraycopy(middle, 0, out, 1, middle.length);
            System.arraycopy(last, 0, out, 1 + middle.length, last.length);
            return out;
        }
    }

    /** The count cells a table hides on its own with the cells {@code forced} (cell numbers) hidden first. */
    private static BitSet hiddenWith(MonitorTable raw, BitSet forced, List<String> ids, Map<String, Integer> rowIndex,
                                     Map<String, Integer> colIndex, int width, int threshold) {
        MonitorTable marked = forced.isEmpty() ? raw : mark(raw, (r, col) -> {
            Integer c = colIndex.get(col);
            return c != null && forced.get(rowIndex.get(ids.get(r)) * width + c);
        });
        return hiddenCells(Suppression.apply(marked, threshold), ids, rowIndex, colIndex, width);
    }

    private static BitSet hiddenCells(MonitorTable suppressed, List<String> ids, Map<String, Integer> rowIndex, Map<String, Integer> colIndex,
                                      int width) {
        BitSet out = new BitSet();
        for (int r = 0; r < suppressed.rows().size(); r++) {
            Row row = suppressed.rows().get(r);
            for (Column c : suppressed.columns()) {
                if (c.kind() == Column.Kind.COUNT && row.cell(c.key()).suppressed()) {
                    out.set(rowIndex.get(ids.get(r)) * width + colIndex.get(c.key()));
                }
            }
        }
        return out;
    }

    /**
     * The identities of a table's rows across scopes: group, total flag and text cells; a second row with the same
     * identity in one table gets an occurrence number (2, 3, …) after {@link #ORDINAL}, so that no row shares another's.
     */
    static List<String> rowIds(MonitorTable table) {
        List<String> out = new ArrayList<>(table.rows().size());
        Map<String, Integer> seen = new HashMap<>();
        for (Row r : table.rows()) {
            String id = rowId(table, r);
            int k = seen.merge(id, 1, Integer::sum);
            out.add(k == 1 ? id : id + ORDINAL + k);
        }
        return out;
    }

    /** Separates a row identity from its occurrence number (a character no label has). */
    static final char ORDINAL = '\u0001';

    /**
     * A row's identity: its group and its key, or without a key its text cells (without the occurrence number of
     * {@link #rowIds}).
     */
    static String rowId(MonitorTable table, Row row) {
        StringBuilder id = new StringBuilder(String.valueOf(row.group())).append(row.total() ? "|T" : "|P");
        if (row.key() != null) {
            return id.append("|#").append(row.key()).toString();
        }
        for (Column c : table.columns()) {
            if (c.kind() == Column.Kind.TEXT && c.basedOn() == null) {
                id.append('|').append(row.cell(c.key()).text());
            }
        }
        return id.toString();
    }

    /**
     * A fingerprint of what a decision depends on: the columns (key, kind, what they are based on and add up to), the rows
     * in order by identity ({@link #rowId}: by key where a row has one, else by its texts) and every count. Amounts,
     * percentages and days are left out (suppression decides on counts; what is derived from a hidden count is hidden
     * with it), and so are the texts of keyed rows: a new budget, or a provision or team renamed without its row moving
     * to another place in the order, keeps the decision.
     */
    static long fingerprint(MonitorTable t) {
        // SHA-256 over the length-prefixed encoding the kept cubes use (first 8 bytes): two tables with other counts or
        // rows do not share a fingerprint by any arithmetic coincidence, as they could with a polynomial hash
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var out = new java.io.DataOutputStream(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha))) {
            for (Column c : t.columns()) {
                out.writeByte('C');
                Cube.writeText(out, c.key());
                Cube.writeText(out, c.kind().name());
                Cube.writeText(out, c.basedOn());
                Cube.writeText(out, c.totalColumn());
            }
            List<String> ids = rowIds(t);
            for (int i = 0; i < t.rows().size(); i++) {
                Row r = t.rows().get(i);
                out.writeByte('R');
                Cube.writeText(out, ids.get(i));
                for (Column c : t.columns()) {
                    if (c.kind() == Column.Kind.COUNT) {
                        Cell x = r.cell(c.key());
                        Cube.writeText(out, x.number() == null ? null : x.number().stripTrailingZeros().toPlainString());
                        out.writeBoolean(x.suppressed());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.nio.ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static boolean hasCount(MonitorTable t) {
        for (Row r : t.rows()) {
            for (Column c : t.columns()) {
                BigDecimal n = r.cell(c.key()).number();
                if (c.kind() == Column.Kind.COUNT && n != null && n.signum() != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every count cell that is not 0 hidden: what a table gets when the cube cannot vouch for it. */
    static MonitorTable hideEveryCount(MonitorTable raw, int threshold) {
        return Suppression.apply(mark(raw, (r, col) -> true), threshold);
    }

    /** The raw table with the cells {@code hide(row position, column key)} marked hidden (numbers kept, for choosing what else to hide). */
    static MonitorTable mark(MonitorTable raw, java.util.function.BiPredicate<Integer, String> hide) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < raw.rows().size(); i++) {
            Row r = raw.rows().get(i);
            Map<String, Cell> cs = new LinkedHashMap<>(r.cells());
            boolean any = false;
            for (Column c : raw.columns()) {
                Cell old = r.cell(c.key());
                if (c.kind() == Column.Kind.COUNT && old.number() != null && hide.test(i, c.key())) {
                    cs.put(c.key(), new Cell(old.text(), old.number(), true));
                    any = true;
                }
            }
            rows.add(any ? new Row(r.group(), r.total(), cs, r.key()) : r);
        }
        return new MonitorTable(raw.name(), raw.title(), raw.explanation(), raw.query(), raw.columns(), rows, raw.notes(), raw.refreshedAt(),
                raw.threshold(), raw.chart());
    }
}
