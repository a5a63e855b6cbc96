package nl.leefwereld.monitor.internal;

import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The monitor's downloads and export jobs: policy officers, council members (aggregates only) and team leads (the
 * monitor filters them to their own team). A job and its file are further limited to the user who started it.
 */
@Component
class MonitorExportRouteRules implements RouteRules {

    /** Who may use the monitor's exports: the same roles as the monitor's pages. */
    static final String[] ROLES = {Role.POLICY_OFFICER.name(), Role.TEAM_LEAD.name(), Role.COUNCIL.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/monitor/*.csv", "/monitor/*.xlsx", "/monitor/raadsrapportage", "/monitor/raadsrapportage.pdf",
                        "/monitor/raadsrapportage/nieuw", "/monitor/exports/*", "/monitor/exports/*/bestand").hasAnyRole(ROLES)
                .requestMatchers(HttpMethod.POST, "/monitor/raadsrapportage").hasAnyRole(ROLES);
    }
}
