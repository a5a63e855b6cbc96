package nl.leefwereld.identity.internal;

import java.util.List;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the API (HTTP Basic, stateless, problem+json errors) and the screens (form login or OIDC,
 * session, CSRF). Both take their route rules from the modules' {@link RouteRules} beans and deny the rest.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RouteRules identityRouteRules() {
        return routes -> routes
                .requestMatchers("/beheer/**", "/api/v1/admin/**").hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.GET, "/", "/api/v1/me").authenticated();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<RouteRules> rules, ApiProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(routes -> applyRules(routes, rules))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())     // stateless Basic auth: no cookie to ride on
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, List<RouteRules> rules, AccountLookup accounts,
                                 ObjectProvider<ClientRegistrationRepository> oidcClients) throws Exception {
        http.authorizeHttpRequests(routes -> {
                    routes.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/vendor/**", "/webjars/**",
                            "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll();
                    applyRules(routes, rules);
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd").permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .csrf(Customizer.withDefaults());
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(accounts.oidcUserService()))
                    .defaultSuccessUrl("/", true)
                    .failureUrl("/login?oidcfout"));
        }
        return http.build();
    }

    private static void applyRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes,
                                   List<RouteRules> rules) {
        rules.forEach(r -> r.apply(routes));
        routes.anyRequest().denyAll();
    }
}
