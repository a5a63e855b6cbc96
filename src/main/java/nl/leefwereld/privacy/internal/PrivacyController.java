package nl.leefwereld.privacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

@Controller
class PrivacyController {

    private final AuditQuery auditQuery;
    private final AuditSearchService auditSearch;
    private final BreakGlass breakGlass;
    private final InzageService inzage;
    private final ResidentRegister residents;
    private final Clock clock;
    private final JsonMapper json;

    PrivacyController(AuditQuery auditQuery, AuditSearchService auditSearch, BreakGlass breakGlass, InzageService inzage, ResidentRegister residents, Clock clock,
                      JsonMapper json) {
        this.json = json;
        this.auditQuery = auditQuery;
        this.auditSearch = auditSearch;
        this.breakGlass = breakGlass;
        this.inzage = inzage;
        this.residents = residents;
        this.clock = clock;
    }

    /** The audit log: the newest page, or a later page from a "next" link (filters in the URL, never a BSN). */
    @GetMapping("/privacy/audit")
    String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                 @RequestParam(defaultValue = "") String household, @RequestParam(defaultValue = "") String person,
                 @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                 @RequestParam(defaultValue = "") String after, Model model, HttpServletResponse response) {
        return auditPage(actor, action, household, person, "", from, to, after, model, response);
    }

    /** The search form: posted, so a BSN typed to find a person's rows never appears in a URL, a log or the history. */
    @PostMapping("/privacy/audit")
    String auditSearch(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                       @RequestParam(defaultValue = "") String household, @RequestParam(defaultValue = "") String person,
                       @RequestParam(defaultValue = "") String bsn, @RequestParam(defaultValue = "") String from,
                       @RequestParam(defaultValue = "") String to, Model model, HttpServletResponse response) {
        return auditPage(actor, action, household, person, bsn, from, to, "", model, response);
    }

    private String auditPage(String actor, String action, String household, String person, String bsn, String from, String to,
                             String after, Model model, HttpServletResponse response) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("rows", List.of());
        try {
            FieldErrors errors = new FieldErrors();
            UUID byBsn = auditSearch.personByBsn(me, bsn, errors).orElse(null);
            AuditFilterInput.Parsed p = AuditFilterInput.parse(actor, action, household, person, from, to, after, null, errors);
            if (byBsn != null) {   // a BSN typed now replaces the person of an earlier search
                AuditQuery.Filter f = p.filter();
                p = new AuditFilterInput.Parsed(new AuditQuery.Filter(f.actor(), f.action(), f.householdId(), byBsn, f.from(), f.to()),
                        p.after(), p.size());
            }
            AuditSearchService.Result result = auditSearch.search(me, p.filter(), p.after(), p.size(), true);
            model.addAttribute("rows", result.page().rows());
            model.addAttribute("next", result.page().next() == null ? null : result.page().next().encode());
            model.addAttribute("count", result.count());
            model.addAttribute("countCapped", result.countCapped());
            model.addAttribute("deeper", p.after() != null);
            model.addAttribute("searched", true);
            person = p.filter().personId() == null ? "" : p.filter().personId().toString();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (AuditBusyException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(AuditSearchGuard.RETRY_AFTER_SECONDS));
            model.addAttribute("busy", e.dutch());
        }
        auditForm(model, actor, action, household, person, from, to);
        model.addAttribute("bsn", bsn);
        return "privacy/audit";
    }

    /**
     * The CSV of the current filter, streamed row by row from the database to the browser (constant memory), at most the
     * configured maximum (1,000,000 rows by default). The export is itself an audit row.
     */
    @PostMapping("/privacy/audit/export")
    String auditExport(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                       @RequestParam(defaultValue = "") String household, @RequestParam(defaultValue = "") String person,
                       @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                       Model model, HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUsers.get();
        try {
            AuditFilterInput.Parsed p = AuditFilterInput.parse(actor, action, household, person, from, to, "", null, new FieldErrors());
            AuditSearchGuard.Permit permit = auditSearch.reserveExport();
            writeCsvHeaders(response, auditSearch.exportFilename(me));
            auditSearch.export(me, p.filter(), permit, response.getOutputStream());
            return null;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (AuditBusyException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(AuditSearchGuard.RETRY_AFTER_SECONDS));
            model.addAttribute("busy", e.dutch());
        }
        model.addAttribute("rows", List.of());
        model.addAttribute("exportForm", true);
        auditForm(model, actor, action, household, person, from, to);
        return "privacy/audit";
    }

    /** Headers of a streamed CSV download: no length (it is not known yet), never cached. */
    static void writeCsvHeaders(HttpServletResponse response, String filename) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void auditForm(Model model, String actor, String action, String household, String person, String from, String to) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("household", household);
        model.addAttribute("person", person);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("pageSize", AuditQuery.PAGE_SIZE);
        model.addAttribute("countCap", AuditQuery.COUNT_CAP);
        model.addAttribute("maxExportRows", auditSearch.maxExportRows());
        model.addAttribute("actions", AuditLabels.actions());
        model.addAttribute("accessChange", AuditAction.ACCESS_CHANGE.name());
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "audit");
    }

    @GetMapping("/privacy/noodtoegang")
    String grants(Model model) {
        CurrentUser me = CurrentUsers.get();
        List<AuditQuery.GrantRow> grants = auditQuery.grants(me.municipalityCode());
        model.addAttribute("grants", grants);
        model.addAttribute("labels", residents.householdLabels(me.municipalityCode(), grants.stream().map(AuditQuery.GrantRow::householdId).toList()));
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "noodtoegang");
        return "privacy/grants";
    }

    @PostMapping("/huishoudens/{id}/noodtoegang")
    String breakGlass(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            Instant until = breakGlass.grant(me, id, reason);
            redirect.addFlashAttribute("message", "U heeft noodtoegang tot "
                    + until.atZone(TimeConfiguration.ZONE).toLocalTime().withNano(0).withSecond(0)
                    + " uur. De privacy officer ziet dit, met uw reden.");
            return "redirect:/huishoudens/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("householdId", id);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("reason", reason);
            return "privacy/no-access";
        }
    }

    @GetMapping("/privacy/inzage")
    String inzageForm(Model model) {
        model.addAttribute("nav", "inzage");
        return "privacy/inzage";
    }

    /** The export as JSON (machine-readable), or with format=pdf as the readable Dutch PDF. BSN and kenmerk are both required. */
    @PostMapping("/privacy/inzage")
    Object inzageExport(@RequestParam(defaultValue = "") String bsn, @RequestParam(defaultValue = "") String request,
                        @RequestParam(defaultValue = "json") String format, Model model) throws Exception {
        CurrentUser me = CurrentUsers.get();
        try {
            if (!format.equals("json") && !format.equals("pdf")) {
                throw InvalidInputException.of("format", "Kies het JSON-bestand of de PDF.");
            }
            UUID person = inzage.personFor(me.municipalityCode(), bsn, request);
            boolean asPdf = format.equals("pdf");
            byte[] body = asPdf
                    ? inzage.exportPdf(me, person, request)
                    : json.writerWithDefaultPrettyPrinter().writeValueAsString(inzage.export(me, person, request)).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .contentType(asPdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(inzage.filename(asPdf ? "pdf" : "json")).build().toString())
                    .body(body);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (NotFoundException e) {
            model.addAttribute("errors", Map.of("bsn", "Er is geen inwoner met dit BSN bekend in Leefwereld."));
        }
        model.addAttribute("bsn", bsn);
        model.addAttribute("request", request);
        model.addAttribute("nav", "inzage");
        return "privacy/inzage";
    }
}
