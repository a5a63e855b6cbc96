package nl.leefwereld.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.SavedForm;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user, the municipality's name and a form to restore (after a session expiry) on every page. */
@ControllerAdvice(annotations = Controller.class)
class WebModelAdvice {

    private final Administration administration;
    private final Map<String, String> municipalityNames = new ConcurrentHashMap<>();

    WebModelAdvice(Administration administration) {
        this.administration = administration;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUsers.find().orElse(null);
    }

    /** What the user had typed before their session expired, on the page of that form, once (see {@link SavedForm}). */
    @ModelAttribute("restoredForm")
    SavedForm restoredForm(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? SavedForm.take(request).orElse(null) : null;
    }

    @ModelAttribute("municipalityName")
    String municipalityName() {
        return CurrentUsers.find()
                .map(u -> municipalityNames.computeIfAbsent(u.municipalityCode(), administration::municipalityName))
                .orElse(null);
    }
}
