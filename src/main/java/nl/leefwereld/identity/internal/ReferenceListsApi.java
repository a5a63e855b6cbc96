package nl.leefwereld.identity.internal;

import java.util.List;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.RouteRules;
import nl.leefwereld.identity.TeamRef;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The districts of the signed-in user's municipality, for the {@code districtCode} of an address. */
@RestController("identityReferenceListsApi")
class ReferenceListsApi {

    private final Directory directory;

    ReferenceListsApi(Directory directory) {
        this.directory = directory;
    }

    /** A district and the team that serves it (null while no team does: notifications there cannot be routed). */
    record DistrictJson(String code, String name, TeamRef team) {
    }

    @GetMapping("/api/v1/reference/districts")
    List<DistrictJson> districts() {
        CurrentUser me = CurrentUsers.get();
        return directory.districts(me.municipalityCode()).stream()
                .map(d -> new DistrictJson(d.code(), d.name(), directory.teamServing(me.municipalityCode(), d.code()).orElse(null)))
                .toList();
    }

    /** Bean names carry the module: every module has a ReferenceListsApi. */
    @Component("identityReferenceRouteRules")
    static class Rules implements RouteRules {
        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/reference/districts").hasAnyRole(CASEWORK);
        }
    }
}
