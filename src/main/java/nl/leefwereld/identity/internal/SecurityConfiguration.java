package nl.leefwereld.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.LeefwereldPrincipal;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.RouteRules;
import nl.leefwereld.identity.SecurityEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API (API tokens as {@code Authorization: Bearer}, HTTP Basic unless switched off, stateless,
 * problem+json errors) and the screens (form login or OIDC,
 * session, CSRF). Both take their route rules from the modules' {@link RouteRules} beans and deny the rest. Both check
 * the account on every request ({@link SessionGuard}); password logins go through {@link PasswordLogin} (lockout).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The one authentication manager for passwords (form and HTTP Basic): exactly one {@link PasswordLogin}, so each
     * attempt is counted once. (A provider on the chain as well would be asked again by this parent after a failure.)
     */
    @Bean
    AuthenticationManager authenticationManager(PasswordLogin passwords) {
        return new ProviderManager(passwords);
    }

    /** Tells the session directory when the container destroys a session (idle timeout). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    RouteRules identityRouteRules() {
        return routes -> routes
                .requestMatchers("/beheer/**", "/api/v1/admin/**").hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.GET, "/", "/api/v1/me").authenticated();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<RouteRules> rules, ApiProblemWriter problems, PasswordLogin passwords,
                                 UserAccountRepository users, SessionDirectory sessions, ApplicationEventPublisher events, Clock clock,
                                 SecuritySettings settings,
                                 @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
                                 ApiTokens tokens, JsonMapper json,
                                 @Value("${leefwereld.security.api-basic-auth:true}") boolean basicAuth)
            throws Exception {
        UnmappedApiPath unmapped = new UnmappedApiPath(mappings);
        AuthenticationEntryPoint entryPoint = basicAuth ? problems : ApiTokenFilter.bearerOnly(json, problems);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(routes -> {
                    rules.forEach(r -> r.apply(routes));
                    routes.requestMatchers(unmapped).authenticated();   // answered 404 below
                    routes.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())     // stateless Basic auth: no cookie to ride on
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new ApiTokenFilter(tokens, events, json), BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionGuard(users, sessions, events, clock, settings, problems, null), AuthorizationFilter.class)
                .addFilterAfter(notFound(unmapped, problems), AuthorizationFilter.class);
        if (basicAuth) {   // local development; production switches it off (application-prod.yml) and uses API tokens
            http.httpBasic(basic -> basic.authenticationEntryPoint(databaseTroubleIsNotA401(problems)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, List<RouteRules> rules, AccountLookup accounts, PasswordLogin passwords,
                                 ObjectProvider<ClientRegistrationRepository> oidcClients, UserAccountRepository users,
                                 SessionDirectory sessions, ApplicationEventPublisher events, Clock clock, SecuritySettings settings,
                                 ApiProblemWriter problems,
                                 @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) throws Exception {
        MappedPaths mapped = new MappedPaths(mappings);
        RequestCache requestCache = LoginLanding.requestCache();
        LoginLanding landing = new LoginLanding(requestCache);
        // A page path no controller maps (and no static file below): the "not found" page, for everyone. Before the
        // modules' rules, so /beheer/typo is "not found" and not "no access"; GET /logout is such a path too.
        RequestMatcher unmappedPage = r -> {
            String path = r.getRequestURI().substring(r.getContextPath().length());
            return !path.startsWith("/api/") && !path.startsWith("/actuator") && !mapped.isMapped(path);
        };
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.authorizeHttpRequests(routes -> {
                    routes.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/vendor/**", "/webjars/**",
                            "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll();
                    routes.requestMatchers(unmappedPage).permitAll();
                    rules.forEach(r -> r.apply(routes));
                    routes.anyRequest().denyAll();
                })
                .securityContext(c -> c.securityContextRepository(contexts))
                .requestCache(c -> c.requestCache(requestCache))
                .exceptionHandling(e -> e.accessDeniedHandler(new ExpiredSessionForms(sessions, mapped)))
                .formLogin(form -> form.loginPage("/login").successHandler(sessionStart(sessions, events, false, landing))
                        .failureHandler(passwordFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd")
                        .addLogoutHandler(logoutEvent(sessions, events)).permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .csrf(Customizer.withDefaults())
                .addFilterBefore(new SessionGuard(users, sessions, events, clock, settings, problems, contexts), AuthorizationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(accounts.oidcUserService()))
                    .successHandler(sessionStart(sessions, events, true, landing))
                    .failureHandler((request, response, e) -> {
                        events.publishEvent(new SecurityEvent(null, null, null, SecurityEvent.Type.LOGIN_FAILED, request.getRemoteAddr(), "oidc"));
                        response.sendRedirect(request.getContextPath() + "/login?oidcfout");
                    }));
        }
        return http.build();
    }

    /**
     * After a login: the session gets its handle and login time (for revocation and the absolute timeout); the user
     * lands where {@link LoginLanding} says (the form they were filling in, the deep link they opened, or "/").
     */
    private static SimpleUrlAuthenticationSuccessHandler sessionStart(SessionDirectory sessions, ApplicationEventPublisher events, boolean oidc,
                                                                      LoginLanding landing) {
        SimpleUrlAuthenticationSuccessHandler handler = new SimpleUrlAuthenticationSuccessHandler("/") {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                if (authentication.getPrincipal() instanceof LeefwereldPrincipal p) {
                    sessions.register(request, p.currentUser());
                    if (oidc) {   // password logins publish this in PasswordLogin
                        var u = p.currentUser();
                        events.publishEvent(new SecurityEvent(u.municipalityCode(), u.id(), u.username(), SecurityEvent.Type.LOGIN_SUCCEEDED,
                                request.getRemoteAddr(), "oidc"));
                    }
                }
                String target = landing.target(request, response, authentication);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, target);
            }
        };
        handler.setAlwaysUseDefaultTargetUrl(true);
        return handler;
    }

    /** A locked name or address gets its own message with the minutes to wait; everything else the one generic message. */
    private static AuthenticationFailureHandler passwordFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof LockedOutException locked ? "/login?teveel=" + locked.minutes() : "/login?error"));
    }

    private static LogoutHandler logoutEvent(SessionDirectory sessions, ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            var session = request.getSession(false);
            if (session != null && session.getAttribute(SessionDirectory.HANDLE) instanceof UUID handle) {
                sessions.ended(handle);
            }
            if (authentication != null && authentication.getPrincipal() instanceof LeefwereldPrincipal p) {
                var u = p.currentUser();
                events.publishEvent(new SecurityEvent(u.municipalityCode(), u.id(), u.username(), SecurityEvent.Type.LOGOUT,
                        request.getRemoteAddr(), null));
            }
        };
    }

    /**
     * A password check that failed because the database did not answer (no pooled connection in time, a statement
     * timeout) is not a wrong password: the database error goes on up, where it is answered 503 "busy" (platform).
     */
    private static AuthenticationEntryPoint databaseTroubleIsNotA401(AuthenticationEntryPoint delegate) {
        return (request, response, e) -> {
            if (e instanceof InternalAuthenticationServiceException && e.getCause() instanceof DataAccessException database) {
                throw database;
            }
            delegate.commence(request, response, e);
        };
    }

    /** An unmapped /api path, after the user was found to be signed in: 404 problem+json. */
    private static OncePerRequestFilter notFound(UnmappedApiPath unmapped, ApiProblemWriter problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (unmapped.matches(request)) {
                    problems.notFound(request, response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
