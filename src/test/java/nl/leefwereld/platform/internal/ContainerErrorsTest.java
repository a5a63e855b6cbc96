package nl.leefwereld.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/** Issue 5 item 8: errors from the container and the framework are Dutch problem+json under /api and Dutch pages elsewhere; no input echoed. */
@IntegrationTest
class ContainerErrorsTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;

    record Answer(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    /** A raw HTTP/1.1 request to the real server, so the path reaches Tomcat exactly as typed. */
    Answer raw(String method, String target, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Content-Length: 0\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static void assertDutchProblem(Answer a, int status, String title) {
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.body()).contains("\"title\":\"" + title + "\"").contains("\"status\":" + status);
    }

    @Test
    void aWrongMethodOnTheApiIsADutchProblemWithAllow() throws Exception {
        Answer a = raw("POST", "/api/v1/audit-chain/verification", basic("privacy"));
        assertDutchProblem(a, 405, "Methode niet toegestaan");
        assertThat(a.header("Allow")).contains("GET");
    }

    @Test
    void traceIsRefusedAndEchoesNothing() throws Exception {
        Answer api = raw("TRACE", "/api/v1/households", basic("regisseur"), "X-Geheim: echo-mij-niet");
        assertDutchProblem(api, 405, "Methode niet toegestaan");
        assertThat(api.body()).doesNotContain("echo-mij-niet").doesNotContain("Authorization");
        assertThat(api.header("Allow")).doesNotContain("TRACE");

        Answer page = raw("TRACE", "/login", "X-Geheim: echo-mij-niet");
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.body()).doesNotContain("echo-mij-niet").contains("lang=\"nl\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/households/a;jsessionid=zzqq", "/api/v1//households", "/api/v1/households/%2e%2e/zzqq",
            "/api/v1/households/zz%2Fqq", "/api/v1/households/zz%00qq", "/api/v1/households/zz%qq", "/api/v1/households/zz%5Cqq"})
    void badPathCharactersOnTheApiAreADutchBadRequest(String path) throws Exception {
        Answer a = raw("GET", path, basic("regisseur"));
        assertDutchProblem(a, 400, "Ongeldig verzoek");
        assertThat(a.body()).doesNotContain("zzqq").doesNotContain("zz");
    }

    @Test
    void badPathCharactersOnPagesGiveTheDutchBadRequestPage() throws Exception {
        Answer a = raw("GET", "/huishoudens/zz;qq=1");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("text/html");
        assertThat(a.body()).contains("lang=\"nl\"").doesNotContain("zz");
    }

    @Test
    void aConversionErrorOnAPageIsTheDutchNotFoundPageEvenWhenJsonIsAsked() throws Exception {
        Mvc.of(context).perform(get("/huishoudens/abc").accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML).with(users.as("regisseur")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString("Niet gevonden")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Failed to convert"))));
    }
}
