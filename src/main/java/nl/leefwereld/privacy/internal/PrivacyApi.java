package nl.leefwereld.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PrivacyApi {

    private final AuditQuery auditQuery;
    private final BreakGlass breakGlass;
    private final InzageService inzage;

    PrivacyApi(AuditQuery auditQuery, BreakGlass breakGlass, InzageService inzage) {
        this.auditQuery = auditQuery;
        this.breakGlass = breakGlass;
        this.inzage = inzage;
    }

    @GetMapping("/api/v1/audit-events")
    List<AuditQuery.AuditRow> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                    @RequestParam(required = false) UUID householdId, @RequestParam(required = false) UUID personId,
                                    @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors errors = new FieldErrors().maxLength("actor", actor, "de gebruikersnaam", 60);
        var fromDate = errors.date("from", from, "de begindatum", false);
        var toDate = errors.date("to", to, "de einddatum", false);
        AuditAction a = action == null || action.isBlank() ? null : errors.oneOf("action", action, AuditAction.class, "een handeling");
        errors.throwIfAny();
        return auditQuery.search(me.municipalityCode(), new AuditQuery.Filter(FieldErrors.trimToNull(actor),
                a == null ? null : a.name(), householdId, personId, fromDate, toDate));
    }

    record InzageRequest(String bsn, String request) {
    }

    /** BSN in the body, never in the URL. */
    @PostMapping("/api/v1/inzage")
    Map<String, Object> inzage(@RequestBody InzageRequest body) {
        CurrentUser me = CurrentUsers.get();
        new FieldErrors().maxLength("request", body.request(), "het kenmerk van het verzoek", 200).throwIfAny();
        UUID person = inzage.personForBsn(me.municipalityCode(), body.bsn());
        return inzage.export(me, person, FieldErrors.trimToNull(body.request()));
    }

    record BreakGlassRequest(String reason) {
    }

    record BreakGlassResponse(UUID householdId, Instant expiresAt) {
    }

    @PostMapping("/api/v1/households/{id}/break-glass")
    BreakGlassResponse breakGlass(@PathVariable UUID id, @RequestBody BreakGlassRequest body) {
        return new BreakGlassResponse(id, breakGlass.grant(CurrentUsers.get(), id, body.reason()));
    }
}
