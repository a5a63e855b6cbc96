package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The facts of one municipality's current generation, and the refresh state. Only the monitor reads these. */
@Component
public class FactStore {

    /** The row of {@code monitor_refresh}. */
    public record RefreshRow(long generation, Instant refreshedAt, Instant startedAt, Instant finishedAt, Long durationMs, Long factRows,
                             String status, String error, int percent, String step) {

        static final RefreshRow NONE = new RefreshRow(0, null, null, null, null, null, "NONE", null, 0, null);
    }

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RefreshRow refreshRow(String municipality) {
        return jdbc.sql("""
                        SELECT generation, refreshed_at, started_at, finished_at, duration_ms, fact_rows, status, error_text, percent, step
                          FROM monitor_refresh WHERE municipality_code = ?""").param(municipality)
                .query((rs, i) -> new RefreshRow(rs.getLong("generation"), instant(rs.getTimestamp("refreshed_at")),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), (Long) rs.getObject("duration_ms"),
                        (Long) rs.getObject("fact_rows"), rs.getString("status"), rs.getString("error_text"), rs.getInt("percent"),
                        rs.getString("step")))
                .optional().orElse(RefreshRow.NONE);
    }

    /** The municipalities with figures (a successful refresh). */
    List<String> refreshedMunicipalities() {
        return jdbc.sql("SELECT municipality_code FROM monitor_refresh WHERE generation > 0 ORDER BY 1").query(String.class).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The facts of the municipality's current generation (fixed when this is called, so one table reads one generation). */
    public MonitorFacts facts(String municipality) {
        return facts(municipality, refreshRow(municipality));
    }

    /** The facts of the generation of this refresh row (read before, so that a table and its cube read the same one). */
    MonitorFacts facts(String municipality, RefreshRow row) {
        return new Facts(municipality, row.generation(), row.generation() == 0 ? null : row.refreshedAt());
    }

    /** A district and a team that facts have together (either may be null). */
    record Atom(String district, UUID team) {

        /** The store writes "no district" as '' (a NOT NULL column): here that is null, the part without a district. */
        Atom {
            if (district != null && district.isBlank()) {
                district = null;
            }
        }
    }

    /** In-memory facts that also tell which (district, team) combinations occur and when two filters select the same facts. */
    public interface InMemory extends Scoped {

        /** The (district, team) combinations of every fact read so far. */
        java.util.Set<Atom> atoms();

        /**
         * Whether {@code narrow} selects the same facts as {@code wide} for every measure read so far, where every fact
         * of narrow is one of wide's (a district and team together within that district or that team): then the two
         * tables are the same.
         */
        boolean sameFacts(MonitorQuery narrow, MonitorQuery wide);
    }

    /**
     * The facts of a refresh row's generation read once per measure (all districts, teams and laws of a year, or of all
     * years) and filtered in memory: for computing one table for every law, district and team at once.
     */
    InMemory inMemory(String municipality, RefreshRow row) {
        Facts db = (Facts) facts(municipality, row);
        return new InMemory() {
            // thread-safe: a cube computes its hundreds of tables on several threads
            private final java.util.Map<String, java.util.Optional<String>> labels = new java.util.concurrent.ConcurrentHashMap<>();
            private final java.util.Map<String, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            @SuppressWarnings("unchecked")
            public <T> T memo(String key, java.util.function.Supplier<T> value) {
                return (T) memo.computeIfAbsent(key, k -> value.get());
            }

            @Override
            public java.util.Map<String, String> labels(nl.leefwereld.monitor.MonitorSource source, String measure, java.util.Collection<String> keys) {
                String prefix = source.name() + '\u0000' + measure + '\u0000';
                List<String> missing = keys.stream().filter(k -> !labels.containsKey(prefix + k)).toList();
                if (!missing.isEmpty()) {
                    java.util.Map<String, String> found = source.keyLabels(municipality, measure, missing);
                    missing.forEach(k -> labels.put(prefix + k, java.util.Optional.ofNullable(found.get(k))));
                }
                java.util.Map<String, String> out = new java.util.HashMap<>();
                keys.forEach(k -> labels.get(prefix + k).ifPresent(v -> out.put(k, v)));
                return out;
            }

            // per measure (and year): every fact, and the same grouped by district and by team, so that each of the
            // hundreds of scopes of a cube reads only its own facts
            private final java.util.Map<String, java.util.Map<Object, List<Fact>>> grouped = new java.util.concurrent.ConcurrentHashMap<>();

            /** The facts of the query's place (district, team or both), every law: read once per measure and year. */
            private List<Fact> all(String measure, MonitorQuery q, boolean oneYear) {
                String key = measure + (oneYear ? "|" + q.year() : "|*");
                java.util.Map<Object, List<Fact>> groups = grouped.computeIfAbsent(key, k -> {
                    MonitorQuery everything = new MonitorQuery(q.year(), null, null, null);
                    List<Fact> facts = oneYear ? db.facts(measure, everything) : db.factsAllYears(measure, everything);
                    java.util.Map<Object, List<Fact>> g = new java.util.HashMap<>();
                    g.put("*", facts);
                    for (Fact f : facts) {
                        g.computeIfAbsent("d:" + f.district(), x -> new ArrayList<>()).add(f);
                        g.computeIfAbsent("t:" + f.team(), x -> new ArrayList<>()).add(f);
                        g.computeIfAbsent("p:" + f.district() + '|' + f.team(), x -> new ArrayList<>()).add(f);
                        atoms.add(new Atom(f.district(), f.team()));
                    }
                    return g;
                });
                return group(groups, q);
            }

            private final java.util.Set<Atom> atoms = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

            @Override
            public java.util.Set<Atom> atoms() {
                synchronized (atoms) {
                    return java.util.Set.copyOf(atoms);
                }
            }

            @Override
            public boolean sameFacts(MonitorQuery narrow, MonitorQuery wide) {
                for (java.util.Map<Object, List<Fact>> groups : grouped.values()) {
                    if (group(groups, narrow).size() != group(groups, wide).size()) {
                        return false;
                    }
                }
                return true;
            }

            private static List<Fact> group(java.util.Map<Object, List<Fact>> groups, MonitorQuery q) {
                if (q.district() != null && q.team() != null) {
                    return groups.getOrDefault("p:" + q.district() + '|' + q.team(), List.of());
                }
                if (q.district() != null) {
                    return groups.getOrDefault("d:" + q.district(), List.of());
                }
                if (q.team() != null) {
                    return groups.getOrDefault("t:" + q.team(), List.of());
                }
                return groups.getOrDefault("*", List.of());
            }

            /** The facts of one law (null: every law); the place is already the group's. */
            private static List<Fact> ofLaw(List<Fact> facts, String law) {
                if (law == null) {
                    return java.util.Collections.unmodifiableList(facts);   // shared by every table of the cube
                }
                List<Fact> out = new ArrayList<>();
                for (Fact f : facts) {
                    if (law.equals(f.law())) {
                        out.add(f);
                    }
                }
                return out;
            }

            @Override
            public List<Fact> facts(String measure, MonitorQuery query) {
                return ofLaw(all(measure, query, true), query.law());
            }

            @Override
            public List<Fact> factsAllYears(String measure, MonitorQuery query) {
                return ofLaw(all(measure, query, false), query.law());
            }

            @Override
            public List<Fact> factsOfLaw(String measure, MonitorQuery query) {
                return ofLaw(all(measure, query, true), query.law() == null ? "" : query.law());
            }

            @Override
            public Instant refreshedAt() {
                return db.refreshedAt();
            }

            @Override
            public String municipalityCode() {
                return municipality;
            }

            @Override
            public String municipality() {
                return municipality;
            }
        };
    }

    /** The years with facts (besides the household count, which covers a fixed span), newest first. */
    public List<Integer> years(String municipality) {
        long generation = refreshRow(municipality).generation();
        // the years of a generation never change: read once per generation (a million households: 41 ms on every page)
        Years known = years.get(municipality);
        if (known != null && known.generation() == generation) {
            return known.years();
        }
        List<Integer> list = years(municipality, generation);
        years.put(municipality, new Years(generation, list));
        return list;
    }

    /** The years with facts of one generation (also one that is not current yet), newest first. */
    List<Integer> years(String municipality, long generation) {
        return List.copyOf(jdbc.sql("SELECT DISTINCT year FROM monitor_fact WHERE municipality_code = ? AND generation = ? "
                + "AND measure <> 'households.total' ORDER BY year DESC").params(municipality, generation).query(Integer.class).list());
    }

    /** A refresh row for a generation that is about to become current (its facts are all written). */
    static RefreshRow upcoming(long generation, Instant refreshedAt) {
        return new RefreshRow(generation, refreshedAt, null, null, null, null, "RUNNING", null, 0, null);
    }

    /** The kept suppression cube of a generation, table and year, as {@link CubeSuppression.Cube#encode} wrote it. */
    java.util.Optional<byte[]> cube(String municipality, long generation, String table, int year, int threshold) {
        return jdbc.sql("SELECT decisions FROM monitor_cube WHERE municipality_code = ? AND generation = ? AND table_name = ? AND year = ? "
                + "AND threshold = ?").params(municipality, generation, table, year, threshold).query(byte[].class).optional();
    }

    /** Removes every kept cube of a municipality (tests). */
    void forgetCubes(String municipality) {
        jdbc.sql("DELETE FROM monitor_cube WHERE municipality_code = ?").param(municipality).update();
    }

    /**
     * Keeps a decided cube, unless its generation is gone (a later refresh removed it) or it is kept already. A leftover of
     * a race with a refresh is removed by the next refresh and never read (the generation is part of the key).
     */
    void keepCube(String municipality, long generation, String table, int year, int threshold, byte[] decisions) {
        jdbc.sql("INSERT INTO monitor_cube (municipality_code, generation, table_name, year, threshold, decisions) "
                + "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM monitor_fact WHERE municipality_code = ? AND generation = ?) "
                + "ON CONFLICT (municipality_code, generation, table_name, year) DO UPDATE SET threshold = excluded.threshold, "
                + "decisions = excluded.decisions, decided_at = now()")
                .params(municipality, generation, table, year, threshold, decisions, municipality, generation).update();
    }

    private record Years(long generation, List<Integer> years) {
    }

    private final java.util.Map<String, Years> years = new java.util.concurrent.ConcurrentHashMap<>();

    /** The facts of one municipality: the table definitions of this module learn the municipality from it. */
    public interface Scoped extends MonitorFacts {
        String municipality();

        /** A value looked up once per computation of a cube (a team's name), or on every call outside one. */
        default <T> T memo(String key, java.util.function.Supplier<T> value) {
            return value.get();
        }

        /** The source's labels for these keys of a measure (the in-memory facts of a cube ask each key once). */
        default java.util.Map<String, String> labels(nl.leefwereld.monitor.MonitorSource source, String measure, java.util.Collection<String> keys) {
            return source.keyLabels(municipality(), measure, keys);
        }
    }

    private final class Facts implements Scoped {

        private final String municipality;
        private final long generation;
        private final Instant refreshedAt;

        Facts(String municipality, long generation, Instant refreshedAt) {
            this.municipality = municipality;
            this.generation = generation;
            this.refreshedAt = refreshedAt;
        }

        @Override
        public List<Fact> facts(String measure, MonitorQuery query) {
            return read(measure, query, true);
        }

        /** The municipality these facts are of (also outside a request: background exports, the nightly run, the benchmark). */
        @Override
        public String municipalityCode() {
            return municipality;
        }

        @Override
        public List<Fact> factsAllYears(String measure, MonitorQuery query) {
            return read(measure, query, false);
        }

        @Override
        public List<Fact> factsOfLaw(String measure, MonitorQuery query) {
            return read(measure, query, true, query.law() == null ? "" : query.law());
        }

        private List<Fact> read(String measure, MonitorQuery query, boolean oneYear) {
            return read(measure, query, oneYear, query.law());
        }

        /** {@code law}: null = every law; '' = the law-free facts only; otherwise that law. */
        private List<Fact> read(String measure, MonitorQuery query, boolean oneYear, String law) {
            if (generation == 0) {
                return List.of();
            }
            StringBuilder sql = new StringBuilder("""
                    SELECT measure, year, district_code, team_id, law, key1, key2, n, amount FROM monitor_fact
                     WHERE municipality_code = ? AND generation = ? AND measure = ?""");
            List<Object> params = new ArrayList<>(List.of(municipality, generation, measure));
            if (oneYear) {
                sql.append(" AND year = ?");
                params.add(query.year());
            }
            if (query.district() != null) {
                sql.append(" AND district_code = ?");
                params.add(query.district());
            }
            if (query.team() != null) {
                sql.append(" AND team_id = ?");
                params.add(query.team());
            }
            if (law != null) {
                sql.append(" AND law = ?");
                params.add(law);
            }
            return jdbc.sql(sql.toString()).params(params)
                    .query((rs, i) -> new Fact(rs.getString("measure"), rs.getInt("year"), rs.getString("district_code"),
                            rs.getObject("team_id", UUID.class), rs.getString("law"), rs.getString("key1"), rs.getString("key2"),
                            rs.getLong("n"), (BigDecimal) rs.getBigDecimal("amount")))
                    .list();
        }

        @Override
        public String municipality() {
            return municipality;
        }

        @Override
        public Instant refreshedAt() {
            return refreshedAt;
        }
    }
}
