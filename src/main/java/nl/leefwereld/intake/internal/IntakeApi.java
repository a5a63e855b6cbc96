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
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeApi {

    private final IntakeService intakeService;
    private final AccessPolicy access;

    IntakeApi(IntakeService intakeService, AccessPolicy access) {
        this.intakeService = intakeService;
        this.access = access;
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

    record WorkItemJson(UUID caseId, UUID householdId, String householdName, UUID notificationId, String channel, String receivedOn,
                        String caseDirector, boolean pickedUp) {
    }

    @GetMapping("/api/v1/my-work")
    Map<String, List<WorkItemJson>> myWork() {
        IntakeService.MyWork work = intakeService.myWork(CurrentUsers.get());
        return Map.of("myCases", work.mine().stream().map(w -> json(w, work.refs())).toList(),
                "newForTeam", work.open().stream().map(w -> json(w, work.refs())).toList());
    }

    private static WorkItemJson json(CaseRepository.WorkItem w, Map<UUID, HouseholdRef> refs) {
        HouseholdRef ref = refs.get(w.householdId());
        return new WorkItemJson(w.caseId(), w.householdId(), ref == null ? null : ref.name(), w.notificationId(), w.channel(),
                w.receivedOn().toString(), w.caseDirectorName(), w.pickedUpAt() != null);
    }
}
