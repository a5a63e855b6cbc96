package nl.leefwereld.returns.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class ReturnsRouteRules implements RouteRules {

    /** Professionals and policy officers: the calculations hold no personal data. */
    static final String[] CALCULATORS = {Role.CASE_DIRECTOR.name(), Role.MEETING_FACILITATOR.name(), Role.POLICY_OFFICER.name(), Role.TEAM_LEAD.name()};

    /** Who records projects: policy officers and team leads. */
    static final String[] EDITORS = {Role.POLICY_OFFICER.name(), Role.TEAM_LEAD.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/v1/price-list").hasAnyRole(Role.CASE_DIRECTOR.name(), Role.MEETING_FACILITATOR.name(),
                        Role.POLICY_OFFICER.name(), Role.TEAM_LEAD.name(), Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/returns/scenario-evaluations", "/api/v1/returns/project-calculations")
                .hasAnyRole(CALCULATORS)
                .requestMatchers("/beheer/prijslijst").hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.GET, "/projecten/nieuw").hasAnyRole(EDITORS)
                .requestMatchers(HttpMethod.POST, "/projecten", "/projecten/*/status").hasAnyRole(EDITORS)
                .requestMatchers(HttpMethod.GET, "/projecten", "/projecten/*").hasAnyRole(CALCULATORS)
                .requestMatchers("/huishoudens/*/rendement", "/huishoudens/*/rendement/**", "/huishoudens/*/doorbraak").hasAnyRole(CASEWORK);
    }
}
