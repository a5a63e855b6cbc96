package nl.leefwereld.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.identity.internal.UserAccountRepository.SessionState;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs on every authenticated request, before the route rules: the account as it is NOW decides, not as it was at login.
 * <ul>
 *   <li>absolute timeout: a screen session ends {@code leefwereld.security.session.absolute-timeout} after its login;</li>
 *   <li>revoked by an administrator: the session ends;</li>
 *   <li>account blocked or gone: the session (or API request) ends;</li>
 *   <li>roles or team changed (security version differs): the principal is rebuilt, so this very request already
 *       gets the new rights.</li>
 * </ul>
 * Costs one primary-key lookup of {@code app_user} per request. Screens go to the login page with a message; the API
 * answers 401 problem+json.
 */
class SessionGuard extends OncePerRequestFilter {

    private final UserAccountRepository users;
    private final SessionDirectory sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration absoluteTimeout;
    private final ApiProblemWriter problems;
    /** Where the rebuilt principal is saved (the session); null for the stateless API. */
    private final SecurityContextRepository contexts;

    SessionGuard(UserAccountRepository users, SessionDirectory sessions, ApplicationEventPublisher events, Clock clock,
                 SecuritySettings settings, ApiProblemWriter problems, SecurityContextRepository contexts) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.absoluteTimeout = settings.getSession().getAbsoluteTimeout();
        this.problems = problems;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof LeefwereldPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = principal.currentUser();
        HttpSession session = request.getSession(false);
        if (session != null) {
            Instant now = clock.instant();
            Instant since = session.getAttribute(SessionDirectory.AUTHENTICATED_AT) instanceof Instant i ? i : null;
            if (since == null) {
                session.setAttribute(SessionDirectory.AUTHENTICATED_AT, now);
            } else if (now.isAfter(since.plus(absoluteTimeout))) {
                events.publishEvent(new SecurityEvent(user.municipalityCode(), user.id(), user.username(), SecurityEvent.Type.SESSION_EXPIRED,
                        request.getRemoteAddr(), "absolute"));
                end(request, response, session, "verlopen", "Uw sessie is verlopen. Log opnieuw in.");
                return;
            }
            if (session.getAttribute(SessionDirectory.HANDLE) instanceof UUID handle) {
                Optional<SessionDirectory.Entry> entry = sessions.find(handle);
                if (entry.isEmpty() || entry.get().state != SessionDirectory.State.ACTIVE) {
                    end(request, response, session, "beeindigd", "Uw sessie is beëindigd door een beheerder. Log opnieuw in.");
                    return;
                }
                sessions.touch(entry.get());
            }
        }
        Optional<SessionState> state = users.sessionState(user.municipalityCode(), user.id());
        if (state.isEmpty() || !state.get().active()) {
            events.publishEvent(new SecurityEvent(user.municipalityCode(), user.id(), user.username(), SecurityEvent.Type.SESSION_REVOKED,
                    request.getRemoteAddr(), "account-inactive"));
            end(request, response, session, "geblokkeerd", "Uw account is geblokkeerd. Vraag het de functioneel beheerder.");
            return;
        }
        long version = auth.getPrincipal() instanceof VersionedPrincipal v ? v.securityVersion() : -1;
        if (version != state.get().securityVersion() && !rebuild(auth, user, request, response)) {
            end(request, response, session, "geblokkeerd", "Uw account is geblokkeerd. Vraag het de functioneel beheerder.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Puts a principal with the account's current roles and team in the security context (and the session). */
    private boolean rebuild(Authentication auth, CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        Optional<StoredUser> stored = users.findById(user.municipalityCode(), user.id()).filter(s -> s.account().active());
        if (stored.isEmpty()) {
            return false;
        }
        CurrentUser current = AccountLookup.toCurrentUser(stored.get());
        long version = stored.get().securityVersion();
        AbstractAuthenticationToken rebuilt;
        if (auth instanceof OAuth2AuthenticationToken oauth && auth.getPrincipal() instanceof LeefwereldOidcUser oidc) {
            LeefwereldOidcUser updated = oidc.withUser(current, version);
            rebuilt = new OAuth2AuthenticationToken(updated, updated.getAuthorities(), oauth.getAuthorizedClientRegistrationId());
        } else {
            LeefwereldUserDetails details = AccountLookup.details(stored.get());
            details.eraseCredentials();
            rebuilt = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        }
        rebuilt.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(rebuilt);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        if (contexts != null) {
            contexts.saveContext(context, request, response);
        }
        return true;
    }

    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, String reason, String detail)
            throws IOException {
        if (session != null) {
            if (session.getAttribute(SessionDirectory.HANDLE) instanceof UUID handle) {
                sessions.ended(handle);
            }
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
        SecurityContextHolder.clearContext();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            problems.sessionEnded(request, response, detail);
        } else {
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        }
    }
}
