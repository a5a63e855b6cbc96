package nl.leefwereld.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
    private final BreakGlass breakGlass;
    private final InzageService inzage;
    private final ResidentRegister residents;
    private final Clock clock;
    private final JsonMapper json;

    PrivacyController(AuditQuery auditQuery, BreakGlass breakGlass, InzageService inzage, ResidentRegister residents, Clock clock,
                      JsonMapper json) {
        this.json = json;
        this.auditQuery = auditQuery;
        this.breakGlass = breakGlass;
        this.inzage = inzage;
        this.residents = residents;
        this.clock = clock;
    }

    @GetMapping("/privacy/audit")
    String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                 @RequestParam(defaultValue = "") String household, @RequestParam(defaultValue = "") String from,
                 @RequestParam(defaultValue = "") String to, Model model) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors errors = new FieldErrors().maxLength("actor", actor, "de gebruikersnaam", 60);
        LocalDate fromDate = errors.date("from", from, "de begindatum", false);
        LocalDate toDate = errors.date("to", to, "de einddatum", false);
        AuditAction a = action.isBlank() ? null : errors.oneOf("action", action, AuditAction.class, "een handeling");
        UUID householdId = errors.optionalId("household", household, "Vul het kenmerk van het huishouden in zoals het in de lijst staat.");
        Map<String, String> fieldErrors = Map.of();
        try {
            errors.throwIfAny();
            model.addAttribute("rows", auditQuery.search(me.municipalityCode(), new AuditQuery.Filter(
                    actor.isBlank() ? null : actor.strip(), a == null ? null : a.name(), householdId, null, fromDate, toDate)));
        } catch (InvalidInputException e) {
            fieldErrors = e.fieldErrors();
            model.addAttribute("rows", List.of());
        }
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("household", household);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("limit", AuditQuery.LIMIT);
        Map<String, String> actions = new LinkedHashMap<>();
        for (AuditAction x : AuditAction.values()) {
            actions.put(x.name(), x.label());
        }
        model.addAttribute("actions", actions);
        model.addAttribute("accessChange", AuditAction.ACCESS_CHANGE.name());
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "audit");
        return "privacy/audit";
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
