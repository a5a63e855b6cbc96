package nl.leefwereld.privacy.internal;

import java.util.Arrays;
import java.util.List;
import nl.leefwereld.identity.RouteRules;
import nl.leefwereld.privacy.ConsentPurpose;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The purposes a consent can be given for, for the {@code purpose} of a consent. */
@RestController("privacyReferenceListsApi")
class ReferenceListsApi {

    record ConsentPurposeJson(String code, String label) {
    }

    @GetMapping("/api/v1/reference/consent-purposes")
    List<ConsentPurposeJson> consentPurposes() {
        return Arrays.stream(ConsentPurpose.values()).map(c -> new ConsentPurposeJson(c.name(), c.label())).toList();
    }

    /** Bean names carry the module: every module has a ReferenceListsApi. */
    @Component("privacyReferenceRouteRules")
    static class Rules implements RouteRules {
        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/reference/consent-purposes").hasAnyRole(CASEWORK);
        }
    }
}
