package nl.leefwereld.platform.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.leefwereld.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Which roles may call an API route, asked of the API's own security filter chain (built from the modules'
 * {@code RouteRules}), so the OpenAPI document states exactly what the application enforces and cannot drift from it.
 */
@Component
class ApiRouteRoles {

    /** Who may call a route: nobody signed in needed ({@code open}), or the roles allowed. */
    record Allowed(boolean open, Set<Role> roles) {
    }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^/}]+}");
    /** Any value fills a path variable: the security rules match on the pattern's shape, not on the value. */
    private static final String SAMPLE_SEGMENT = "00000000-0000-4000-8000-000000000000";

    private final ObjectProvider<FilterChainProxy> filters;

    ApiRouteRoles(ObjectProvider<FilterChainProxy> filters) {
        this.filters = filters;
    }

    Allowed allowed(String method, String pathPattern) {
        HttpServletRequest request = request(method, PATH_VARIABLE.matcher(pathPattern).replaceAll(SAMPLE_SEGMENT));
        AuthorizationManager<HttpServletRequest> manager = managerFor(request);
        boolean open = granted(manager, new AnonymousAuthenticationToken("openapi", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), request);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            Authentication user = UsernamePasswordAuthenticationToken.authenticated("openapi-" + role.name(), null,
                    AuthorityUtils.createAuthorityList(role.authority()));
            if (granted(manager, user, request)) {
                roles.add(role);
            }
        }
        return new Allowed(open, roles);
    }

    private AuthorizationManager<HttpServletRequest> managerFor(HttpServletRequest request) {
        // The chains in the order the application tries them; the first that matches decides, as for a real request.
        SecurityFilterChain chain = filters.getObject().getFilterChains().stream().filter(c -> c.matches(request)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no security filter chain for " + request.getRequestURI()));
        return chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance).map(AuthorizationFilter.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no authorization rules for " + request.getRequestURI()))
                .getAuthorizationManager();
    }

    private static boolean granted(AuthorizationManager<HttpServletRequest> manager, Authentication who, HttpServletRequest request) {
        AuthorizationResult result = manager.authorize(() -> who, request);
        return result != null && result.isGranted();
    }

    /** A bare request with only a method and a path: all that route rules look at. */
    private static HttpServletRequest request(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "/";
            }

            @Override
            public String getServletName() {
                return "dispatcherServlet";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.DEFAULT;
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(ApiRouteRoles.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRequestURL" -> new StringBuffer(path);
                    case "getContextPath" -> "";
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getHttpServletMapping" -> mapping;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(List.copyOf(attributes.keySet()));
                    case "getHeaders", "getHeaderNames", "getParameterNames" -> Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "isSecure", "isUserInRole", "isRequestedSessionIdValid" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + path;
                    default -> m.getReturnType() == int.class ? 0 : m.getReturnType() == long.class ? 0L
                            : m.getReturnType() == boolean.class ? false : null;
                });
        ServletRequestPathUtils.setParsedRequestPath(RequestPath.parse(path, null), request);
        return request;
    }
}
