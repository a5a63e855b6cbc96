package nl.leefwereld.outcome.internal;

import nl.leefwereld.identity.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Assessments are for casework roles; which household each user may see is AccessPolicy's decision. */
@Component
class OutcomeRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/huishoudens/*/leefgebieden", "/api/v1/households/*/assessments").hasAnyRole(CASEWORK);
    }
}
