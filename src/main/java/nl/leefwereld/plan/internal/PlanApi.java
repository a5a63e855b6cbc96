package nl.leefwereld.plan.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The household plan as JSON: the current version and every version. Access checked and audited like the page. */
@RestController
class PlanApi {

    private final PlanService plans;

    PlanApi(PlanService plans) {
        this.plans = plans;
    }

    record PlanGoalJson(UUID id, String lifeDomain, String text, String providerGoal) {
    }

    record PlanAgreementJson(UUID id, String whoKind, String who, String what, LocalDate due, LocalDate checkDate, String status, String note,
                             Boolean fallbackUsed, UUID goalId, String decidedIn) {
    }

    record ResidentAgreementJson(String agreedBy, LocalDate agreedOn, String form, boolean representative, int version) {
    }

    record PlanJson(UUID householdId, int version, OffsetDateTime createdAt, String createdBy, String changeSummary, UUID meetingId,
                    List<PlanGoalJson> goals, List<PlanAgreementJson> agreements, String fallback, String lowerBound, String lowerBoundSetBy,
                    List<String> sequencing, LocalDate reviewOn, String reviewNote, ResidentAgreementJson residentAgreement) {
    }

    @Operation(summary = "The household plan: its current version with goals, agreements (who, what, due, status) and fallback")
    @GetMapping("/api/v1/households/{id}/plan")
    PlanJson plan(@PathVariable UUID id) {
        CurrentUser me = CurrentUsers.get();
        return plans.current(me, id, "API huishoudplan").map(PlanApi::json).orElseThrow(() -> new NotFoundException("plan"));
    }

    @Operation(summary = "Every version of the household plan, oldest first (each change is a new version)")
    @GetMapping("/api/v1/households/{id}/plan/versions")
    List<PlanJson> versions(@PathVariable UUID id) {
        List<PlanJson> out = plans.allVersions(CurrentUsers.get(), id, "API versies huishoudplan").stream().map(PlanApi::json).toList();
        if (out.isEmpty()) {
            throw new NotFoundException("plan");
        }
        return out;
    }

    static PlanJson json(PlanRepository.Version v) {
        PlanContent c = v.content();
        PlanContent.ResidentAgreement r = c.residentAgreement();
        return new PlanJson(v.householdId(), v.version(), v.createdAt(), v.createdByName(), v.changeSummary(), v.meetingId(),
                c.goals().stream().map(g -> new PlanGoalJson(g.id(), g.domain(), g.text(), g.providerGoal())).toList(),
                c.agreements().stream().map(a -> new PlanAgreementJson(a.id(), a.whoKind(), a.who(), a.what(), a.due(), a.checkDate(),
                        a.statusValue().name(), a.note(), a.fallbackUsed(), a.goalId(), a.origin())).toList(),
                c.fallback(), c.lowerBound(), c.lowerBoundSetBy(), c.sequencing(), c.reviewOn(), c.reviewNote(),
                r == null ? null : new ResidentAgreementJson(r.agreedBy(), r.agreedOn(), r.form(), r.representative(), r.version()));
    }
}
