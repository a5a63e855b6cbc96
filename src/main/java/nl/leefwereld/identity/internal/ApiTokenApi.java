package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.RouteRules;
import nl.leefwereld.identity.internal.ApiTokenRepository.TokenRow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's own API tokens: list, create (only when signed in with the password — a token cannot make new tokens,
 * so a stolen token never outlives its expiry), revoke.
 */
@RestController
class ApiTokenApi {

    private final ApiTokens tokens;

    ApiTokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewTokenRequest(String name, String expiresOn) {
    }

    /** The answer to a creation: the token text appears here once and never again. */
    record NewToken(UUID id, String name, String token, Instant expiresAt) {
    }

    record TokenJson(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
        static TokenJson of(TokenRow r) {
            return new TokenJson(r.id(), r.name(), r.createdAt(), r.expiresAt(), r.lastUsedAt(), r.revokedAt() != null);
        }
    }

    @GetMapping("/api/v1/me/tokens")
    List<TokenJson> mine() {
        CurrentUser me = CurrentUsers.get();
        return tokens.list(me.municipalityCode(), me.id()).stream().map(TokenJson::of).toList();
    }

    @PostMapping("/api/v1/me/tokens")
    ResponseEntity<?> create(@RequestBody NewTokenRequest body, HttpServletRequest request) {
        if (request.getAttribute(ApiTokenFilter.AUTHENTICATED_BY_TOKEN) != null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Een nieuw API-token maakt u met uw wachtwoord of via de functioneel beheerder, niet met een ander token.");
            p.setTitle("Geen toegang");
            p.setType(URI.create("https://leefwereld.nl/problemen/token-cannot-create-token"));
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
        }
        CurrentUser me = CurrentUsers.get();
        ApiTokens.Issued issued = tokens.create(me.municipalityCode(), me.id(), body.name(), body.expiresOn(), me);
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.id()))
                .header("Cache-Control", "no-store")
                .body(new NewToken(issued.id(), body.name().strip(), issued.token(), issued.expiresAt()));
    }

    /** Revokes one of the user's own tokens; answers the token as it is now (revoked). Another user's token: 404. */
    @DeleteMapping("/api/v1/me/tokens/{id}")
    TokenJson revoke(@PathVariable UUID id) {
        CurrentUser me = CurrentUsers.get();
        tokens.revoke(me.municipalityCode(), id, me.id(), me);
        return tokens.list(me.municipalityCode(), me.id()).stream().filter(t -> t.id().equals(id)).findFirst().map(TokenJson::of)
                .orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("API_TOKEN"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {
        /** Everyone signed in manages their own tokens; the administration screen is under /beheer/** (administrators). */
        @Bean
        RouteRules apiTokenRouteRules() {
            return routes -> routes
                    .requestMatchers(HttpMethod.GET, "/api/v1/me/tokens").authenticated()
                    .requestMatchers(HttpMethod.POST, "/api/v1/me/tokens").authenticated()
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/me/tokens/*").authenticated();
        }
    }

}
