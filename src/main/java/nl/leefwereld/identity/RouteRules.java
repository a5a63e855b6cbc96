package nl.leefwereld.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each module states which roles may use its routes by providing one of these beans. Whatever no module
 * allows is denied, so a new endpoint without a rule is closed (and the access-matrix test fails).
 */
public interface RouteRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

    /** Helper: authorities for a set of roles. */
    static String[] authorities(Role... roles) {
        String[] out = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            out[i] = roles[i].name();
        }
        return out;
    }
}
