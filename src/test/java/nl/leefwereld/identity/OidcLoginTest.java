package nl.leefwereld.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC login against a real (mock) identity provider on localhost: the provider authenticates, Leefwereld maps the
 * subject to its own account and takes roles and team from there. An unknown subject is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginTest {

    static final MockOAuth2Server IDP = new MockOAuth2Server();

    static {
        IDP.start();
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.registration.gemeente.client-id", () -> "leefwereld");
        registry.add("spring.security.oauth2.client.registration.gemeente.client-secret", () -> "geheim");
        registry.add("spring.security.oauth2.client.registration.gemeente.client-name", () -> "Gemeente-account");
        registry.add("spring.security.oauth2.client.registration.gemeente.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.gemeente.issuer-uri", () -> IDP.issuerUrl("gemeente").toString());
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    Administration admin;

    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    @Test
    void theLoginPageOffersTheConfiguredProvider() throws Exception {
        HttpResponse<String> login = browser().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("Inloggen met Gemeente-account").contains("/oauth2/authorization/gemeente");
    }

    @Test
    void aKnownSubjectLogsInWithTheRolesLeefwereldGivesIt() throws Exception {
        String subject = "oidc-" + UUID.randomUUID();
        UUID team = admin.teams("9999").stream().filter(t -> t.name().equals("Wijkteam Noord")).findFirst().orElseThrow().id();
        admin.createUser("9999", new Administration.NewUser("oidc." + subject.substring(5, 13), "Olga Idema", null, team,
                EnumSet.of(Role.CASE_DIRECTOR), null, subject), null, "test");
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", subject, "JWT", null, Map.of("preferred_username", "olga"), 3600));

        HttpResponse<String> page = browser().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/gemeente")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.uri().getPath()).isEqualTo("/mijn-werk");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Olga Idema").contains("Nieuwe meldingen voor Wijkteam Noord");
    }

    @Test
    void anUnknownSubjectIsRefused() throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", "onbekend-" + UUID.randomUUID(), "JWT", null, Map.of(), 3600));
        HttpResponse<String> page = browser().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/gemeente")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("oidcfout");
        assertThat(page.body()).contains("Inloggen met uw organisatie-account lukte niet");
    }
}
