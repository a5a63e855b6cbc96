package nl.leefwereld.household.internal;

import nl.leefwereld.identity.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Households are casework: only case directors, team leads and meeting facilitators; per household the access policy decides. */
@Component
class HouseholdRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/huishoudens/**", "/personen/**", "/api/v1/households/**", "/api/v1/persons/**", "/api/v1/persons")
                .hasAnyRole(CASEWORK);
    }
}
