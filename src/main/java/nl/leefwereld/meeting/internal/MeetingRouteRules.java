package nl.leefwereld.meeting.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class MeetingRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        // The survey is for participants without an account: public, and it reveals nothing about the household.
        routes.requestMatchers("/enquete/*").permitAll()
                .requestMatchers("/rapportage/planbijeenkomsten").hasAnyRole(Role.MEETING_FACILITATOR.name(), Role.TEAM_LEAD.name(),
                        Role.POLICY_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/huishoudens/*/bijeenkomsten").hasAnyRole(CASEWORK)
                .requestMatchers(HttpMethod.POST, "/bijeenkomsten/**").hasRole(Role.MEETING_FACILITATOR.name())
                .requestMatchers(HttpMethod.GET, "/bijeenkomsten/**", "/api/v1/households/*/meetings").hasAnyRole(CASEWORK);
    }
}
