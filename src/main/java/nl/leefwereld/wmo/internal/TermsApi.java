package nl.leefwereld.wmo.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.wmo.LegalTerms;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.Terms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The term calculator: holds no personal data, so any professional may call it. */
@RestController
class TermsApi {

    private final Terms terms;

    TermsApi(Terms terms) {
        this.terms = terms;
    }

    /** The answer, field for field as the contract gives it. */
    record TermDue(String law, String step, String from, String due, boolean moved, String reason) {
    }

    @Operation(summary = "The last day of a legal term", description = """
            `law` WMO, JEUGDWET or PARTICIPATIEWET; `step` PERSOONLIJK_PLAN (from the melding), ONDERZOEK (from the \
            melding), BESCHIKKING (from the aanvraag) or BEZWAAR (from the sending of the decision; Awb 6:8); `from` \
            yyyy-MM-dd. The term length is the municipality's configuration (defaults: 7 days, 6 weeks, 2 weeks for Wmo \
            and 8 weeks for Jeugdwet/Participatiewet, 6 weeks). A term that ends on a Saturday, Sunday, general holiday \
            or a day equated by decree moves to the next day that is none of those (Algemene termijnenwet): then \
            `moved` is true and `reason` says why, in Dutch. Bad parameters: 400 with the parameter in `errors`.""")
    @GetMapping("/api/v1/terms/due")
    TermDue due(@RequestParam(required = false) String law, @RequestParam(required = false) String step,
                @RequestParam(required = false) String from) {
        FieldErrors e = new FieldErrors();
        Law l = e.oneOf("law", law, Law.class, "de wet (WMO, JEUGDWET of PARTICIPATIEWET)");
        TermStep s = e.oneOf("step", step, TermStep.class, "de stap (PERSOONLIJK_PLAN, ONDERZOEK, BESCHIKKING of BEZWAAR)");
        LocalDate f = e.date("from", from, "de begindatum (jjjj-mm-dd)", true);
        e.throwIfAny();
        LegalTerms.Due d = terms.due(CurrentUsers.get().municipalityCode(), l, s, f);
        return new TermDue(l.name(), s.name(), f.toString(), d.due().toString(), d.moved(), d.reason());
    }
}
