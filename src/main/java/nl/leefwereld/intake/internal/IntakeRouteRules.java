package nl.leefwereld.intake.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class IntakeRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/zaken/*/regisseur", "/teams/*/werkvoorraad/regisseur").hasRole(Role.TEAM_LEAD.name())
                .requestMatchers(HttpMethod.GET, "/teams/*/werkvoorraad", "/api/v1/teams/*/caseload")
                .hasAnyRole(Role.TEAM_LEAD.name(), Role.CASE_DIRECTOR.name())
                .requestMatchers("/mijn-werk", "/meldingen/**", "/api/v1/notifications", "/api/v1/my-work").hasAnyRole(CASEWORK);
    }
}
