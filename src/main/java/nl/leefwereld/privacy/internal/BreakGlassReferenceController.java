package nl.leefwereld.privacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.privacy.SearchReferences;
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
 * Break-the-glass from a search hit. The hit carries only an opaque reference (bound to the searcher, valid for minutes);
 * the household's id is revealed only after the grant, by the redirect to its page.
 */
@Controller
class BreakGlassReferenceController {

    static final String EXPIRED = "Deze link om noodtoegang te vragen is verlopen of niet van u. Zoek de persoon opnieuw.";

    private final BreakGlass breakGlass;
    private final SearchReferences references;

    BreakGlassReferenceController(BreakGlass breakGlass, SearchReferences references) {
        this.breakGlass = breakGlass;
        this.references = references;
    }

    @GetMapping("/noodtoegang")
    String form(@RequestParam(defaultValue = "") String verwijzing, Model model, HttpServletResponse response) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("verwijzing", verwijzing);
        model.addAttribute("reason", "");
        if (references.resolve(me, verwijzing).isEmpty()) {
            response.setStatus(404);
            model.addAttribute("expired", EXPIRED);
        }
        return "privacy/break-glass-reference";
    }

    @PostMapping("/noodtoegang")
    String grant(@RequestParam(defaultValue = "") String verwijzing, @RequestParam(defaultValue = "") String reason, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("verwijzing", verwijzing);
        model.addAttribute("reason", reason);
        try {
            BreakGlass.Grant grant = breakGlass.grantByReference(me, verwijzing, reason);
            redirect.addFlashAttribute("message", "U heeft noodtoegang tot "
                    + grant.expiresAt().atZone(TimeConfiguration.ZONE).toLocalTime().withNano(0).withSecond(0)
                    + " uur. De privacy officer ziet dit, met uw reden.");
            return "redirect:/huishoudens/" + grant.householdId();
        } catch (InvalidInputException e) {
            // The service names the API's field "reference"; on this page it is "verwijzing".
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(field.equals("reference") ? "verwijzing" : field, message));
            model.addAttribute("errors", errors);
        } catch (NotFoundException e) {
            // The form again, with what was typed: the reason is not lost, and the message says what to do.
            model.addAttribute("errors", java.util.Map.of("verwijzing", EXPIRED));
        }
        return "privacy/break-glass-reference";
    }
}
