package nl.leefwereld.monitor.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The monitor's reference-data forms (budget per law, measured indicator values): policy officers only. First in line,
 * so a wider rule for the monitor's pages (team leads, council members) never opens these to other roles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/monitor/money/budget", "/monitor/indicators/*/waarden").hasRole(Role.POLICY_OFFICER.name());
    }
}
