package nl.leefwereld.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.RouteCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document names a schema after its class's simple name, so two different API types with the same
 * simple name in different modules would silently share one schema (and one of them would be documented wrong).
 */
@IntegrationTest
class ApiSchemaNamesTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noTwoApiTypesShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        RouteCatalog.all(mappings).stream().filter(r -> r.pattern().startsWith("/api/")).forEach(r -> {
            collect(r.handler().getMethod().getGenericReturnType(), byName);
            for (MethodParameter p : r.handler().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    collect(p.getGenericParameterType(), byName);
                }
            }
        });
        assertThat(byName).as("API types found").hasSizeGreaterThanOrEqualTo(15);
        byName.forEach((name, classes) -> assertThat(classes).as("classes documented as schema " + name).hasSize(1));
    }

    private static void collect(Type type, Map<String, Set<String>> byName) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, byName);
            }
            collect(p.getRawType(), byName);
            return;
        }
        if (!(type instanceof Class<?> c) || !c.getName().startsWith("nl.leefwereld.")) {
            return;
        }
        if (!byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getName())) {
            return;   // seen: stop (and no endless loop on recursive types)
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), byName);
            }
        }
    }
}
