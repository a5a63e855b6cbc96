package nl.leefwereld.identity.internal;

import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    @GetMapping("/login")
    String login(Model model, @org.springframework.web.bind.annotation.RequestParam(name = "teveel", required = false) String lockedMinutes) {
        if (lockedMinutes != null) {
            int minutes = 15;
            try {
                minutes = Math.max(1, Math.min(24 * 60, Integer.parseInt(lockedMinutes.strip())));
            } catch (NumberFormatException e) {
                // keep the default: the number only phrases the message
            }
            model.addAttribute("lockedMinutes", minutes);
        }
        List<Map<String, String>> providers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo) {
            for (ClientRegistration r : repo) {
                providers.add(Map.of("id", r.getRegistrationId(), "name", r.getClientName()));
            }
        }
        model.addAttribute("oidcProviders", providers);
        return "identity/login";
    }

    /** Each role starts where its work is. */
    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUsers.get();
        if (me.doesCasework()) {
            return "redirect:/mijn-werk";
        }
        if (me.has(Role.PRIVACY_OFFICER)) {
            return "redirect:/privacy/audit";
        }
        if (me.has(Role.ADMINISTRATOR)) {
            return "redirect:/beheer/gebruikers";
        }
        return "identity/start";
    }
}
