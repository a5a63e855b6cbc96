package nl.leefwereld.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user had typed in a form that was sent after their session had expired. It is kept in the new session, handed
 * out only after the same user has logged in again, and only once, on the page the form was on ({@code page}). The page
 * puts the values back into the form whose action is {@code action}; nothing is submitted on the user's behalf.
 *
 * @param page   path and query of the page that showed the form (where the user lands after the login)
 * @param action path the form was sent to
 * @param values the parameters as typed, in order (no CSRF token, no passwords)
 */
public record SavedForm(String page, String action, Map<String, List<String>> values) implements Serializable {

    /** Session attribute of a saved form that is ready to be shown (set after the login of its owner). */
    public static final String READY = SavedForm.class.getName() + ".ready";

    /** The saved form for this very page, removed from the session so it is shown once. */
    public static Optional<SavedForm> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(READY) instanceof SavedForm form)) {
            return Optional.empty();
        }
        String here = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!here.equals(form.page())) {
            return Optional.empty();
        }
        session.removeAttribute(READY);
        return Optional.of(form);
    }
}
