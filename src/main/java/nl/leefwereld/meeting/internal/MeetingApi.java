package nl.leefwereld.meeting.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeetingApi {

    private final AccessPolicy access;
    private final MeetingView view;

    MeetingApi(AccessPolicy access, MeetingView view) {
        this.access = access;
        this.view = view;
    }

    record ParticipantJson(UUID id, String kind, String name, String relation, String organisation, String question, boolean invited,
                           String invitedBy, boolean prepared, String preparedOn, String brings, boolean attended, String view, String concerns) {
    }

    record AgreementJson(String whoKind, String who, String what, String due, String checkDate) {
    }

    record MeetingJson(UUID id, int sequence, String stage, String facilitator, String heldOn, String place, Boolean residentPresent,
                       String centralQuestion, List<ParticipantJson> participants, String lowerBound, String lowerBoundSetBy,
                       List<AgreementJson> agreements, String fallback, List<String> results, String avoidedCosts,
                       Long avoidedCostsCents, boolean followUpNeeded, Integer planVersion) {
    }

    @GetMapping("/api/v1/households/{id}/meetings")
    @Operation(summary = "De planbijeenkomsten van een huishouden",
            description = "Inventarisatie, uitnodigingen, voorbereiding, aanwezigen, afspraken en resultaat per bijeenkomst. "
                    + "Alleen voor wie bij het huishouden betrokken is; elke opvraging staat in de auditlog.")
    List<MeetingJson> meetings(@PathVariable UUID id) {
        CurrentUser me = CurrentUsers.get();
        access.requireHouseholdAccess(me, id);
        return view.ofHousehold(me, id, "API planbijeenkomsten").stream().map(f -> {
            MeetingRepository.MeetingRow m = f.meeting();
            return new MeetingJson(m.id(), m.sequenceNo(), f.stage().name(), m.facilitatorName(), iso(m.heldOn()), m.place(),
                    m.residentPresent(), MeetingService.CENTRAL_QUESTION,
                    f.participants().stream().map(p -> new ParticipantJson(p.id(), p.kind(), p.name(), p.relation(), p.organisation(),
                            p.question(), p.invitedAt() != null, p.invitedBy(), p.prepared(), iso(p.preparedOn()), p.brings(), p.attended(),
                            p.viewOnSituation(), p.concerns())).toList(),
                    m.lowerBound(), m.lowerBoundSetBy(),
                    f.agreements().stream().map(a -> new AgreementJson(a.whoKind(), a.who(), a.what(), iso(a.due()), iso(a.checkDate()))).toList(),
                    m.fallback(), f.results(), m.avoidedCostsNote(), m.avoidedCostsCents(), m.followUpNeeded(), m.planVersion());
        }).toList();
    }

    private static String iso(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }
}
