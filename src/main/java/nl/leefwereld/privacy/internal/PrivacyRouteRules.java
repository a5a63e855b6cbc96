package nl.leefwereld.privacy.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class PrivacyRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/privacy/**", "/api/v1/audit-events", "/api/v1/audit-events/export", "/api/v1/audit-chain/verification", "/api/v1/inzage").hasRole(Role.PRIVACY_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/huishoudens/*/noodtoegang", "/api/v1/households/*/break-glass")
                .hasAnyRole(CASEWORK);
    }
}
