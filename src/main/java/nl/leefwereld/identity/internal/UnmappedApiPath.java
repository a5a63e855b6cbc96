package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An /api path that no controller maps, for any method. Such a path answers 404 (to a signed-in user) instead of the
 * 403 of the final deny-all; a mapped path without a rule (a new route, or a method nobody allowed) stays 403.
 */
class UnmappedApiPath implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> patterns;

    UnmappedApiPath(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return patterns().stream().noneMatch(p -> p.matches(container));
    }

    private List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            known = new ArrayList<>();
            for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    known.add(PathPatternParser.defaultInstance.parse(pattern));
                }
            }
            patterns = List.copyOf(known);
        }
        return known;
    }
}
