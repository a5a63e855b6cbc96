package nl.leefwereld.privacy.internal;

import nl.leefwereld.identity.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Break-the-glass through a search reference is casework; the protected-person screens sit under /privacy/** (privacy officer). */
@Component
class ProtectionRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/noodtoegang", "/api/v1/break-glass").hasAnyRole(CASEWORK);
    }
}
