package nl.leefwereld.wmo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The term overview for case directors and team leads: the team's running terms (due, overdue, suspended) and, per
 * team and law, the share of decisions taken within the legal term (counts only, no personal data).
 */
@Controller
class TermOverviewController {

    private final WmoService service;
    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Households households;
    private final Directory directory;
    private final Clock clock;
    private final TermSettings settings;

    TermOverviewController(WmoService service, JdbcClient jdbc, AccessPolicy access, AuditLog audit, Households households, Directory directory,
                           Clock clock, TermSettings settings) {
        this.service = service;
        this.settings = settings;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.households = households;
        this.directory = directory;
        this.clock = clock;
    }

    record Running(UUID requestId, String household, String law, String state, String step, LocalDate due, String status, boolean overdue,
                   boolean suspended) {
    }

    record Share(String team, String law, int decisions, int inTime, String percentage) {
    }

    /** A decided provision that ends soon: re-assess before it ends, so structural help does not silently stop. */
    record Ending(UUID requestId, String household, String provision, LocalDate endOn, long daysLeft) {
    }

    /** How long before the end date a re-assessment shows up. */
    static final int REASSESS_WEEKS = 8;

    @GetMapping("/wmo/termijnen")
    String overview(Model model) {
        CurrentUser me = CurrentUsers.get();
        String m = me.municipalityCode();
        LocalDate today = LocalDate.now(clock);
        // What can have a running term: a melding (research), an aanvraag (decision), and a decision whose objection term
        // may still run (no term setting, suspension or extension carries it two years past the decision); the objection
        // terms that have ended are left out below. Decisions of earlier years are not running terms.
        List<WmoService.Row> open = me.teamId() == null ? List.of() : jdbc.sql("""
                        SELECT * FROM wmo_request WHERE municipality_code = ? AND team_id = ?
                           AND (state IN ('MELDING','AANVRAAG') OR (state = 'BESCHIKT' AND decided_on >= ?))""")
                .params(m, me.teamId(), today.minusYears(2)).query(WmoService::row).list();
        Set<UUID> visible = access.accessibleHouseholds(me, open.stream().map(WmoService.Row::householdId).toList());
        List<WmoService.Row> shown = open.stream().filter(r -> visible.contains(r.householdId())).toList();
        Map<UUID, List<WmoService.Change>> changes = service.changes(m, shown.stream().map(WmoService.Row::id).toList());
        nl.leefwereld.wmo.Terms terms = settings.snapshot(m);
        Map<UUID, HouseholdRef> refs = households.refs(m, shown.stream().map(WmoService.Row::householdId).toList());
        List<Running> running = new ArrayList<>();
        List<WmoService.Row> listed = new ArrayList<>();
        for (WmoService.Row r : shown) {
            TermStep step = switch (r.state()) {
                case MELDING -> TermStep.ONDERZOEK;
                case AANVRAAG -> TermStep.BESCHIKKING;
                default -> TermStep.BEZWAAR;
            };
            service.termStatuses(m, r, changes.getOrDefault(r.id(), List.of()), terms).stream().filter(t -> t.step() == step)
                    .filter(t -> step != TermStep.BEZWAAR || !today.isAfter(t.due())).findFirst().ifPresent(t -> {
                        listed.add(r);
                        running.add(new Running(r.id(), refs.containsKey(r.householdId()) ? refs.get(r.householdId()).name() : "?",
                                r.law().label(), r.state().label(), t.step().label(), t.due(), t.status(),
                                step != TermStep.BEZWAAR && t.doneOn() == null && today.isAfter(t.due()), t.suspended()));
                    });
        }
        running.sort(Comparator.comparing(Running::due));
        if (!listed.isEmpty()) {
            audit.recordAll(me, listed.stream().map(r -> AuditEntry.read("WMO_REQUEST", r.id(), r.householdId(), r.personId(), "termijnoverzicht")).toList());
        }
        List<Ending> ending = new ArrayList<>();
        if (me.teamId() != null) {
            List<Object[]> lines = jdbc.sql("""
                            SELECT r.id, r.household_id, v.name, l.end_on FROM wmo_decision_line l
                            JOIN wmo_request r ON r.municipality_code = l.municipality_code AND r.id = l.request_id
                            JOIN provision v ON v.municipality_code = l.municipality_code AND v.id = l.provision_id
                            WHERE l.municipality_code = ? AND r.team_id = ? AND l.end_on BETWEEN ? AND ? ORDER BY l.end_on""")
                    .params(m, me.teamId(), today, today.plusWeeks(REASSESS_WEEKS))
                    .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class)})
                    .list();
            Set<UUID> canSee = access.accessibleHouseholds(me, lines.stream().map(x -> (UUID) x[1]).toList());
            Map<UUID, HouseholdRef> endingRefs = households.refs(m, canSee);
            for (Object[] x : lines) {
                if (canSee.contains((UUID) x[1])) {
                    ending.add(new Ending((UUID) x[0], endingRefs.containsKey((UUID) x[1]) ? endingRefs.get((UUID) x[1]).name() : "?", (String) x[2],
                            (LocalDate) x[3], java.time.temporal.ChronoUnit.DAYS.between(today, (LocalDate) x[3])));
                }
            }
        }
        model.addAttribute("ending", ending);
        model.addAttribute("nav", "termijnen");
        model.addAttribute("running", running);
        model.addAttribute("overdue", running.stream().filter(Running::overdue).count());
        model.addAttribute("suspended", running.stream().filter(Running::suspended).count());
        LocalDate since = today.minusMonths(SHARE_MONTHS).plusDays(1);
        model.addAttribute("shares", shares(m, since, today));
        model.addAttribute("sharesSince", since);
        model.addAttribute("team", me.teamId() == null ? null : directory.team(m, me.teamId()).map(TeamRef::name).orElse(null));
        return "wmo/term-overview";
    }

    /** The share in time covers the decisions of this many months up to today. */
    static final int SHARE_MONTHS = 12;

    /**
     * Per team and law: decisions on an aanvraag of the last {@link #SHARE_MONTHS} months, and how many within the
     * legal decision term (suspensions, extensions and closed days counted) — computed in the database, the same way
     * as the monitor's timeliness. A decision without an aanvraag had no decision term and is not counted.
     */
    private List<Share> shares(String m, LocalDate since, LocalDate today) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<UUID, String> teamNames = new LinkedHashMap<>();
        jdbc.sql(WmoMonitorSource.decidedWithinTermQuery()).params(m, today, since).query(rs -> {
            UUID teamId = rs.getObject("team_id", UUID.class);
            String team = teamId == null ? "?" : teamNames.computeIfAbsent(teamId, t -> directory.team(m, t).map(TeamRef::name).orElse("?"));
            String law = nl.leefwereld.wmo.Law.valueOf(rs.getString("law")).label();
            int[] c = counts.computeIfAbsent(team + "\u0000" + law, k -> new int[2]);
            c[0] += rs.getInt("decisions");
            c[1] += rs.getInt("in_time");
        });
        List<Share> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] parts = k.split("\u0000");
            out.add(new Share(parts[0], parts[1], c[0], c[1], Math.round(100.0 * c[1] / c[0]) + "%"));
        });
        return out;
    }
}
