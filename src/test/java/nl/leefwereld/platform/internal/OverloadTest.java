package nl.leefwereld.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.TemplateEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7 item 6, overload without collapse: the pool and statement timeouts are what application.yml says, the real
 * exceptions of a pool timeout and of a statement timeout are recognised, and both are answered 503 with Retry-After
 * (problem+json on the API, the Dutch "Het is nu druk" page on screens) within seconds — never a 500 after 30 s. A
 * client that went away is not an ERROR (nor a WARN) in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OverloadTest {

    @Autowired
    HikariDataSource pool;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OverloadResolver resolver;
    @Autowired
    JsonMapper json;
    @Autowired
    TemplateEngine templates;
    @Autowired
    java.time.Clock clock;
    @LocalServerPort
    int port;

    @Test
    void thePoolAndTheStatementTimeoutAreBoundedAsConfigured() throws Exception {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
        assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
        try (Connection c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).as("every pooled connection of the application").isEqualTo("5s");
        }
        // the same through the application's JdbcClient
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
    }

    @Test
    void aStatementPastItsTimeoutIsRecognisedAsBusy() {
        Exception e = catchException(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '100ms'").update();
            jdbc.sql("SELECT pg_sleep(2)").query(Object.class).optional();
        }));
        assertThat(e).isNotNull();
        assertThat(Overload.of(e)).as(SafeDescription.of(e)).isEqualTo(Overload.BUSY);
        // and the connection went back to the pool with the normal timeout
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
    }

    @Test
    void aPoolWithoutAFreeConnectionIsRecognisedAsBusy() throws Exception {
        try (HikariDataSource tiny = new HikariDataSource()) {
            tiny.setJdbcUrl(pool.getJdbcUrl());
            tiny.setUsername(pool.getUsername());
            tiny.setPassword(pool.getPassword());
            tiny.setMaximumPoolSize(1);
            tiny.setConnectionTimeout(250);
            tiny.setPoolName("overload-test");
            try (Connection held = tiny.getConnection()) {
                long start = System.nanoTime();
                Exception e = catchException(() -> JdbcClient.create(tiny).sql("SELECT 1").query(Integer.class).single());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(e).isInstanceOf(org.springframework.jdbc.CannotGetJdbcConnectionException.class);
                assertThat(Overload.of(e)).isEqualTo(Overload.BUSY);
                assertThat(Overload.of(new SQLTransientConnectionException("pool"))).isEqualTo(Overload.BUSY);
            }
        }
    }

    @Test
    void anApiRequestIsAnswered503WithRetryAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/households/x");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView mav = resolver.resolveException(request, response, null,
                new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timeout")));
        assertThat(mav).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("title").asString()).isEqualTo("Het is nu druk");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }

    @Test
    void aPageIsAnsweredWithTheBusyPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mijn-werk");
        MockHttpServletResponse response = new MockHttpServletResponse();
        java.sql.SQLException canceled = new java.sql.SQLException("canceling statement due to statement timeout", Overload.QUERY_CANCELED);
        ModelAndView mav = resolver.resolveException(request, response, null,
                new org.springframework.dao.QueryTimeoutException("timeout", canceled));
        assertThat(mav).isNotNull();
        assertThat(mav.getViewName()).isEqualTo("platform/busy");
        assertThat(mav.getStatus().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        String html = templates.process("platform/busy", new org.thymeleaf.context.WebContext(exchange, java.util.Locale.forLanguageTag("nl"),
                Map.of()));
        assertThat(html).contains("Het is nu druk").contains("Probeer het over een paar seconden opnieuw").contains("lang=\"nl\"");
        // ordinary errors are left to the ordinary handlers
        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null, new IllegalStateException("x"))).isNull();
    }

    @Test
    void anErrorThatEscapesTheFiltersIsAnswered503Too() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        assertThat(OverloadResolver.answer(new MockHttpServletRequest("GET", "/huishoudens/1"), page,
                new jakarta.servlet.ServletException(new org.springframework.jdbc.CannotGetJdbcConnectionException("x")), json)).isTrue();
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getContentAsString()).contains("Het is nu druk");
        assertThat(OverloadResolver.answer(new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(),
                new IllegalStateException("x"), json)).isFalse();
    }

    /**
     * End to end over HTTP: with every connection of the application's pool taken, an API call gets 503 problem+json
     * with Retry-After within seconds (the per-request account check cannot get a connection), not a 500 after 30 s.
     */
    @Test
    void withThePoolExhaustedTheRealServerAnswers503Quickly() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("beleid:" + DemoUsers.PASSWORD).getBytes());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/tokens"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Overload\", \"expiresOn\": \"" + LocalDate.now(clock).plusDays(5) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = json.readTree(created.body()).get("token").asString();

        List<Connection> held = new ArrayList<>();
        try {
            assertThatThrownBy(() -> {
                while (held.size() < 50) {
                    held.add(pool.getConnection());
                }
            }).isInstanceOf(SQLTransientConnectionException.class);
            long start = System.nanoTime();
            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
            assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(busy.body()).get("title").asString()).isEqualTo("Het is nu druk");
            assertThat(took).as("answered within the connection timeout, not after 30 s").isLessThan(Duration.ofSeconds(10));

            // HTTP Basic as well: a password check without a database is "busy", not "wrong password"
            HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).as(basic.body()).isEqualTo(503);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the system recovers at once").isEqualTo(200);
    }

    @Test
    void aClientThatWentAwayIsNotAnErrorInTheLog(CapturedOutput output) {
        int before = output.getAll().length();
        for (Exception gone : List.of(new org.apache.catalina.connector.ClientAbortException(new java.io.IOException("Broken pipe")),
                new AsyncRequestNotUsableException("ServletOutputStream failed to flush"),
                new java.io.IOException("Connection reset by peer"))) {
            assertThat(Overload.of(gone)).isEqualTo(Overload.CLIENT_GONE);
            MockHttpServletResponse response = new MockHttpServletResponse();
            ModelAndView mav = resolver.resolveException(new MockHttpServletRequest("GET", "/api/v1/my-work"), response, null, gone);
            assertThat(mav).as("handled, so the controller advice does not log it as an unexpected error").isNotNull();
            assertThat(mav.isEmpty()).isTrue();
        }
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("WARN");
    }

    private static Exception catchException(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
