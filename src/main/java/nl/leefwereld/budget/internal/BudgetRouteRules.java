package nl.leefwereld.budget.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Requests and decisions: case directors and team leads (the service checks that they are of the household's team);
 * batches: the team lead. First in line, so the household module's "/huishoudens/**" (all casework) does not open the
 * budget routes to meeting facilitators.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BudgetRouteRules implements RouteRules {

    static final String[] TEAM = {Role.CASE_DIRECTOR.name(), Role.TEAM_LEAD.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/huishoudens/*/maatwerkbudget", "/huishoudens/*/maatwerkbudget/**").hasAnyRole(TEAM)
                .requestMatchers(HttpMethod.GET, "/maatwerkbudget", "/maatwerkbudget/jaaroverzicht").hasAnyRole(TEAM)
                .requestMatchers(HttpMethod.POST, "/maatwerkbudget/jaarbudget").hasRole(Role.TEAM_LEAD.name())
                .requestMatchers(HttpMethod.GET, "/beleid/maatwerkbudget").hasRole(Role.POLICY_OFFICER.name())
                .requestMatchers("/maatwerkbudget/betaalbestanden", "/maatwerkbudget/betaalbestanden/**").hasRole(Role.TEAM_LEAD.name());
    }
}
