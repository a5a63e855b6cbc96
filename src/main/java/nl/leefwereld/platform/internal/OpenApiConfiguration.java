package nl.leefwereld.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.leefwereld.identity.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs}, generated from the API controllers by springdoc and completed
 * here for every operation at once: the roles that may call it (asked of the security rules themselves), the
 * problem+json errors, HTTP Basic, examples, and a tag per module. New routes get all of this without annotations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_BASE = "https://leefwereld.nl/problemen/";

    /** The errors every operation can answer, each as a shared response in components. */
    private static final Map<String, String> ERROR_RESPONSES = new LinkedHashMap<>();

    static {
        ERROR_RESPONSES.put("400", "BadRequest");
        ERROR_RESPONSES.put("401", "Unauthorized");
        ERROR_RESPONSES.put("403", "Forbidden");
        ERROR_RESPONSES.put("404", "NotFound");
        ERROR_RESPONSES.put("409", "Conflict");
        ERROR_RESPONSES.put("429", "TooManyRequests");
    }

    /** Tags per module (the package under nl.leefwereld), in the order they appear in the document. */
    private static final Map<String, String> MODULE_TAGS = new LinkedHashMap<>();

    static {
        MODULE_TAGS.put("reference", "Reference lists: the codes the other operations accept, with their Dutch labels.");
        MODULE_TAGS.put("intake", "Notifications (meldingen) and the work list (Mijn werk).");
        MODULE_TAGS.put("household", "Households, their members and network, person search, consent.");
        MODULE_TAGS.put("privacy", "Break-the-glass, the audit trail and the resident's right of access (inzage).");
        MODULE_TAGS.put("identity", "The signed-in account, users and teams.");
    }

    /** Short summaries of the operations known when this was written; a new operation still gets roles and errors. */
    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("GET /api/v1/me", "The signed-in account: name, municipality, team and roles"),
            Map.entry("GET /api/v1/admin/users", "All user accounts of the municipality"),
            Map.entry("POST /api/v1/admin/users", "Create a user account"),
            Map.entry("GET /api/v1/admin/teams", "All teams with their districts and number of members"),
            Map.entry("POST /api/v1/notifications", "Register a notification, for a known household or a new one"),
            Map.entry("GET /api/v1/my-work", "My cases and the team's new notifications"),
            Map.entry("GET /api/v1/households/{id}", "One household: members (BSN masked) and network"),
            Map.entry("POST /api/v1/households", "Create a household with its head"),
            Map.entry("POST /api/v1/households/{id}/network-members", "Add someone to the household's network"),
            Map.entry("GET /api/v1/households/{id}/consents", "The consents of the household's members"),
            Map.entry("POST /api/v1/households/{id}/consents", "Record a member's consent for a purpose and recipient"),
            Map.entry("GET /api/v1/persons", "Search persons by name, BSN, address or birth date"),
            Map.entry("POST /api/v1/households/{id}/break-glass", "Break the glass: temporary access with a stated reason"),
            Map.entry("GET /api/v1/audit-events", "Search the audit trail"),
            Map.entry("POST /api/v1/inzage", "Export everything known about a resident (right of access)"),
            Map.entry("GET /api/v1/reference/districts", "Districts with the team that serves each"),
            Map.entry("GET /api/v1/reference/channels", "Channels a notification can come in through"),
            Map.entry("GET /api/v1/reference/relations", "Relations of a member to the household"),
            Map.entry("GET /api/v1/reference/consent-purposes", "Purposes a consent can be given for"));

    @Bean
    OpenAPI leefwereldOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("HTTP Basic with a Leefwereld account (username and password) over HTTPS. "
                                + "Token-based authentication for systems (OAuth 2.0 client credentials) comes later."))
                .addSchemas(PROBLEM, problemSchema());
        ERROR_RESPONSES.forEach((status, name) -> components.addResponses(name, errorResponse(status)));
        return new OpenAPI(SpecVersion.V31)
                .info(new Info().title("Leefwereld API").version("v1")
                        .license(new License().name("EUPL-1.2").identifier("EUPL-1.2"))
                        .description("""
                                The REST API of Leefwereld, the information system for the social domain of Dutch \
                                municipalities. JSON in and out; dates as yyyy-MM-dd. Every operation states the roles \
                                that may call it (`x-roles`, and a line in its description); for households the access \
                                policy decides per household as well (team, case director, network, or break-the-glass). \
                                Errors are RFC 9457 `application/problem+json` with a Dutch `title` and `detail` and, for \
                                field errors, an `errors` object (field → message). BSNs are masked in answers and travel \
                                only in request bodies, never in URLs. Every read of personal data is audited."""))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .tags(MODULE_TAGS.entrySet().stream().map(t -> new Tag().name(t.getKey()).description(t.getValue())).toList());
    }

    /** Tags each operation with its module, read from the controller's package (nl.leefwereld.&lt;module&gt;.internal). */
    @Bean
    OperationCustomizer moduleTag() {
        return (operation, handler) -> {
            String module = handler.getBeanType().getSimpleName().equals("ReferenceListsApi") ? "reference"
                    : handler.getBeanType().getPackageName().replaceFirst("^nl\\.leefwereld\\.", "").replaceFirst("\\..*$", "");
            operation.setTags(List.of(module));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer apiConventions(ApiRouteRoles routeRoles, ApiExamples examples, Clock clock) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method.name() + " " + path;
                describeAccess(operation, routeRoles.allowed(method.name(), path));
                if (operation.getSummary() == null && SUMMARIES.containsKey(key)) {
                    operation.setSummary(SUMMARIES.get(key));
                }
                if (operation.getOperationId() != null) {
                    operation.setOperationId(operation.getOperationId().replaceAll("_\\d+$", ""));
                }
                markCreated(operation, method, examples.creates(key));
                addErrors(operation);
                examples.requestExample(key, today).ifPresent(example -> {
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        MediaType json = operation.getRequestBody().getContent().get(JSON);
                        if (json != null) {
                            json.setExample(example);
                        }
                    }
                });
            }));
        };
    }

    private static void describeAccess(Operation operation, ApiRouteRoles.Allowed allowed) {
        String who;
        if (allowed.open()) {
            who = "Everyone, without signing in.";
            operation.setSecurity(List.of());
        } else if (allowed.roles().isEmpty()) {
            who = "Nobody: this route is closed.";
        } else if (allowed.roles().size() == Role.values().length) {
            who = "Every signed-in user.";
        } else {
            who = allowed.roles().stream().map(r -> r.name() + " (" + r.label() + ")").collect(Collectors.joining(", ")) + ".";
        }
        operation.addExtension("x-roles", allowed.roles().stream().map(Role::name).sorted().toList());
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "**Roles:** " + who);
    }

    /** Operations that answer 201 Created say so, with the Location of what was made. */
    private static void markCreated(Operation operation, PathItem.HttpMethod method, boolean creates) {
        if (!creates || method != PathItem.HttpMethod.POST || operation.getResponses() == null) {
            return;
        }
        ApiResponse ok = operation.getResponses().remove("200");
        if (ok != null) {
            ok.setDescription("Created");
            ok.addHeaderObject("Location", new Header().description("Where the created record can be read")
                    .schema(string("uri")));
            operation.getResponses().addApiResponse("201", ok);
        }
    }

    private static void addErrors(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ERROR_RESPONSES.forEach((status, name) ->
                operation.getResponses().addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name)));
        // A stable order: success first, then the errors by status code.
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        operation.setResponses(responses);
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> errors = object().description("Field errors: the field name (as in the request) → a Dutch message.");
        errors.setAdditionalProperties(string(null));
        return object()
                .description("""
                        An error as RFC 9457 problem details. Some problems carry more members: `householdId` (403, no \
                        access to that household), `candidates` (409, a person that may already be known), `purpose` \
                        (409, consent missing).""")
                .addProperty("type", string("uri").description("Identifies the kind of problem").example(PROBLEM_BASE + "invalid-input"))
                .addProperty("title", string(null).description("Short Dutch title").example("Ongeldige invoer"))
                .addProperty("status", integer().description("The HTTP status code").example(400))
                .addProperty("detail", string(null).description("Dutch explanation for the person reading it")
                        .example("Eén of meer velden kloppen niet."))
                .addProperty("instance", string("uri").description("The request path (never its query string)"))
                .addProperty("errors", errors)
                .required(List.of("title", "status"));
    }

    private static ApiResponse errorResponse(String status) {
        Map<String, Object> example = new LinkedHashMap<>();
        String description;
        switch (status) {
            case "400" -> {
                description = "Invalid input: the fields in `errors` say what to change";
                example.put("type", PROBLEM_BASE + "invalid-input");
                example.put("title", "Ongeldige invoer");
                example.put("status", 400);
                example.put("detail", "Eén of meer velden kloppen niet.");
                example.put("errors", Map.of("receivedOn", "De datum van de melding kan niet in de toekomst liggen."));
            }
            case "401" -> {
                description = "Not signed in: send HTTP Basic credentials";
                example.put("title", "Niet ingelogd");
                example.put("status", 401);
                example.put("detail", "Log in met een Leefwereld-account (HTTP Basic).");
                example.put("instance", "/api/v1/me");
            }
            case "403" -> {
                description = "Your role may not use this operation, or you are not involved in this household";
                example.put("type", PROBLEM_BASE + "no-access");
                example.put("title", "Geen toegang");
                example.put("status", 403);
                example.put("detail", "U bent niet betrokken bij dit huishouden. Vraag noodtoegang aan met een reden als het echt nodig is.");
                example.put("householdId", "3f1c2a4e-7b9d-4e2a-9c1f-5d6e7f8a9b0c");
            }
            case "404" -> {
                description = "Not found (or not in your municipality)";
                example.put("type", PROBLEM_BASE + "not-found");
                example.put("title", "Niet gevonden");
                example.put("status", 404);
                example.put("detail", "Dit gegeven bestaat niet (of niet in uw gemeente).");
            }
            case "409" -> {
                description = "Conflict: the person may already be known (`candidates`), or consent is missing (`purpose`)";
                example.put("type", PROBLEM_BASE + "likely-duplicate");
                example.put("title", "Persoon misschien al bekend");
                example.put("status", 409);
                example.put("detail", "Er is al een persoon met dezelfde gegevens. Gebruik het bestaande huishouden, "
                        + "of stuur confirmNew: true als het echt iemand anders is.");
                example.put("candidates", List.of(Map.of("householdId", "3f1c2a4e-7b9d-4e2a-9c1f-5d6e7f8a9b0c",
                        "accessible", false, "description", "Bekend in een huishouden in wijk Centrum")));
            }
            default -> {
                description = "Too many requests: wait (see Retry-After) and try again";
                example.put("title", "Te veel verzoeken");
                example.put("status", 429);
                example.put("detail", "U heeft te vaak achter elkaar een verzoek gedaan. Wacht even en probeer het opnieuw.");
            }
        }
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
        if (status.equals("401")) {
            response.addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"Leefwereld\"").schema(string(null)));
        }
        if (status.equals("429")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(integer()));
        }
        return response;
    }

    private static Schema<Object> object() {
        return typed("object");
    }

    private static Schema<Object> string(String format) {
        Schema<Object> s = typed("string");
        return format == null ? s : s.format(format);
    }

    private static Schema<Object> integer() {
        return typed("integer").format("int32");
    }

    /** OpenAPI 3.1 writes {@code types}; 3.0 tools read {@code type}: set both. */
    private static Schema<Object> typed(String type) {
        Schema<Object> s = new Schema<>(SpecVersion.V31);
        s.setType(type);
        s.setTypes(Set.of(type));
        return s;
    }
}
