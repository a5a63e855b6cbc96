package nl.leefwereld.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each module states which roles may use its routes by providing one of these beans. Whatever no module
 * allows is denied, so a new endpoint without a rule is closed (and the access-matrix test fails).
 */
public interface RouteRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

    /** The casework roles as names for {@code hasAnyRole}: the roles that work with households. */
    String[] CASEWORK = Role.CASEWORK.stream().map(Role::name).sorted().toArray(String[]::new);
}
