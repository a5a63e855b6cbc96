package nl.leefwereld.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.household.Relation;
import nl.leefwereld.identity.Role;
import nl.leefwereld.intake.Channel;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.RouteCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at /v3/api-docs: readable without logging in, complete (every /api route of the running
 * application, read from its handler mapping, so a route added later without documentation fails here), with the
 * roles the security rules really enforce, problem+json errors, HTTP Basic, and examples the API accepts.
 */
@IntegrationTest
class OpenApiDocumentTest {

    static final List<String> ERROR_STATUSES = List.of("400", "401", "403", "404", "409", "429");

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoUsers users;
    @Autowired
    JsonMapper json;

    MockMvc mvc;
    JsonNode doc;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Mvc.of(context);
        MvcResult r = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(r.getResponse().getStatus()).as("/v3/api-docs without logging in").isEqualTo(200);
        doc = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentIsOpenApi31AndReadableWithoutLoggingIn() throws Exception {
        MvcResult r = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Leefwereld API");
        MvcResult yaml = mvc.perform(get("/v3/api-docs.yaml")).andReturn();
        assertThat(yaml.getResponse().getStatus()).as("the YAML form, anonymously").isEqualTo(200);
        assertThat(yaml.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("openapi: 3.1");
        // A copy for people to read (and for the docs): target/openapi.json.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        // The document's own route is outside /api, so the API chain's 401 never applies, and the page chain does not redirect.
        assertThat(r.getResponse().getHeader("Location")).isNull();
    }

    @Test
    void everyApiRouteOfTheRunningApplicationIsDocumentedAndNothingElse() {
        Set<String> routes = new TreeSet<>();
        RouteCatalog.all(mappings).stream().filter(r -> r.pattern().startsWith("/api/")).forEach(r -> routes.add(r.key()));
        Set<String> documented = documentedOperations();
        assertThat(routes).as("the application has API routes").hasSizeGreaterThanOrEqualTo(15);
        assertThat(documented).as("API routes missing from /v3/api-docs").containsAll(routes);
        assertThat(routes).as("documented operations the application does not have").containsAll(documented);
        doc.path("paths").propertyNames().forEach(p -> assertThat(p).as("only the API, not the screens").startsWith("/api/"));
    }

    @Test
    void everyOperationStatesTheRolesTheSecurityRulesEnforce() {
        int compared = 0;
        List<String> wrong = new ArrayList<>();
        for (String key : documentedOperations()) {
            JsonNode op = operation(key);
            assertThat(op.has("x-roles")).as(key + " has x-roles").isTrue();
            Set<Role> documented = EnumSet.noneOf(Role.class);
            op.path("x-roles").forEach(n -> documented.add(Role.valueOf(n.asString())));
            assertThat(op.path("description").asString()).as(key + " says who may call it").contains("**Roles:**");
            assertThat(op.path("tags")).as(key + " has its module as tag").hasSize(1);
            // AccessMatrixTest proves its table against the running application for every role; the document must agree.
            if (AccessMatrixTest.RULES.containsKey(key)) {
                Set<Role> expected = AccessMatrixTest.RULES.get(key);
                if (!documented.equals(expected)) {
                    wrong.add(key + ": documented " + documented + ", enforced " + expected);
                }
                compared++;
            }
        }
        assertThat(wrong).as("operations whose documented roles differ from the enforced ones").isEmpty();
        assertThat(compared).as("operations compared with the access matrix").isGreaterThanOrEqualTo(15);
        assertThat(operation("GET /api/v1/me").path("description").asString()).contains("Every signed-in user");
        assertThat(operation("GET /api/v1/audit-events").path("description").asString()).contains("PRIVACY_OFFICER").doesNotContain("CASE_DIRECTOR");
    }

    @Test
    void httpBasicIsTheSecuritySchemeAndTokenAuthIsAnnounced() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path("basicAuth");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("basic");
        assertThat(scheme.path("description").asString()).contains("comes later");
        assertThat(doc.path("security").toString()).contains("basicAuth");
    }

    @Test
    void everyOperationAnswersItsErrorsAsTheSharedProblemSchema() {
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(names(problem.path("properties"))).containsAll(List.of("type", "title", "status", "detail", "errors"));
        assertThat(problem.path("properties").path("status").toString()).contains("integer");
        for (String status : ERROR_STATUSES) {
            String name = doc.path("components").path("responses").propertyNames().stream()
                    .filter(n -> doc.path("components").path("responses").path(n).path("content").path("application/problem+json")
                            .path("example").path("status").asInt() == Integer.parseInt(status))
                    .findFirst().orElseThrow(() -> new AssertionError("no shared response for " + status));
            JsonNode content = doc.path("components").path("responses").path(name).path("content").path("application/problem+json");
            assertThat(content.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
            assertThat(content.path("example").path("title").asString()).as(status + " example has a Dutch title").isNotBlank();
        }
        assertThat(doc.path("components").path("responses").path("BadRequest").path("content").path("application/problem+json")
                .path("example").path("errors").size()).as("the 400 example shows field errors").isPositive();
        for (String key : documentedOperations()) {
            JsonNode responses = operation(key).path("responses");
            for (String status : ERROR_STATUSES) {
                assertThat(responses.path(status).path("$ref").asString()).as(key + " " + status).startsWith("#/components/responses/");
            }
            boolean success = names(responses).stream().anyMatch(s -> s.startsWith("2"));
            assertThat(success).as(key + " documents its success answer").isTrue();
        }
    }

    @Test
    void requestAndResponseSchemasAreThere() {
        for (String key : documentedOperations()) {
            JsonNode op = operation(key);
            JsonNode ok = op.path("responses").path(key.startsWith("POST") && op.path("responses").has("201") ? "201" : "200");
            assertThat(ok.path("content").path("application/json").path("schema").isMissingNode()
                    && ok.path("content").path("text/csv").path("schema").isMissingNode())   // the audit export is CSV
                    .as(key + " has a response schema").isFalse();
            if (key.startsWith("POST")) {
                assertThat(op.path("requestBody").path("content").path("application/json").path("schema").isMissingNode())
                        .as(key + " has a request schema").isFalse();
            }
        }
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(names(schemas.path("NotificationRequest").path("properties"))).contains("householdId", "head", "address", "notification");
        assertThat(operation("POST /api/v1/notifications").path("responses").has("201")).as("created answers 201").isTrue();
        assertThat(operation("POST /api/v1/notifications").path("responses").path("201").path("headers").has("Location")).isTrue();
    }

    @Test
    void everyRequestExampleUsesOnlyFieldsOfItsSchema() {
        int examples = 0;
        for (String key : documentedOperations()) {
            JsonNode media = operation(key).path("requestBody").path("content").path("application/json");
            if (!media.has("example")) {
                continue;
            }
            examples++;
            assertFieldsExist(key, media.path("example"), resolve(media.path("schema")));
        }
        assertThat(examples).as("request examples in the document").isGreaterThanOrEqualTo(7);
    }

    @Test
    void theExamplesAreAcceptedByTheApi() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode household = (ObjectNode) example("POST /api/v1/households");
        ((ObjectNode) household.get("head")).put("lastName", "Voorbeeld" + tag);
        household.put("confirmNew", true);
        MvcResult created = postJson("/api/v1/households", household);
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
        String householdId = json.readTree(body(created)).path("id").asString();

        ObjectNode notification = (ObjectNode) example("POST /api/v1/notifications");
        ((ObjectNode) notification.get("head")).put("lastName", "Melding" + tag);
        // The same first name, birth date and address as the household just made: the documented 409, then confirmNew.
        MvcResult conflict = postJson("/api/v1/notifications", notification);
        assertThat(conflict.getResponse().getStatus()).as(body(conflict)).isEqualTo(409);
        assertThat(conflict.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(body(conflict)).path("candidates").size()).isPositive();
        notification.put("confirmNew", true);
        MvcResult registered = postJson("/api/v1/notifications", notification);
        assertThat(registered.getResponse().getStatus()).as(body(registered)).isEqualTo(201);
        assertThat(json.readTree(body(registered)).path("caseDirectorName").asString()).isNotBlank();

        MvcResult network = postJson("/api/v1/households/" + householdId + "/network-members", example("POST /api/v1/households/{id}/network-members"));
        assertThat(network.getResponse().getStatus()).as(body(network)).isEqualTo(201);

        String headId = json.readTree(body(mvc.perform(get("/api/v1/households/" + householdId).with(users.as("regisseur"))).andReturn()))
                .path("members").get(0).path("person").path("id").asString();
        ObjectNode consent = (ObjectNode) example("POST /api/v1/households/{id}/consents");
        consent.put("personId", headId);
        MvcResult given = postJson("/api/v1/households/" + householdId + "/consents", consent);
        assertThat(given.getResponse().getStatus()).as(body(given)).isEqualTo(201);
    }

    @Test
    void theReferenceListsAreApiEndpointsWithTheCodesTheApiAccepts() throws Exception {
        JsonNode districts = getAs("regisseur", "/api/v1/reference/districts");
        assertThat(districts.size()).isGreaterThanOrEqualTo(4);
        JsonNode centrum = null;
        for (JsonNode d : districts) {
            assertThat(d.path("name").asString()).isNotBlank();
            if (d.path("code").asString().equals("centrum")) {
                centrum = d;
            }
        }
        assertThat(centrum).as("the demo district centrum").isNotNull();
        assertThat(centrum.path("team").path("name").asString()).isEqualTo("Wijkteam Centrum-Haven");

        assertThat(codes(getAs("teamleider", "/api/v1/reference/channels")))
                .isEqualTo(Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(codes(getAs("procesbegeleider", "/api/v1/reference/relations")))
                .isEqualTo(Arrays.stream(Relation.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        JsonNode purposes = getAs("regisseur", "/api/v1/reference/consent-purposes");
        assertThat(codes(purposes)).isEqualTo(Arrays.stream(ConsentPurpose.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(purposes.get(0).path("label").asString()).isNotBlank();

        // Over real HTTP Basic as well; a resident's account and an anonymous caller get problem+json.
        assertThat(mvc.perform(get("/api/v1/reference/channels").with(httpBasic("regisseur", DemoUsers.PASSWORD))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        MvcResult resident = mvc.perform(get("/api/v1/reference/districts").with(httpBasic("inwoner", DemoUsers.PASSWORD))).andReturn();
        assertThat(resident.getResponse().getStatus()).isEqualTo(403);
        assertThat(resident.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(mvc.perform(get("/api/v1/reference/districts")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Set<String> documentedOperations() {
        Set<String> ops = new TreeSet<>();
        doc.path("paths").properties().forEach(p -> p.getValue().propertyNames().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> ops.add(m.toUpperCase() + " " + p.getKey())));
        return ops;
    }

    private JsonNode operation(String key) {
        String[] parts = key.split(" ", 2);
        return doc.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    private JsonNode example(String key) {
        JsonNode example = operation(key).path("requestBody").path("content").path("application/json").path("example");
        assertThat(example.isObject()).as("an example for " + key).isTrue();
        return example.deepCopy();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private void assertFieldsExist(String where, JsonNode value, JsonNode schema) {
        if (!value.isObject()) {
            return;
        }
        Set<String> known = names(schema.path("properties"));
        for (String field : value.propertyNames()) {
            assertThat(known).as(where + ": example field " + field + " is in the schema").contains(field);
            assertFieldsExist(where + "." + field, value.path(field), resolve(schema.path("properties").path(field)));
        }
    }

    private static Set<String> names(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    private static Set<String> codes(JsonNode list) {
        Set<String> codes = new TreeSet<>();
        list.forEach(n -> {
            assertThat(n.path("label").asString()).as("label of " + n).isNotBlank();
            codes.add(n.path("code").asString());
        });
        return codes;
    }

    private JsonNode getAs(String user, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(users.as(user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path + " as " + user).isEqualTo(200);
        return json.readTree(body(r));
    }

    private MvcResult postJson(String path, JsonNode body) throws Exception {
        return mvc.perform(post(path).with(users.as("regisseur")).contentType(MediaType.APPLICATION_JSON).content(body.toString())).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
