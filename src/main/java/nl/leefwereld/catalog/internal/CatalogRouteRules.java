package nl.leefwereld.catalog.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class CatalogRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        // The social map holds no personal data: every professional who advises residents, and policy officers.
        routes.requestMatchers(HttpMethod.GET, "/sociale-kaart", "/api/v1/provisions")
                .hasAnyRole(Role.CASE_DIRECTOR.name(), Role.TEAM_LEAD.name(), Role.MEETING_FACILITATOR.name(), Role.POLICY_OFFICER.name())
                .requestMatchers("/beheer/sociale-kaart", "/beheer/sociale-kaart/**").hasRole(Role.ADMINISTRATOR.name());
    }
}
