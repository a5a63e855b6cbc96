package nl.leefwereld.identity.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Functioneel beheer: every API token of the municipality; make one for a user (shown once), revoke any. */
@Controller
class ApiTokenController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final ApiTokens tokens;
    private final Administration admin;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Administration admin, Clock clock) {
        this.tokens = tokens;
        this.admin = admin;
        this.clock = clock;
    }

    /** A row as the page shows it: dates in Dutch notation, the status in words. */
    record Row(UUID id, String user, String name, String created, String expires, String lastUsed, String status, boolean active) {
    }

    @GetMapping("/beheer/api-tokens")
    String list(Model model) {
        return page(model, "", "", "", null);
    }

    private String page(Model model, String userId, String name, String expiresOn, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        java.time.Instant now = clock.instant();
        model.addAttribute("nav", "gebruikers");
        model.addAttribute("tokens", tokens.list(me.municipalityCode(), null).stream().map(t -> {
            boolean revoked = t.revokedAt() != null;
            boolean expired = !revoked && !t.expiresAt().isAfter(now);
            return new Row(t.id(), t.displayName() + " (" + t.username() + ")", t.name(), MOMENT.format(t.createdAt().atZone(ApiTokens.ZONE)),
                    DAY.format(t.expiresAt().atZone(ApiTokens.ZONE).minusDays(1)),
                    t.lastUsedAt() == null ? "nooit" : MOMENT.format(t.lastUsedAt().atZone(ApiTokens.ZONE)),
                    revoked ? "Ingetrokken" : expired ? "Verlopen" : "Geldig", !revoked && !expired);
        }).toList());
        model.addAttribute("listLimit", ApiTokens.LIST_LIMIT);
        Map<String, String> users = new LinkedHashMap<>();
        admin.users(me.municipalityCode()).stream().filter(u -> u.active())
                .forEach(u -> users.put(u.id().toString(), u.displayName() + " (" + u.username() + ")"));
        model.addAttribute("userOptions", users);
        model.addAttribute("userId", userId);
        model.addAttribute("name", name);
        model.addAttribute("expiresOn", expiresOn);
        model.addAttribute("errors", errors);
        return "identity/api-tokens";
    }

    @PostMapping("/beheer/api-tokens")
    String create(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String expiresOn, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            UUID user = FieldErrors.idOrNull(userId);   // empty or not an id: create() says "Kies een gebruiker uit de lijst."
            ApiTokens.Issued issued = tokens.create(me.municipalityCode(), user, name, expiresOn, me);
            redirect.addFlashAttribute("message", "Het API-token is aangemaakt. Kopieer het nu: het wordt maar één keer getoond.");
            redirect.addFlashAttribute("newToken", issued.token());
            redirect.addFlashAttribute("newTokenExpires", DAY.format(issued.expiresAt().atZone(ApiTokens.ZONE).minusDays(1)));
            return "redirect:/beheer/api-tokens";
        } catch (InvalidInputException e) {
            return page(model, userId, name, expiresOn, e.fieldErrors());
        }
    }

    @PostMapping("/beheer/api-tokens/{id}/intrekken")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        tokens.revoke(me.municipalityCode(), id, null, me);
        redirect.addFlashAttribute("message", "Het API-token is ingetrokken. Het werkt vanaf nu niet meer.");
        return "redirect:/beheer/api-tokens";
    }
}
