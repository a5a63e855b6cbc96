package nl.leefwereld.plan.internal;

import java.time.LocalDate;
import java.util.Map;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.privacy.PdfDocuments;
import org.springframework.stereotype.Component;

/** The plan as a PDF for the household: the page's own plan fragment in a print layout, rendered by the inzage renderer. */
@Component
class PlanPdf {

    private final PdfDocuments documents;

    PlanPdf(PdfDocuments documents) {
        this.documents = documents;
    }

    byte[] render(HouseholdRef household, PlanRepository.Version plan, LocalDate today) {
        return documents.render("plan/plan-pdf", Map.of("household", household, "plan", plan, "today", today, "pdf", true));
    }
}
