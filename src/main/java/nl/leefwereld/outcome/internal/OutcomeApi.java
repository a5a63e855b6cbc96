package nl.leefwereld.outcome.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Life-domain assessments as JSON, oldest first. Access checked and every assessment read audited. */
@RestController
class OutcomeApi {

    private final AssessmentService assessments;

    OutcomeApi(AssessmentService assessments) {
        this.assessments = assessments;
    }

    record AssessmentScoreJson(String lifeDomain, Integer professionalLevel, Integer residentLevel, String basis) {
    }

    record AssessmentJson(UUID id, LocalDate assessedOn, String assessedBy, UUID personId, List<AssessmentScoreJson> scores,
                          Integer participationStep, Integer calm, Integer cleanliness, Integer routine, String note) {
    }

    @Operation(summary = "Life-domain assessments (13 ZRM domains, levels 1-5, professional and resident's own score, basis), "
            + "participation ladder and calm, cleanliness, routine; oldest first")
    @GetMapping("/api/v1/households/{id}/assessments")
    List<AssessmentJson> assessments(@PathVariable UUID id) {
        return assessments.assessments(CurrentUsers.get(), id, "API metingen leefgebieden").stream()
                .map(a -> new AssessmentJson(a.id(), a.assessedOn(), a.assessedByName(), a.personId(),
                        a.scores().stream().map(s -> new AssessmentScoreJson(s.domain(), s.professionalLevel(), s.residentLevel(), s.basis())).toList(),
                        a.participationStep(), a.calm(), a.cleanliness(), a.routine(), a.note()))
                .toList();
    }
}
