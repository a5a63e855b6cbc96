package nl.leefwereld.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The paths the application's controllers map: which paths exist at all, and which can be opened with GET. */
class MappedPaths {

    private record Route(PathPattern pattern, boolean get) {
    }

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Route> routes;

    MappedPaths(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Some controller maps this path, for any method. */
    boolean isMapped(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes().stream().anyMatch(r -> r.pattern().matches(container));
    }

    /** A controller answers GET on this path (a page a user can be sent to). */
    boolean isPage(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes().stream().anyMatch(r -> r.get() && r.pattern().matches(container));
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
                for (String pattern : info.getPatternValues()) {
                    known.add(new Route(PathPatternParser.defaultInstance.parse(pattern), get));
                }
            }
            routes = known = List.copyOf(known);
        }
        return known;
    }
}
