package nl.leefwereld.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leefwereld.identity.SavedForm;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent after the session expired has no valid CSRF token (the token lived in the session). Without this the user
 * got "Geen toegang" and lost what they typed. Now: the login page with "Uw sessie is verlopen", and, when the request
 * came from our own pages and carried the id of a session that expired while idle, the typed values are kept in the new
 * session for the owner of the old one. After that owner logs in again they land on the page of the form, which is
 * filled in again ({@link SavedForm}); nothing is submitted for them. Anyone else who logs in on that browser gets
 * nothing. Every other refusal goes to the ordinary 403 page.
 */
class ExpiredSessionForms implements AccessDeniedHandler {

    /** Session attribute: a saved form waiting for the login of its owner. */
    static final String PENDING = ExpiredSessionForms.class.getName() + ".pending";
    private static final int MAX_PARAMETERS = 200;
    private static final int MAX_VALUE_LENGTH = 20_000;

    record Pending(SessionDirectory.Owner owner, SavedForm form) implements Serializable {
    }

    private final SessionDirectory sessions;
    private final MappedPaths paths;
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    ExpiredSessionForms(SessionDirectory sessions, MappedPaths paths) {
        this.sessions = sessions;
        this.paths = paths;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || signedIn() || !"POST".equals(request.getMethod())) {
            otherwise.handle(request, response, denied);
            return;
        }
        String action = path(request);
        Optional<SessionDirectory.Owner> owner = sessions.takeExpiredOwner(request.getRequestedSessionId());
        if (action.equals("/logout")) {
            response.sendRedirect(request.getContextPath() + "/login?uitgelogd");
            return;
        }
        if (owner.isPresent() && sameOrigin(request)) {
            String page = formPage(request, action);
            if (page != null) {
                HttpSession session = request.getSession(true);
                session.setAttribute(PENDING, new Pending(owner.get(), new SavedForm(page, action, typed(request))));
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?verlopen");
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The page that showed the form: where the browser came from, else the "new" page of the collection it posts to. */
    private String formPage(HttpServletRequest request, String action) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath() == null ? "" : uri.getRawPath().substring(Math.min(request.getContextPath().length(), uri.getRawPath().length()));
                if (!path.isEmpty() && !path.equals("/login") && paths.isPage(path)) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed Referer: fall back below
            }
        }
        String guess = action + "/nieuw";
        return paths.isPage(guess) ? guess : null;
    }

    /** Sec-Fetch-Site, Origin or Referer must say the form was on one of our own pages. */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String self = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return sameAuthority(origin, self);
        }
        String referer = request.getHeader("Referer");
        return referer != null && sameAuthority(referer, self);
    }

    private static boolean sameAuthority(String url, String self) {
        try {
            URI a = URI.create(url);
            URI b = URI.create(self);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost()) && effectivePort(a) == effectivePort(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int effectivePort(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The parameters as typed, without the CSRF token and without anything that looks like a password. */
    private static Map<String, List<String>> typed(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String name = e.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (values.size() >= MAX_PARAMETERS || name.equals("_csrf") || lower.contains("password") || lower.contains("wachtwoord")) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String v : e.getValue()) {
                kept.add(v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v);
            }
            values.put(name, List.copyOf(kept));
        }
        return values;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
