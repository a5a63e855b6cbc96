package nl.leefwereld.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer <token>} on the API: a valid personal API token signs the request in as its account
 * (with the account's current roles). A token that is malformed, unknown, revoked, expired, of another municipality or
 * of a blocked account gets 401 problem+json at once (and a LOGIN_FAILED row in the audit trail), never a fallback to
 * another method. The token itself is never logged, stored or echoed.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    /** Request attribute: the request was signed in with an API token (a token may not make new tokens). */
    static final String AUTHENTICATED_BY_TOKEN = ApiTokenFilter.class.getName() + ".token";

    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    ApiTokenFilter(ApiTokens tokens, ApplicationEventPublisher events, JsonMapper json) {
        this.tokens = tokens;
        this.events = events;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StoredUser> user = tokens.authenticate(header.substring(7).strip());
        if (user.isEmpty()) {
            events.publishEvent(new SecurityEvent(null, null, null, SecurityEvent.Type.LOGIN_FAILED, request.getRemoteAddr(), "api-token"));
            unauthorized(json, request, response, "invalid_token",
                    "Het API-token is onbekend, ingetrokken of verlopen, of het account is geblokkeerd.");
            return;
        }
        LeefwereldUserDetails details = AccountLookup.details(user.get());
        details.eraseCredentials();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(new TokenAuthentication(details));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        request.setAttribute(AUTHENTICATED_BY_TOKEN, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
    }

    /** 401 problem+json with a Bearer challenge (RFC 6750). */
    static void unauthorized(JsonMapper json, HttpServletRequest request, HttpServletResponse response, String error, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Niet ingelogd");
        problem.setType(URI.create("https://leefwereld.nl/problemen/unauthorized"));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"Leefwereld\""
                : "Bearer realm=\"Leefwereld\", error=\"" + error + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The entry point when HTTP Basic is switched off: only tokens can sign in. */
    static AuthenticationEntryPoint bearerOnly(JsonMapper json, ApiProblemWriter problems) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof LockedOutException) {
                problems.commence(request, response, e);
                return;
            }
            unauthorized(json, request, response, null, "Log in met een API-token (Authorization: Bearer).");
        };
    }

    /** A request signed in with an API token. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final LeefwereldUserDetails principal;

        TokenAuthentication(LeefwereldUserDetails principal) {
            super(principal.getAuthorities());
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;   // the token is not kept
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }
}
