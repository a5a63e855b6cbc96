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
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    HttpResponse<String> loginAs(String subject, Map<String, Object> claims) throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", subject, "JWT", null, claims, 3600));
        return browser().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/gemeente")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPreferredUsernameOfALocalAccountDoesNotLogInAsThatAccount() throws Exception {
        // Attack: the identity provider (or anyone registered there) sends preferred_username = a Leefwereld username.
        String username = "lokaal." + UUID.randomUUID().toString().substring(0, 8);
        UUID team = admin.teams("9999").stream().filter(t -> t.name().equals("Wijkteam Noord")).findFirst().orElseThrow().id();
        admin.createUser("9999", new Administration.NewUser(username, "Lokale Regisseur", null, team,
                EnumSet.of(Role.CASE_DIRECTOR), "een-lang-en-sterk-wachtwoord", null), null, "test");

        HttpResponse<String> page = loginAs("aanvaller-" + UUID.randomUUID(), Map.of("preferred_username", username));

        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("oidcfout");
        assertThat(page.body()).doesNotContain("Lokale Regisseur");
    }

    @Test
    void theAccountIsBoundToIssuerAndSubject() throws Exception {
        String subject = "oidc-" + UUID.randomUUID();
        UUID team = admin.teams("9999").stream().filter(t -> t.name().equals("Wijkteam Noord")).findFirst().orElseThrow().id();
        UUID id = admin.createUser("9999", new Administration.NewUser("oidc." + subject.substring(5, 13), "Iris Issuer", null, team,
                EnumSet.of(Role.CASE_DIRECTOR), null, subject), null, "test");
        assertThat(jdbc.sql("SELECT oidc_issuer FROM app_user WHERE id = :id").param("id", id).query(String.class).single())
                .as("the issuer of the configured provider is stored beside the subject").isEqualTo(IDP.issuerUrl("gemeente").toString());

        // The same subject from another issuer is another person: bind the account elsewhere and the login is refused.
        jdbc.sql("UPDATE app_user SET oidc_issuer = 'https://elders.example/idp' WHERE id = :id").param("id", id).update();
        HttpResponse<String> refused = loginAs(subject, Map.of());
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("oidcfout");

        // An account from before V6 (no issuer yet) is bound to the one configured provider at its first login.
        jdbc.sql("UPDATE app_user SET oidc_issuer = NULL WHERE id = :id").param("id", id).update();
        HttpResponse<String> page = loginAs(subject, Map.of());
        assertThat(page.uri().getPath()).isEqualTo("/mijn-werk");
        assertThat(page.body()).contains("Iris Issuer");
        assertThat(jdbc.sql("SELECT oidc_issuer FROM app_user WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(IDP.issuerUrl("gemeente").toString());
    }
}
