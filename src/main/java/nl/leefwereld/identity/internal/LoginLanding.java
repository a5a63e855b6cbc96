package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import nl.leefwereld.identity.SavedForm;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a user lands after logging in: on the page of the form they were filling in when their session expired (and
 * only if they are the one who typed it), else on the page they opened while logged out (a deep link), else on the
 * start page of their role.
 */
final class LoginLanding {

    private final RequestCache requests;

    LoginLanding(RequestCache requests) {
        this.requests = requests;
    }

    /** Deep links are remembered for GETs of pages only: not the API, not htmx fragments, not background fetches. */
    static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        RequestMatcher page = r -> HttpMethod.GET.matches(r.getMethod())
                && !r.getRequestURI().startsWith(r.getContextPath() + "/api/")
                && r.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(r.getHeader("X-Requested-With"));
        cache.setRequestMatcher(page);
        return cache;
    }

    String target(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        if (session != null && session.getAttribute(ExpiredSessionForms.PENDING) instanceof ExpiredSessionForms.Pending pending) {
            session.removeAttribute(ExpiredSessionForms.PENDING);
            if (authentication.getPrincipal() instanceof LeefwereldPrincipal p && owns(p.currentUser(), pending.owner())) {
                session.setAttribute(SavedForm.READY, pending.form());
                return pending.form().page();
            }
        }
        if (saved instanceof DefaultSavedRequest d && "GET".equals(d.getMethod())) {
            String path = d.getRequestURI().substring(d.getContextPath() == null ? 0 : d.getContextPath().length());
            if (path.startsWith("/") && !path.startsWith("//") && !path.equals("/login")) {
                return path + (d.getQueryString() == null ? "" : "?" + d.getQueryString());
            }
        }
        return "/";
    }

    private static boolean owns(CurrentUser user, SessionDirectory.Owner owner) {
        return user.municipalityCode().equals(owner.municipalityCode()) && user.id().equals(owner.userId());
    }
}
