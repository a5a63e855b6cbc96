package nl.leefwereld.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The routes of the running application, read from its handler mapping, and concrete paths for them. */
public final class RouteCatalog {

    private RouteCatalog() {
    }

    public record Route(HttpMethod method, String pattern, HandlerMethod handler) {
        public String key() {
            return method.name() + " " + pattern;
        }
    }

    /** Every (method, pattern) pair; a mapping without a method (such as /error) counts as GET. */
    public static List<Route> all(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            var methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, pattern, e.getValue()));
                }
                methods.forEach(m -> routes.add(new Route(HttpMethod.valueOf(m.name()), pattern, e.getValue())));
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
        return routes;
    }

    /**
     * Fills path variables. Keys starting with "{" replace that variable anywhere ("{consentId}"); other keys are a
     * path prefix whose "{id}" they fill ("/huishoudens/{id}" → the household to use).
     */
    public static String fill(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (v.getKey().startsWith("{")) {
                path = path.replace(v.getKey(), v.getValue());
            } else if (path.startsWith(v.getKey())) {
                path = path.replace(v.getKey(), v.getKey().replace("{id}", v.getValue()));
            }
        }
        assertThat(path).as("no unresolved path variable in " + pattern).doesNotContain("{");
        return path;
    }
}
