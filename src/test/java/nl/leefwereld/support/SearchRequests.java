package nl.leefwereld.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Person search as the running application offers it: {@code POST /api/v1/persons/search {"query": …}} and
 * {@code POST /personen/zoeken} once those exist, else the older {@code GET /api/v1/persons?q=} and
 * {@code GET /personen/zoeken?q=}. Tests that search keep working when search moves to POST.
 */
public final class SearchRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Set<String> routes;

    public SearchRequests(RequestMappingHandlerMapping mappings) {
        this.routes = RouteCatalog.all(mappings).stream().map(RouteCatalog.Route::key).collect(Collectors.toSet());
    }

    public boolean apiIsPost() {
        return routes.contains("POST /api/v1/persons/search");
    }

    public boolean pageIsPost() {
        return routes.contains("POST /personen/zoeken");
    }

    /** The API search for the query (JSON answer: a list of hits). */
    public MockHttpServletRequestBuilder api(String query) {
        if (apiIsPost()) {
            return post("/api/v1/persons/search").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(java.util.Map.of("query", query)));
        }
        return get("/api/v1/persons").param("q", query);
    }

    /** The search page for the query (HTML answer). */
    public MockHttpServletRequestBuilder page(String query) {
        if (pageIsPost()) {
            return post("/personen/zoeken").with(csrf()).param("q", query);
        }
        return get("/personen/zoeken").param("q", query);
    }

    /** The route key of the API search, as it appears in audit rows and the route table. */
    public String apiRoute() {
        return apiIsPost() ? "POST /api/v1/persons/search" : "GET /api/v1/persons";
    }
}
