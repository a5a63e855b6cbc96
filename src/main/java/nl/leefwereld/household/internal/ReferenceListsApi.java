package nl.leefwereld.household.internal;

import java.util.Arrays;
import java.util.List;
import nl.leefwereld.household.Relation;
import nl.leefwereld.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a member relates to the household (the {@code relation} in household answers and search hits). */
@RestController("householdReferenceListsApi")
class ReferenceListsApi {

    record RelationJson(String code, String label) {
    }

    @GetMapping("/api/v1/reference/relations")
    List<RelationJson> relations() {
        return Arrays.stream(Relation.values()).map(c -> new RelationJson(c.name(), c.label())).toList();
    }

    /** Bean names carry the module: every module has a ReferenceListsApi. */
    @Component("householdReferenceRouteRules")
    static class Rules implements RouteRules {
        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/reference/relations").hasAnyRole(CASEWORK);
        }
    }
}
