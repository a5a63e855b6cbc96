package nl.leefwereld.household.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.CorrectionDraft;
import nl.leefwereld.household.DepartureDraft;
import nl.leefwereld.household.MoveDraft;
import nl.leefwereld.household.PersonChanges;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.Consents;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Moves, departures, corrections and consent withdrawal over the API; the same checks, history and audit as the pages. */
@RestController
class PersonChangeApi {

    private final PersonChanges changes;
    private final Consents consents;
    private final AccessPolicy access;

    PersonChangeApi(PersonChanges changes, Consents consents, AccessPolicy access) {
        this.changes = changes;
        this.consents = consents;
        this.access = access;
    }

    /** The whole household of the person moves; householdId is needed only when the person is in more than one. */
    @PostMapping("/api/v1/persons/{id}/moves")
    Map<String, UUID> move(@PathVariable UUID id, @RequestBody(required = false) MoveDraft body) {
        MoveDraft d = body == null ? new MoveDraft(null, null, null, null, null, null, null, null) : body;
        return Map.of("householdId", changes.move(CurrentUsers.get(), id, d));
    }

    /** destination NONE, EXISTING (destinationHouseholdId, relation) or NEW (address); answers the household joined, if any. */
    @PostMapping("/api/v1/households/{id}/members/{personId}/departure")
    Map<String, UUID> depart(@PathVariable UUID id, @PathVariable UUID personId, @RequestBody(required = false) DepartureDraft body) {
        DepartureDraft d = body == null ? new DepartureDraft(null, null, null, null, null, null, null, null, null, null) : body;
        Map<String, UUID> out = new LinkedHashMap<>();
        out.put("destinationHouseholdId", changes.depart(CurrentUsers.get(), id, personId, d));
        return out;
    }

    /** Fields left out (null) stay as they are; reason is required. */
    @PostMapping("/api/v1/persons/{id}/corrections")
    Map<String, UUID> correct(@PathVariable UUID id, @RequestBody(required = false) CorrectionDraft body) {
        CorrectionDraft d = body == null ? new CorrectionDraft(null, null, null, null, null, null, null) : body;
        changes.correct(CurrentUsers.get(), null, id, d);
        return Map.of("personId", id);
    }

    record WithdrawalRequest(String withdrawnOn, String reason) {
    }

    /** Withdraws a consent; the reason is required (the API's confirmation is this explicit call with a reason). */
    @PostMapping("/api/v1/households/{id}/consents/{consentId}/withdrawal")
    Map<String, UUID> withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @RequestBody(required = false) WithdrawalRequest body) {
        CurrentUser me = CurrentUsers.get();
        access.requireHouseholdAccess(me, id);
        WithdrawalRequest r = body == null ? new WithdrawalRequest(null, null) : body;
        consents.withdraw(me, id, consentId, r.withdrawnOn(), r.reason());
        return Map.of("consentId", consentId);
    }
}
