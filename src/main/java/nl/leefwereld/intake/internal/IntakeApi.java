package nl.leefwereld.intake.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.intake.RegisteredNotification;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeApi {

    private final IntakeService intakeService;
    private final AccessPolicy access;
    private final WorkLists workLists;
    private final nl.leefwereld.identity.Directory directory;

    IntakeApi(IntakeService intakeService, AccessPolicy access, WorkLists workLists, nl.leefwereld.identity.Directory directory) {
        this.intakeService = intakeService;
        this.access = access;
        this.workLists = workLists;
        this.directory = directory;
    }

    /** Either householdId, or head + address for a new household. */
    record NotificationRequest(UUID householdId, PersonDraft head, AddressDraft address, boolean confirmNew, NotificationDraft notification) {
    }

    @PostMapping("/api/v1/notifications")
    ResponseEntity<RegisteredNotification> register(@RequestBody NotificationRequest body) {
        CurrentUser me = CurrentUsers.get();
        if (body.notification() == null) {
            throw InvalidInputException.of("notification", "Geef de melding mee (notification).");
        }
        RegisteredNotification r;
        if (body.householdId() != null) {
            r = intakeService.registerForHousehold(me, body.householdId(), body.notification());
        } else {
            if (body.head() == null || body.address() == null) {
                throw InvalidInputException.of("householdId", "Geef householdId, of head en address voor een nieuw huishouden.");
            }
            r = intakeService.registerForNewHousehold(me, body.head(), body.address(), body.confirmNew(), body.notification());
        }
        // Someone who cannot see the household learns only that it was registered and routed: no case, team or director.
        return ResponseEntity.created(URI.create("/api/v1/households/" + r.householdId()))
                .body(r.shownTo(access.canAccessHousehold(me, r.householdId())));
    }

    /** The household first: what a client opens next. */
    record WorkItemJson(UUID householdId, String householdName, UUID caseId, UUID notificationId, String channel, String receivedOn,
                        String caseDirector, boolean pickedUp) {
    }

    /**
     * The work list. {@code myCases} and {@code newForTeam} keep their item fields; paging is added: {@code size} (1–100,
     * default 25) per list, {@code after} the {@code next} cursor of the previous answer (both lists page together; a list
     * that has ended stays empty), and the true totals.
     */
    record MyWorkJson(List<WorkItemJson> myCases, List<WorkItemJson> newForTeam, String next, long myCasesTotal, long newForTeamTotal,
                      long newNotificationsTotal) {
    }

    @GetMapping("/api/v1/my-work")
    MyWorkJson myWork(@RequestParam(required = false) String after, @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        int n = WorkLists.size(errors, "size", size);
        CaseKey afterMine = null;
        CaseKey afterNew = null;
        boolean mineEnded = false;
        boolean newEnded = false;
        if (after != null && !after.isBlank()) {
            String[] parts = after.strip().split("\\.", -1);
            if (parts.length != 2 || parts[0].length() > 400 || parts[1].length() > 400) {
                errors.add("after", "Deze vervolgpagina bestaat niet (meer). Begin opnieuw zonder after.");
            } else {
                mineEnded = parts[0].equals("-");
                newEnded = parts[1].equals("-");
                afterMine = mineEnded ? null : WorkLists.after(errors, "after", parts[0]);
                afterNew = newEnded ? null : WorkLists.after(errors, "after", parts[1]);
            }
        }
        errors.throwIfAny();
        WorkLists.MyWork work = workLists.myWork(CurrentUsers.get(), afterMine, afterNew, n);
        List<WorkItemJson> mine = mineEnded ? List.of() : work.mine().lines().stream().map(w -> json(w, false, work.refs())).toList();
        List<WorkItemJson> open = newEnded ? List.of() : work.open().lines().stream().map(w -> json(w, true, work.refs())).toList();
        String nextMine = mineEnded ? null : work.mine().next();
        String nextNew = newEnded ? null : work.open().next();
        String next = nextMine == null && nextNew == null ? null : (nextMine == null ? "-" : nextMine) + "." + (nextNew == null ? "-" : nextNew);
        return new MyWorkJson(mine, open, next, work.mine().total(), work.open().total(), work.openNotifications());
    }

    record CaseloadItemJson(UUID caseId, UUID householdId, String householdName, String districtCode, UUID caseDirectorId, String caseDirector,
                            String lastNotificationOn, String status, int openNotifications) {
    }

    record CaseloadJson(List<CaseloadItemJson> items, String next, long total) {
    }

    /** The team caseload: the own team's lead and case directors only. {@code size} 1–100 (default 25), keyset {@code after}. */
    @GetMapping("/api/v1/teams/{id}/caseload")
    CaseloadJson caseload(@PathVariable UUID id, @RequestParam(required = false) String director,
                          @RequestParam(required = false) String district, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String sort, @RequestParam(required = false) String after,
                          @RequestParam(required = false) String size) {
        var me = CurrentUsers.get();
        WorkLists.requireTeam(me, id);
        FieldErrors errors = new FieldErrors();
        UUID directorId = errors.optionalId("director", director, "Geef het id van een regisseur.");
        String districtCode = district == null || district.isBlank() ? null : district.strip();
        if (districtCode != null && !directory.districtsServedBy(me.municipalityCode(), id).contains(districtCode)) {
            errors.add("district", "Kies een wijk van het team.");
        }
        CaseStatus st = WorkLists.optional(errors, "status", status, CaseStatus.class, "een status (NEW, PICKED_UP of NO_DIRECTOR)");
        CaseSort so = WorkLists.optional(errors, "sort", sort, CaseSort.class, "een sortering (NEWEST of DIRECTOR)");
        int n = WorkLists.size(errors, "size", size);
        CaseKey key = WorkLists.after(errors, "after", after);
        errors.throwIfAny();
        WorkLists.Caseload c = workLists.caseload(me, id, new WorkLists.CaseloadQuery(directorId, districtCode, st, so, key, n));
        return new CaseloadJson(c.page().lines().stream().map(l -> {
            HouseholdRef ref = c.refs().get(l.householdId());
            return new CaseloadItemJson(l.caseId(), l.householdId(), ref == null ? null : ref.name(), ref == null ? null : ref.districtCode(),
                    l.caseDirectorId(), l.caseDirectorName(), l.lastReceivedOn().toString(), l.status().name(), l.openNotifications());
        }).toList(), c.page().next(), c.page().total());
    }

    private static WorkItemJson json(CaseRepository.CaseLine w, boolean openList, Map<UUID, HouseholdRef> refs) {
        HouseholdRef ref = refs.get(w.householdId());
        return new WorkItemJson(w.householdId(), ref == null ? null : ref.name(), w.caseId(), w.notificationId(), w.channel(),
                w.shownDate(openList).toString(), w.caseDirectorName(), w.pickedUpAt() != null);
    }
}
