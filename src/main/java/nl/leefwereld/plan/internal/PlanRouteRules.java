package nl.leefwereld.plan.internal;

import nl.leefwereld.identity.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The plan's pages and API are for casework roles; which household each user may see is AccessPolicy's decision. */
@Component
class PlanRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/huishoudens/*/plan", "/huishoudens/*/plan/**", "/api/v1/households/*/plan", "/api/v1/households/*/plan/**")
                .hasAnyRole(CASEWORK);
    }
}
