package nl.leefwereld.wmo.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Before the household module's catch-all for /huishoudens/**: the complaint routes there are narrower. */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
class WmoRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/v1/terms/due")
                .hasAnyRole(Role.CASE_DIRECTOR.name(), Role.TEAM_LEAD.name(), Role.MEETING_FACILITATOR.name(), Role.POLICY_OFFICER.name())
                .requestMatchers("/beheer/termijnen", "/beheer/termijnen/**").hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.GET, "/wmo/klachten/cijfers").hasAnyRole(Role.TEAM_LEAD.name(), Role.POLICY_OFFICER.name())
                .requestMatchers("/wmo/klachten", "/wmo/klachten/**", "/huishoudens/*/klachten", "/huishoudens/*/klachten/nieuw")
                .hasAnyRole(Role.CASE_DIRECTOR.name(), Role.TEAM_LEAD.name())
                .requestMatchers(HttpMethod.POST, "/huishoudens/*/wmo-verzoeken").hasAnyRole(CASEWORK)
                .requestMatchers("/wmo/verzoeken/**", "/wmo/termijnen", "/api/v1/households/*/wmo-requests").hasAnyRole(CASEWORK);
    }
}
