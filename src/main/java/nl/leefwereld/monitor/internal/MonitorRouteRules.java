package nl.leefwereld.monitor.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The monitor: policy officers and council members see every table (aggregates only), team leads their own team's;
 * only policy officers start a refresh. Case directors and everyone else: 403.
 */
@Component
class MonitorRouteRules implements RouteRules {

    static final String[] VIEWERS = {Role.POLICY_OFFICER.name(), Role.COUNCIL.name(), Role.TEAM_LEAD.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/monitor/vernieuwen", "/api/v1/monitor/refresh").hasRole(Role.POLICY_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/monitor", "/monitor/**", "/api/v1/monitor/**").hasAnyRole(VIEWERS);
    }
}
