package nl.leefwereld.privacy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    private final AuditSearchService auditSearch;
    private final BreakGlass breakGlass;
    private final InzageService inzage;

    PrivacyApi(AuditSearchService auditSearch, BreakGlass breakGlass, InzageService inzage) {
        this.auditSearch = auditSearch;
        this.breakGlass = breakGlass;
        this.inzage = inzage;
    }

    /** One audit row as the API gives it: codes and their Dutch labels; the hash chain is not part of it. */
    record AuditEvent(long id, OffsetDateTime occurredAt, String actorUsername, String action, String actionLabel, String recordType,
                      String recordTypeLabel, String recordId, UUID householdId, UUID personId, String route, String reason,
                      String sourceAddress, String beforeValue, String afterValue) {

        static AuditEvent of(AuditQuery.AuditRow r) {
            return new AuditEvent(r.id(), r.occurredAt(), r.actorUsername(), r.action(), r.actionLabel(), r.recordType(), r.recordTypeLabel(),
                    r.recordId(), r.householdId(), r.personId(), r.route(), r.reason(), r.sourceAddress(), r.beforeValue(), r.afterValue());
        }
    }

    /** A page newest first; {@code next} goes in {@code after} for the next (older) page and is null on the last page. */
    record AuditEventPage(List<AuditEvent> items, String next, int size) {
    }

    @Operation(summary = "Search the audit trail, a page at a time (newest first)", description = """
            Keyset paging: pass the `next` of a page as `after` to get the following (older) page; `next` is null on the \
            last page. `size` is 1–200 (default 50). Filters: `actor` (username, case-insensitive), `action` (code), \
            `householdId`, `personId`, `from`/`to` (dd-mm-jjjj or yyyy-MM-dd, whole days, Europe/Amsterdam; `to` before \
            `from` is a field error). At most 2 audit searches and exports run at once and each stops after 5 s: then \
            503 with Retry-After.""")
    @ApiResponse(responseCode = "200", description = "A page of audit rows",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuditEventPage.class)))
    @ApiResponse(responseCode = "503", description = "Busy (too many audit searches at once) or the search took too long; try again after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/v1/audit-events")
    AuditEventPage audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                         @RequestParam(required = false) String householdId, @RequestParam(required = false) String personId,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String after, @RequestParam(required = false) String size) {
        CurrentUser me = CurrentUsers.get();
        AuditFilterInput.Parsed p = parse(actor, action, householdId, personId, from, to, after, size);
        AuditSearchService.Result result = auditSearch.search(me, p.filter(), p.after(), p.size(), false);
        return new AuditEventPage(result.page().rows().stream().map(AuditEvent::of).toList(),
                result.page().next() == null ? null : result.page().next().encode(), p.size());
    }

    @Operation(summary = "Export the audit trail of a filter as CSV (streamed)", description = """
            The same filters as the search. The CSV (UTF-8, `;`-separated, newest first) is streamed while the database \
            reads it and holds at most 1,000,000 rows: its first lines say so, its last line says whether it is complete, \
            cut off at the maximum, or broken off. Every export is itself an audit row (EXPORT of AUDIT_LOG).""")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "Busy (too many audit searches at once); try again after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/v1/audit-events/export")
    void auditExport(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String householdId, @RequestParam(required = false) String personId,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUsers.get();
        AuditFilterInput.Parsed p = parse(actor, action, householdId, personId, from, to, null, null);
        AuditSearchGuard.Permit permit = auditSearch.reserveExport();
        PrivacyController.writeCsvHeaders(response, auditSearch.exportFilename(me));
        auditSearch.export(me, p.filter(), permit, response.getOutputStream());
    }

    /** The screen's checks, with the API's parameter names in the errors. */
    private static AuditFilterInput.Parsed parse(String actor, String action, String householdId, String personId, String from,
                                                 String to, String after, String size) {
        try {
            return AuditFilterInput.parse(actor, action, householdId, personId, from, to, after, size, new FieldErrors());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> errors.put(k.equals("household") ? "householdId" : k.equals("person") ? "personId" : k, v));
            throw new InvalidInputException(errors);
        }
    }

    /** Too many audit searches at once, or one that ran too long: 503 with Retry-After, never a 500 after 30 s. */
    @ExceptionHandler(AuditBusyException.class)
    ResponseEntity<ProblemDetail> busy(AuditBusyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.dutch());
        p.setTitle(e.timedOut() ? "Zoeken duurde te lang" : "Het is nu druk");
        p.setType(URI.create("https://leefwereld.nl/problemen/" + (e.timedOut() ? "audit-search-timeout" : "busy")));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Integer.toString(AuditSearchGuard.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
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
