package nl.leefwereld.budget.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Requests and decisions: the household's team (the service checks the team); batches: the team lead. */
@Component
class BudgetRouteRules implements RouteRules {

    static final String[] TEAM = {Role.CASE_DIRECTOR.name(), Role.TEAM_LEAD.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/huishoudens/*/maatwerkbudget", "/huishoudens/*/maatwerkbudget/**").hasAnyRole(CASEWORK)
                .requestMatchers(HttpMethod.GET, "/maatwerkbudget").hasAnyRole(TEAM)
                .requestMatchers("/maatwerkbudget/betaalbestanden", "/maatwerkbudget/betaalbestanden/**").hasRole(Role.TEAM_LEAD.name());
    }
}
