package nl.leefwereld.monitor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monitor's one way out: who may see it (policy officers and council members everything, a team lead only their
 * own team), the query checked, the table computed from the current generation and always small-cell suppressed.
 */
@Service
public class MonitorService implements Monitor, org.springframework.beans.factory.DisposableBean {

    private final Map<MonitorTableName, MonitorTableDefinition> definitions = new EnumMap<>(MonitorTableName.class);
    private final FactStore store;
    private final MonitorRefreshService refresh;
    private final Directory directory;
    private final Clock clock;
    private final MonitorSettings settings;

    MonitorService(List<MonitorTableDefinition> definitions, FactStore store, MonitorRefreshService refresh, Directory directory,
                   Clock clock, MonitorSettings settings) {
        for (MonitorTableDefinition d : definitions) {
            if (this.definitions.put(d.name(), d) != null) {
                throw new IllegalStateException("two definitions of monitor table " + d.name());
            }
        }
        this.store = store;
        this.refresh = refresh;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
        refresh.beforeSwitch(new MonitorRefreshService.Preparation() {
            @Override
            public void prepare(String municipality, long generation, java.time.Instant refreshedAt) {
                MonitorService.this.prepare(municipality, generation, refreshedAt);
            }

            @Override
            public void abandoned(String municipality, long generation) {
                forget(municipality, g -> g == generation);
            }
        });
        refresh.onRefreshed(this::warm);
    }

    /**
     * Decides the cubes of every table and year of a new generation before it becomes current (called by the refresh, on
     * its thread), so that no first view after a refresh waits for one; each is kept in the database for a restart.
     */
    private void prepare(String municipality, long generation, java.time.Instant refreshedAt) {
        if (!settings.warmCubes()) {
            return;
        }
        long started = System.nanoTime();
        long current = store.refreshRow(municipality).generation();
        FactStore.RefreshRow row = FactStore.upcoming(generation, refreshedAt);
        List<CubeKey> keys = new ArrayList<>();
        for (int year : reported(store.years(municipality, generation))) {
            for (MonitorTableName name : definitions.keySet()) {
                if (name != MonitorTableName.INDICATORS) {
                    keys.add(new CubeKey(municipality, generation, name, year));
                }
            }
        }
        // two cubes at a time, whatever the number of cores (a cube's tables use every core, its suppression one: the
        // suppression of one beside the tables of the next; more at once would only hold more tables in memory); every
        // cube started is waited for, also when one fails, so nothing of this generation is still being kept afterwards;
        // the refresh's interrupt is seen by every task
        Thread refreshing = Thread.currentThread();
        java.util.Queue<CubeKey> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(keys);
        Runnable drain = () -> {
            for (CubeKey key = queue.poll(); key != null && !refreshing.isInterrupted(); key = queue.poll()) {
                cube(key, row, definitions.get(key.name()), current, false);
            }
        };
        java.util.concurrent.CompletableFuture<Void> second = java.util.concurrent.CompletableFuture.runAsync(drain, preparer);
        try {
            drain.run();
        } catch (RuntimeException e) {
            queue.clear();
            second.exceptionally(x -> null).join();
            throw e;
        }
        try {
            second.join();   // waits also when interrupted; the second thread sees the interrupt and stops after its cube
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        org.slf4j.LoggerFactory.getLogger(MonitorService.class).info("monitor cubes of {} generation {} decided before it counts: {} tables × years in {} ms",
                municipality, generation, keys.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Decides the cubes of every table and year after a refresh, newest year first, so that a first view is quick too. */
    private final java.util.concurrent.ExecutorService warmer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitor-warm");
        t.setDaemon(true);
        return t;
    });

    /** The second thread of a refresh's preparation (the refreshing thread is the first). */
    private final java.util.concurrent.ExecutorService preparer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitor-prepare");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void destroy() {
        warmer.shutdownNow();
        preparer.shutdownNow();
    }

    /** After a start the cubes of the figures already there are decided in the background too (a start caches none). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmAtStart() {
        store.refreshedMunicipalities().forEach(this::warm);
    }

    private void warm(String municipality) {
        // the cubes of generations before the current one are never asked for again (a refresh prepared the current one's)
        long current = store.refreshRow(municipality).generation();
        forget(municipality, g -> g < current);
        if (!settings.warmCubes()) {
            return;
        }
        warmer.submit(() -> {
            long started = System.nanoTime();
            int cubes = 0;
            try {
                for (int year : yearsOf(municipality)) {
                    for (MonitorTableName name : definitions.keySet()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        tableFor(municipality, name, new MonitorQuery(year, null, null, null));
                        cubes++;
                    }
                }
                org.slf4j.LoggerFactory.getLogger(MonitorService.class).info("monitor cubes of {} decided: {} tables × years in {} ms", municipality,
                        cubes, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MonitorService.class).warn("monitor cubes of {} not warmed: {}", municipality,
                        e.getClass().getSimpleName());
            }
        });
    }

    /** Waits until every warm-up queued so far has finished (the benchmark: not timing a refresh beside one). */
    public void awaitWarm() {
        try {
            warmer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The signed-in user, if they may see the monitor; 403 otherwise. */
    public static CurrentUser viewer() {
        CurrentUser me = CurrentUsers.get();
        if (me.has(Role.POLICY_OFFICER) || me.has(Role.COUNCIL)) {
            return me;
        }
        if (me.has(Role.TEAM_LEAD) && me.teamId() != null) {
            return me;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Geen toegang tot de monitor");
    }

    /** A team lead who is neither policy officer nor council member sees only their own team. */
    public static Optional<UUID> forcedTeam(CurrentUser me) {
        return me.has(Role.POLICY_OFFICER) || me.has(Role.COUNCIL) ? Optional.empty() : Optional.ofNullable(me.teamId());
    }

    public int threshold() {
        return settings.threshold();
    }

    public boolean available(MonitorTableName name) {
        return definitions.containsKey(name);
    }

    @Override
    public MonitorTable table(MonitorTableName name, MonitorQuery query) {
        CurrentUser me = viewer();
        MonitorQuery q = forcedTeam(me).map(t -> new MonitorQuery(query.year(), query.district(), query.law(), t)).orElse(query);
        return tableFor(me.municipalityCode(), name, q);
    }

    /**
     * The suppressed table of a municipality, without a user (background exports, the benchmark). Suppressed together
     * with the same table for every other law and place filter of the year ({@link CubeSuppression}, decided once per
     * refresh generation, table and year), so that no query can be subtracted from another.
     */
    public MonitorTable tableFor(String municipality, MonitorTableName name, MonitorQuery query) {
        MonitorTableDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new NotFoundException("monitortabel");
        }
        if (name == MonitorTableName.INDICATORS) {
            // the indicator sheet is the municipality's, whatever the filters: every query gives the same table, so there is
            // nothing to subtract and no cube to compute (it would read the indicators once per district and team)
            return Suppression.apply(definition.compute(query, store.facts(municipality)), settings.threshold());
        }
        CubeSuppression.Scope scope = CubeSuppression.Scope.of(query);
        MonitorTable raw = null;
        boolean stale = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            // the table and its cube from the same generation; read again if a refresh finished in between
            FactStore.RefreshRow row = store.refreshRow(municipality);
            raw = definition.compute(query, store.facts(municipality, row));
            CubeKey key = new CubeKey(municipality, row.generation(), name, query.year());
            java.util.Optional<MonitorTable> t;
            try {
                t = cube(key, row, definition, row.generation(), stale).suppress(scope, raw);
            } catch (GenerationReplaced e) {
                continue;   // a refresh finished while the cube was computed: the table and the cube of the new figures
            }
            if (t.isPresent()) {
                return t.get();
            }
            // the cube decided on another table (a team or provision renamed, the budget changed, or the table was read
            // while a refresh removed its figures): both again
            synchronized (cubes) {
                cubes.remove(key);
            }
            stale = true;   // decided again from the facts, not read back from the database
        }
        disagreements.incrementAndGet();
        org.slf4j.LoggerFactory.getLogger(MonitorService.class).error("monitor table {} {} of {} differs from its suppression cube: "
                + "every count hidden", name, scope, municipality);
        return CubeSuppression.hideEveryCount(raw, settings.threshold());
    }

    /** How often a table had to be shown with every count hidden because its cube could not vouch for it (tests: 0). */
    private final java.util.concurrent.atomic.AtomicLong disagreements = new java.util.concurrent.atomic.AtomicLong();

    long disagreements() {
        return disagreements.get();
    }

    /** How many cubes were decided from the facts (not read back from the database): for this module's tests. */
    private final java.util.concurrent.atomic.AtomicLong decided = new java.util.concurrent.atomic.AtomicLong();

    long cubesDecided() {
        return decided.get();
    }

    /** Forgets the cached cubes of a municipality (not those kept in the database), as a restart does: for the benchmark. */
    public void forgetCubes(String municipality) {
        forgetCubes(municipality, false);
    }

    /** Forgets the cached cubes of a municipality, as a restart does, and with {@code kept} also those in the database (tests). */
    void forgetCubes(String municipality, boolean kept) {
        forget(municipality, g -> true);
        if (kept) {
            store.forgetCubes(municipality);
        }
    }

    /** Drops the cached cubes of a municipality whose generation matches (a pending one too: its waiters keep theirs). */
    private void forget(String municipality, java.util.function.LongPredicate generation) {
        synchronized (cubes) {
            cubes.keySet().removeIf(k -> k.municipality().equals(municipality) && generation.test(k.generation()));
        }
    }

    /** The generations whose cubes are cached for a municipality (tests: only the current one after a refresh). */
    java.util.Set<Long> cachedGenerations(String municipality) {
        synchronized (cubes) {
            return cubes.keySet().stream().filter(k -> k.municipality().equals(municipality)).map(CubeKey::generation)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** How many scopes the cached cube of a table and year has (0 when none is cached): for the benchmark. */
    public int cubeScopes(String municipality, MonitorTableName name, int year) {
        long generation = store.refreshRow(municipality).generation();
        java.util.concurrent.CompletableFuture<CubeSuppression.Cube> f;
        synchronized (cubes) {
            f = cubes.get(new CubeKey(municipality, generation, name, year));
        }
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? 0 : f.join().scopes();
    }

    private record CubeKey(String municipality, long generation, MonitorTableName name, int year) {
    }

    /** A refresh replaced the generation a cube was being computed for. */
    private static final class GenerationReplaced extends RuntimeException {
        GenerationReplaced() {
            super(null, null, false, false);
        }
    }

    /**
     * The cubes of recent generations: a cube keeps only its decisions (a fingerprint and the extra hidden cells per
     * scope), so every table and year of a municipality fits; a newer generation drops the older ones.
     */
    private final Map<CubeKey, java.util.concurrent.CompletableFuture<CubeSuppression.Cube>> cubes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CubeKey, java.util.concurrent.CompletableFuture<CubeSuppression.Cube>> eldest) {
            return size() > 256;
        }
    };

    /**
     * The cube of a key, computed once: a second request (or the warm-up) waits for the first. One kept in the database is
     * read back (unless {@code stale}: the kept one decided on other tables); a computed one is kept there.
     *
     * @param keepFrom cached cubes of older generations than this one are dropped
     */
    private CubeSuppression.Cube cube(CubeKey key, FactStore.RefreshRow row, MonitorTableDefinition definition, long keepFrom, boolean stale) {
        java.util.concurrent.CompletableFuture<CubeSuppression.Cube> pending;
        boolean mine = false;
        synchronized (cubes) {
            pending = cubes.get(key);
            if (pending == null) {
                forget(key.municipality(), g -> g < keepFrom);
                pending = new java.util.concurrent.CompletableFuture<>();
                cubes.put(key, pending);
                mine = true;
            }
        }
        if (mine) {
            try {
                pending.complete(stale ? decide(key, row, definition) : kept(key).orElseGet(() -> decide(key, row, definition)));
            } catch (RuntimeException | Error e) {
                // never leave a pending cube behind: every later request would wait for it forever
                synchronized (cubes) {
                    cubes.remove(key, pending);
                }
                pending.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The cube kept in the database for this key and the configured threshold, if any and readable. */
    private java.util.Optional<CubeSuppression.Cube> kept(CubeKey key) {
        try {
            return store.cube(key.municipality(), key.generation(), key.name().key(), key.year(), settings.threshold())
                    .flatMap(CubeSuppression.Cube::decode).filter(c -> c.threshold() == settings.threshold());
        } catch (RuntimeException e) {
            // not readable now: decided from the facts instead (the page still gets its table)
            org.slf4j.LoggerFactory.getLogger(MonitorService.class).warn("monitor cube {} {} of {} not read back: {}", key.name(), key.year(),
                    key.municipality(), e.getClass().getSimpleName());
            return java.util.Optional.empty();
        }
    }

    /** A cube computed from the facts and kept in the database (a failure to keep it only costs a restart's time). */
    private CubeSuppression.Cube decide(CubeKey key, FactStore.RefreshRow row, MonitorTableDefinition definition) {
        CubeSuppression.Cube c = computeCube(key, row, definition);
        try {
            store.keepCube(key.municipality(), key.generation(), key.name().key(), key.year(), c.threshold(), c.encode());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MonitorService.class).warn("monitor cube {} {} of {} not kept: {}", key.name(), key.year(),
                    key.municipality(), e.getClass().getSimpleName());
        }
        return c;
    }

    /**
     * Every scope of a table and year: all laws and each law, times all districts, each district, each team and each
     * district and team together that has facts. Facts are read once ({@link FactStore#inMemory}); a district and team
     * together with the same facts as the district (or the team) is the same table.
     */
    private CubeSuppression.Cube computeCube(CubeKey key, FactStore.RefreshRow row, MonitorTableDefinition definition) {
        long tStart = System.nanoTime();
        decided.incrementAndGet();
        FactStore.InMemory facts = store.inMemory(key.municipality(), row);
        int year = key.year();
        Map<CubeSuppression.Scope, MonitorTable> raw = new LinkedHashMap<>();
        raw.put(CubeSuppression.Scope.ALL, definition.compute(CubeSuppression.Scope.ALL.query(year), facts));
        // first every law's whole, districts and teams, then the districts and teams together (which may be the same table
        // as their district's or team's); the tables of one step on all cores (the facts are read already and shared)
        List<List<CubeSuppression.Scope>> steps = scopes(facts.atoms());
        List<CubeSuppression.Scope> places = steps.get(0);
        List<CubeSuppression.Scope> together = steps.get(1);
        Map<CubeSuppression.Scope, MonitorTable> computed = new java.util.concurrent.ConcurrentHashMap<>(raw);
        places.parallelStream().filter(scope -> !computed.containsKey(scope))
                .forEach(scope -> computed.put(scope, definition.compute(scope.query(year), facts)));
        together.parallelStream().forEach(scope -> {
            MonitorQuery q = scope.query(year);
            CubeSuppression.Scope district = new CubeSuppression.Scope(scope.law(), scope.district(), null);
            CubeSuppression.Scope team = new CubeSuppression.Scope(scope.law(), null, scope.team());
            MonitorTable same = facts.sameFacts(q, district.query(year)) ? computed.get(district)
                    : facts.sameFacts(q, team.query(year)) ? computed.get(team) : null;
            computed.put(scope, same != null ? same : definition.compute(q, facts));
        });
        places.forEach(scope -> raw.put(scope, computed.get(scope)));
        together.forEach(scope -> raw.put(scope, computed.get(scope)));
        if (store.refreshRow(key.municipality()).generation() > key.generation()) {
            // its facts may have gone while they were read: a cube is only kept when no newer generation replaced its own
            // (a refresh prepares the generation after the current one; nothing else removes facts)
            throw new GenerationReplaced();
        }
        long t0 = System.nanoTime();
        CubeSuppression.Cube c = CubeSuppression.apply(raw, settings.threshold());
        org.slf4j.LoggerFactory.getLogger(MonitorService.class).debug("cube {} {} of {}: {} scopes, tables {} ms, suppression {} ms", key.name(),
                key.year(), key.municipality(), c.scopes(), (t0 - tStart) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        return c;
    }

    /**
     * The scopes of a cube from the (district, team) combinations of its facts, in a fixed order: [every law × (all, each
     * district, each team)], [every law × each district and team together].
     */
    static List<List<CubeSuppression.Scope>> scopes(java.util.Set<FactStore.Atom> atoms) {
        java.util.Set<String> districts = new java.util.TreeSet<>();
        java.util.Set<UUID> teams = new java.util.TreeSet<>();
        java.util.Set<FactStore.Atom> pairs = new java.util.TreeSet<>(java.util.Comparator.comparing(FactStore.Atom::district)
                .thenComparing(FactStore.Atom::team));
        for (FactStore.Atom a : atoms) {
            if (a.district() != null) {
                districts.add(a.district());
            }
            if (a.team() != null) {
                teams.add(a.team());
            }
            if (a.district() != null && a.team() != null) {
                pairs.add(a);
            }
        }
        List<String> laws = new ArrayList<>();
        laws.add(null);
        laws.addAll(MonitorQuery.LAWS);
        List<CubeSuppression.Scope> places = new ArrayList<>();
        List<CubeSuppression.Scope> together = new ArrayList<>();
        for (String law : laws) {
            places.add(new CubeSuppression.Scope(law, null, null));
            districts.forEach(d -> places.add(new CubeSuppression.Scope(law, d, null)));
            teams.forEach(t -> places.add(new CubeSuppression.Scope(law, null, t)));
            pairs.forEach(p -> together.add(new CubeSuppression.Scope(law, p.district(), p.team())));
        }
        return List.of(places, together);
    }

    /** A table's definition: for this module's tests and checks only. */
    MonitorTableDefinition definition(MonitorTableName name) {
        return definitions.get(name);
    }

    /** The raw (unsuppressed) table: for this module's tests only. */
    MonitorTable rawTableFor(String municipality, MonitorTableName name, MonitorQuery query) {
        return definitions.get(name).compute(query, store.facts(municipality));
    }

    @Override
    public List<Integer> years() {
        return yearsOf(viewer().municipalityCode());
    }

    List<Integer> yearsOf(String municipality) {
        // provisions decided today may run into later years; the monitor reports what happened, up to this year
        return reported(store.years(municipality));
    }

    /** The years of a generation the monitor reports (up to this year; this year when there are none). */
    private List<Integer> reported(List<Integer> withFacts) {
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = withFacts.stream().filter(y -> y <= thisYear).toList();
        return years.isEmpty() ? List.of(thisYear) : years;
    }

    @Override
    public List<Choice> districts() {
        return directory.districts(viewer().municipalityCode()).stream().map(d -> new Choice(d.code(), d.name())).toList();
    }

    /** The teams that serve a district (the team filter's choices), by name. */
    public List<Choice> teams() {
        String m = viewer().municipalityCode();
        // one look-up for all districts (one per district took 140 ms of every monitor page at 200 districts)
        Map<UUID, String> teams = new LinkedHashMap<>();
        directory.teamsServing(m).values().forEach(t -> teams.put(t.id(), t.name()));
        List<Choice> out = new ArrayList<>();
        teams.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> out.add(new Choice(e.getKey().toString(), e.getValue())));
        return out;
    }

    @Override
    public MonitorQuery defaultQuery() {
        CurrentUser me = viewer();
        return new MonitorQuery(yearsOf(me.municipalityCode()).get(0), null, null, forcedTeam(me).orElse(null));
    }

    /**
     * The query from request parameters as typed ({@code year}, {@code district}, {@code law}, {@code team}); blank means
     * the default. Errors name the parameter, in Dutch.
     */
    public MonitorQuery parse(String year, String district, String law, String team) {
        CurrentUser me = viewer();
        FieldErrors e = new FieldErrors();
        List<Integer> years = yearsOf(me.municipalityCode());
        int y = years.get(0);
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.strip());
                String error = MonitorFilters.yearError(y, years);
                if (error != null) {
                    e.add("year", error);
                }
            } catch (NumberFormatException ex) {
                e.add("year", "Vul een jaar in met vier cijfers, bijvoorbeeld 2026.");
            }
        }
        String d = FieldErrors.trimToNull(district);
        if (d != null && directory.district(me.municipalityCode(), d).isEmpty()) {
            e.add("district", "Deze wijk bestaat niet in uw gemeente.");
        }
        String l = FieldErrors.trimToNull(law);
        if (l != null && !MonitorQuery.LAWS.contains(l)) {
            e.add("law", "Kies een wet: WMO, JEUGDWET of PARTICIPATIEWET.");
        }
        String t = FieldErrors.trimToNull(team);
        UUID teamId = null;
        if (t != null) {
            teamId = FieldErrors.idOrNull(t);
            if (teamId == null || directory.team(me.municipalityCode(), teamId).isEmpty()) {
                e.add("team", "Dit team bestaat niet in uw gemeente.");
                teamId = null;
            }
        }
        e.throwIfAny();
        UUID forced = forcedTeam(me).orElse(null);
        return new MonitorQuery(y, d, l, forced != null ? forced : teamId);
    }

    @Override
    public RefreshState refreshState() {
        return stateOf(viewer().municipalityCode());
    }

    RefreshState stateOf(String municipality) {
        FactStore.RefreshRow row = store.refreshRow(municipality);
        boolean running = "RUNNING".equals(row.status()) || refresh.busy(municipality);
        return new RefreshState(row.generation() == 0 ? null : row.refreshedAt(), running, row.percent(), row.step());
    }

    /** The full refresh row (status, error, duration) for the pages and the API. */
    public FactStore.RefreshRow refreshRow() {
        return store.refreshRow(viewer().municipalityCode());
    }

    /** Starts a background refresh of the user's municipality (policy officers); false when one was already running. */
    public boolean startRefresh() {
        CurrentUser me = viewer();
        if (!me.has(Role.POLICY_OFFICER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen beleidsmedewerkers vernieuwen de monitor");
        }
        return refresh.start(me.municipalityCode());
    }

    /** The team's name for a filter label. */
    public String teamName(UUID team) {
        return team == null ? null : directory.team(viewer().municipalityCode(), team).map(TeamRef::name).orElse(null);
    }
}
