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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /**
     * BSN in the body, never in the URL; the request reference (kenmerk) is required. JSON by default; with
     * {@code Accept: application/pdf} the readable Dutch PDF of the same export.
     */
    @PostMapping("/api/v1/inzage")
    ResponseEntity<?> inzage(@RequestBody InzageRequest body,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CurrentUser me = CurrentUsers.get();
        UUID person = inzage.personFor(me.municipalityCode(), body.bsn(), body.request());
        if (wantsPdf(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(inzage.filename("pdf")).build().toString())
                    .body(inzage.exportPdf(me, person, body.request()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(inzage.export(me, person, body.request()));
    }

    /** PDF only when asked for by name (a wildcard keeps JSON, as before). */
    private static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype()
                    && t.isCompatibleWith(MediaType.APPLICATION_PDF));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
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
