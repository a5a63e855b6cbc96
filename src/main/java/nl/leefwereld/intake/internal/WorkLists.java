package nl.leefwereld.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.intake.internal.CaseRepository.CaseFilter;
import nl.leefwereld.intake.internal.CaseRepository.CaseLine;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bounded work lists: "Mijn werk" (the cases I direct, the team's new notifications) and the team caseload. Keyset
 * pages of at most {@link #MAX_SIZE}, true counts, the household names of a page in one query, and one audit batch for
 * the households a page shows.
 */
@Service
@Transactional(readOnly = true)
class WorkLists {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;

    private final CaseRepository cases;
    private final Households households;
    private final AuditLog audit;

    WorkLists(CaseRepository cases, Households households, AuditLog audit) {
        this.cases = cases;
        this.households = households;
        this.audit = audit;
    }

    /** A page of a list: its lines, the cursor of the next page (null on the last) and the true number of lines in all pages. */
    record Page(List<CaseLine> lines, String next, long total) {
    }

    // ------------------------------------------------------------------------------------------------ parameters

    /** The page size as typed: empty is the default; anything but 1 to 100 is a field error (no unbounded lists). */
    static int size(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "Kies een aantal per pagina van 1 tot en met " + MAX_SIZE + ".");
        return DEFAULT_SIZE;
    }

    /** The cursor as sent: empty is the first page; anything that is not a cursor of ours is a field error. */
    static CaseKey after(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        CaseKey key = text.length() > 400 ? null : CaseKey.decode(text);
        if (key == null) {
            errors.add(field, "Deze vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.");
        }
        return key;
    }

    static <E extends Enum<E>> E optional(FieldErrors errors, String field, String text, Class<E> type, String label) {
        return text == null || text.isBlank() ? null : errors.oneOf(field, text, type, label);
    }

    // ------------------------------------------------------------------------------------------------ Mijn werk

    record MyWork(Page mine, Page open, long openNotifications, Map<UUID, HouseholdRef> refs) {
    }

    MyWork myWork(CurrentUser me, CaseKey afterMine, CaseKey afterOpen, int size) {
        String m = me.municipalityCode();
        Page mine = page(cases.casesDirectedBy(m, me.id(), afterMine, size + 1), size, false, CaseSort.NEWEST,
                cases.count(m, new CaseFilter(null, me.id(), null, null), false));
        Page open = me.teamId() == null ? new Page(List.of(), null, 0)
                : page(cases.openForTeam(m, me.teamId(), afterOpen, size + 1), size, true, CaseSort.NEWEST,
                cases.count(m, new CaseFilter(me.teamId(), null, null, null), true));
        long openNotifications = me.teamId() == null ? 0 : cases.openNotificationsOfTeam(m, me.teamId());
        List<CaseLine> shown = new ArrayList<>(mine.lines());
        shown.addAll(open.lines());
        return new MyWork(mine, open, openNotifications, namesAudited(me, shown, "werklijst"));
    }

    // ------------------------------------------------------------------------------------------------ team caseload

    record CaseloadQuery(UUID directorId, String districtCode, CaseStatus status, CaseSort sort, CaseKey after, int size) {
    }

    record Caseload(Page page, Map<UUID, HouseholdRef> refs, boolean canReassign) {
    }

    /** The team lead's, and the team's case directors' (read-only), view of every case of their own team. */
    Caseload caseload(CurrentUser me, UUID teamId, CaseloadQuery q) {
        requireTeam(me, teamId);
        String m = me.municipalityCode();
        CaseFilter filter = new CaseFilter(teamId, q.directorId(), q.districtCode(), q.status());
        CaseSort sort = q.sort() == null ? CaseSort.NEWEST : q.sort();
        Page page = page(cases.page(m, filter, false, sort, q.after(), q.size() + 1), q.size(), false, sort, cases.count(m, filter, false));
        return new Caseload(page, namesAudited(me, page.lines(), "werkvoorraad team"), me.has(Role.TEAM_LEAD));
    }

    /**
     * Only the own team's lead and case directors. Another team's address is "not found" (whether that team exists is not
     * told); a role without caseload work is refused (the route rules already do so).
     */
    static void requireTeam(CurrentUser me, UUID teamId) {
        if (!(me.has(Role.TEAM_LEAD) || me.has(Role.CASE_DIRECTOR))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (me.teamId() == null || !me.teamId().equals(teamId)) {
            throw new nl.leefwereld.shared.NotFoundException("team");
        }
    }

    private static Page page(List<CaseLine> fetched, int size, boolean openList, CaseSort sort, long total) {
        boolean more = fetched.size() > size;
        List<CaseLine> lines = more ? fetched.subList(0, size) : fetched;
        String next = more ? lines.get(lines.size() - 1).key(openList, sort).encode() : null;
        return new Page(List.copyOf(lines), next, total);
    }

    /** The names of the households shown (one query) and one audit batch with a row per household shown. */
    private Map<UUID, HouseholdRef> namesAudited(CurrentUser me, List<CaseLine> shown, String reason) {
        Set<UUID> ids = new LinkedHashSet<>();
        shown.forEach(l -> ids.add(l.householdId()));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, HouseholdRef> refs = households.refs(me.municipalityCode(), ids);
        audit.recordAll(me, ids.stream().map(id -> AuditEntry.read("HOUSEHOLD_SUMMARY", id, id, null, reason)).toList());
        return refs;
    }
}
