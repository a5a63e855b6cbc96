package nl.leefwereld.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ProtectionCategory;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy officer's screens for protected persons: look a person up by BSN (in the POST body, never the URL), set or
 * lift the protection, name and un-name users; and the alerts that named users' accesses raise. All changes are audited.
 */
@Controller
class ProtectedPersonController {

    private final ProtectedPersonService protection;
    private final ResidentRegister residents;
    private final AuditLog audit;

    ProtectedPersonController(ProtectedPersonService protection, ResidentRegister residents, AuditLog audit) {
        this.protection = protection;
        this.residents = residents;
        this.audit = audit;
    }

    @GetMapping("/privacy/afgeschermd")
    String overview(Model model) {
        CurrentUser me = CurrentUsers.get();
        Object flashed = model.asMap().get("personId");   // after a change: back to that person
        UUID person = flashed instanceof String s ? FieldErrors.idOrNull(s) : null;
        if (person != null) {
            return detail(me, person, model, Map.of(), "", "", "");
        }
        return overview(me, model, "", Map.of());
    }

    private String overview(CurrentUser me, Model model, String bsn, Map<String, String> errors) {
        model.addAttribute("protections", protection.all(me));
        model.addAttribute("bsn", bsn);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "afgeschermd");
        return "privacy/protected";
    }

    @PostMapping("/privacy/afgeschermd/zoeken")
    String lookUp(@RequestParam(defaultValue = "") String bsn, Model model) {
        CurrentUser me = CurrentUsers.get();
        String digits = bsn.replace(" ", "").replace(".", "").strip();
        FieldErrors errors = new FieldErrors().required("bsn", bsn, "het BSN", 20).bsn("bsn", bsn);
        if (errors.has("bsn")) {
            return overview(me, model, bsn, Map.of("bsn", bsnError(errors)));
        }
        UUID person = residents.personByBsn(me.municipalityCode(), Bsn.parse(digits).value()).orElse(null);
        if (person == null) {
            return overview(me, model, bsn, Map.of("bsn", "Er is geen inwoner met dit BSN bekend in Leefwereld."));
        }
        return detail(me, person, model, Map.of(), "", "", "");
    }

    private static String bsnError(FieldErrors errors) {
        try {
            errors.throwIfAny();
            return "";
        } catch (InvalidInputException e) {
            return e.fieldErrors().get("bsn");
        }
    }

    @PostMapping("/privacy/afgeschermd/persoon")
    String person(@RequestParam(defaultValue = "") String personId, Model model) {
        return detail(CurrentUsers.get(), requireId(personId), model, Map.of(), "", "", "");
    }

    @PostMapping("/privacy/afgeschermd/afschermen")
    String protect(@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "") String category,
                   @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        UUID person = requireId(personId);
        try {
            protection.protect(me, person, category, note);
        } catch (InvalidInputException e) {
            return detail(me, person, model, e.fieldErrors(), category, note, "");
        }
        redirect.addFlashAttribute("personId", person.toString());
        redirect.addFlashAttribute("message", "De persoon is afgeschermd. Alleen de medewerkers die u aanwijst zien het huishouden nog.");
        return "redirect:/privacy/afgeschermd";
    }

    @PostMapping("/privacy/afgeschermd/opheffen")
    String unprotect(@RequestParam(defaultValue = "") String personId, RedirectAttributes redirect) {
        UUID person = requireId(personId);
        protection.unprotect(CurrentUsers.get(), person);
        redirect.addFlashAttribute("personId", person.toString());
        redirect.addFlashAttribute("message", "De afscherming is opgeheven.");
        return "redirect:/privacy/afgeschermd";
    }

    @PostMapping("/privacy/afgeschermd/medewerkers")
    String addUser(@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "") String username, Model model,
                   RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        UUID person = requireId(personId);
        try {
            protection.addUser(me, person, username);
        } catch (InvalidInputException e) {
            return detail(me, person, model, e.fieldErrors(), "", "", username);
        }
        redirect.addFlashAttribute("personId", person.toString());
        redirect.addFlashAttribute("message", "De medewerker is aangewezen.");
        return "redirect:/privacy/afgeschermd";
    }

    @PostMapping("/privacy/afgeschermd/medewerkers/verwijderen")
    String removeUser(@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "") String userId,
                      RedirectAttributes redirect) {
        UUID person = requireId(personId);
        protection.removeUser(CurrentUsers.get(), person, requireId(userId));
        redirect.addFlashAttribute("personId", person.toString());
        redirect.addFlashAttribute("message", "De medewerker is niet meer aangewezen.");
        return "redirect:/privacy/afgeschermd";
    }

    private String detail(CurrentUser me, UUID person, Model model, Map<String, String> errors, String category, String note,
                          String username) {
        String label = protection.label(me.municipalityCode(), person);
        if (label == null) {
            throw new NotFoundException("person");
        }
        audit.read(me, "PROTECTED_PERSON", person, null, person, "afscherming beheren");
        var current = protection.protection(me, person);
        model.addAttribute("person", person);
        model.addAttribute("label", label);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("category", category.isEmpty() ? current.map(p -> p.category().name()).orElse("") : category);
        model.addAttribute("note", note.isEmpty() ? current.map(p -> p.note() == null ? "" : p.note()).orElse("") : note);
        model.addAttribute("username", username);
        Map<String, String> categories = new LinkedHashMap<>();
        for (ProtectionCategory c : ProtectionCategory.values()) {
            categories.put(c.name(), c.label());
        }
        model.addAttribute("categories", categories);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "afgeschermd");
        return "privacy/protected-person";
    }

    private static UUID requireId(String value) {
        UUID id = FieldErrors.idOrNull(value);
        if (id == null) {
            throw new NotFoundException("person");
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------ alerts

    @GetMapping("/privacy/meldingen")
    String alerts(@RequestParam(defaultValue = "1") String pagina, Model model) {
        CurrentUser me = CurrentUsers.get();
        int page = page(pagina);
        List<ProtectedPersonService.AlertRow> rows = protection.alerts(me.municipalityCode(), page - 1);
        boolean more = rows.size() > ProtectedPersonService.ALERT_PAGE_SIZE;
        model.addAttribute("alerts", more ? rows.subList(0, ProtectedPersonService.ALERT_PAGE_SIZE) : rows);
        model.addAttribute("page", page);
        model.addAttribute("more", more);
        model.addAttribute("unseen", protection.unseen(me.municipalityCode()));
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "meldingen");
        return "privacy/alerts";
    }

    @PostMapping("/privacy/meldingen/gezien")
    String seen(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "1") String pagina, RedirectAttributes redirect) {
        long alert;
        try {
            alert = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("privacy alert");
        }
        protection.markSeen(CurrentUsers.get(), alert);
        redirect.addFlashAttribute("message", "De melding is als gezien gemarkeerd.");
        return "redirect:/privacy/meldingen?pagina=" + page(pagina);
    }

    private static int page(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            return Math.max(1, Math.min(p, 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
