package nl.leefwereld.monitor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.District;
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
        refresh.onRefreshed(this::warm);
    }

    /** Computes the cubes of the newest year (all laws and each law) of every table after a refresh, so that their first view is quick too. */
    private final java.util.concurrent.ExecutorService warmer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitor-warm");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void destroy() {
        warmer.shutdownNow();
    }

    private void warm(String municipality) {
        warmer.submit(() -> {
            try {
                int year = yearsOf(municipality).get(0);
                List<String> laws = new ArrayList<>();
                laws.add(null);
                laws.addAll(MonitorQuery.LAWS);
                for (String law : laws) {
                    for (MonitorTableName name : definitions.keySet()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        tableFor(municipality, name, new MonitorQuery(year, null, law, null));
                    }
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MonitorService.class).warn("monitor cubes of {} not warmed: {}", municipality,
                        e.getClass().getSimpleName());
            }
        });
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
     * with the same table for all districts, every district and every team ({@link CubeSuppression}, computed once per
     * refresh generation, table, year and law), so that no query can be subtracted from another.
     */
    public MonitorTable tableFor(String municipality, MonitorTableName name, MonitorQuery query) {
        MonitorTableDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new NotFoundException("monitortabel");
        }
        long generation = store.refreshRow(municipality).generation();
        // the money and indicator tables also show reference data that changes between refreshes
        String reference = name == MonitorTableName.MONEY || name == MonitorTableName.INDICATORS ? store.referenceStamp(municipality) : "";
        CubeKey key = new CubeKey(municipality, generation, reference, name, query.year(), query.law());
        if (name == MonitorTableName.INDICATORS) {
            // the indicator sheet is the municipality's, whatever the filters: every query gives the same table, so there is
            // nothing to subtract and no cube to compute (it would read the indicators once per district and team)
            return Suppression.apply(definition.compute(query, store.facts(municipality)), settings.threshold());
        }
        if (query.district() != null && query.team() != null) {
            // a district and a team together: the facts of both filters (a request's team need not be the district's);
            // this combination is suppressed on its own (docs/SECURITY.md, known limits)
            return Suppression.apply(definition.compute(query, store.facts(municipality)), settings.threshold());
        }
        java.util.concurrent.CompletableFuture<CubeSuppression.Cube> pending;
        boolean mine = false;
        synchronized (cubes) {
            pending = cubes.get(key);
            if (pending == null) {
                // one computation per cube: a second request (or the warm-up) waits for the first
                pending = new java.util.concurrent.CompletableFuture<>();
                cubes.put(key, pending);
                mine = true;
            }
        }
        if (mine) {
            try {
                pending.complete(cube(municipality, definition, query));
            } catch (RuntimeException e) {
                synchronized (cubes) {
                    cubes.remove(key);
                }
                pending.completeExceptionally(e);
                throw e;
            }
        }
        CubeSuppression.Cube cube = pending.join();
        MonitorTable t;
        if (query.district() == null && query.team() == null) {
            t = cube.all();
        } else if (query.team() == null) {
            t = cube.districts().get(query.district());
        } else {
            t = cube.teams().get(query.team());
        }
        if (t == null) {
            // a scope outside the cube (a team that serves no district): its own table
            return Suppression.apply(definition.compute(query, store.facts(municipality)), settings.threshold());
        }
        return new MonitorTable(t.name(), t.title(), t.explanation(), query, t.columns(), t.rows(), t.notes(), t.refreshedAt(), t.threshold(),
                t.chart());
    }

    private record CubeKey(String municipality, long generation, String reference, MonitorTableName name, int year, String law) {
    }

    /** The last cubes used (a generation's cubes stop being asked for after the next refresh and age out). */
    private final Map<CubeKey, java.util.concurrent.CompletableFuture<CubeSuppression.Cube>> cubes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CubeKey, java.util.concurrent.CompletableFuture<CubeSuppression.Cube>> eldest) {
            return size() > 48;
        }
    };

    private CubeSuppression.Cube cube(String municipality, MonitorTableDefinition definition, MonitorQuery query) {
        FactStore.Scoped facts = store.inMemory(municipality);
        MonitorTable all = definition.compute(new MonitorQuery(query.year(), null, query.law(), null), facts);
        Map<String, MonitorTable> districts = new LinkedHashMap<>();
        for (District d : directory.districts(municipality)) {
            districts.put(d.code(), definition.compute(new MonitorQuery(query.year(), d.code(), query.law(), null), facts));
        }
        Map<UUID, Set<String>> served = new LinkedHashMap<>();
        directory.teamsServing(municipality).forEach((district, team) -> served.computeIfAbsent(team.id(), k -> new java.util.TreeSet<>()).add(district));
        Map<UUID, MonitorTable> teams = new LinkedHashMap<>();
        for (UUID team : served.keySet()) {
            teams.put(team, definition.compute(new MonitorQuery(query.year(), null, query.law(), team), facts));
        }
        return CubeSuppression.apply(all, districts, teams, served, settings.threshold());
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
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = store.years(municipality).stream().filter(y -> y <= thisYear).toList();
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
        int y = yearsOf(me.municipalityCode()).get(0);
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.strip());
                e.check(y >= 2000 && y <= 2100, "year", "Kies een jaar tussen 2000 en 2100.");
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
