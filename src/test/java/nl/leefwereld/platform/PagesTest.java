package nl.leefwereld.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.leefwereld.identity.Role;
import nl.leefwereld.platform.internal.Dates;
import nl.leefwereld.shared.TimeConfiguration;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 6 items 1, 3 and 4 on the server side: no session id in any URL, the Dutch "not found" page where it belongs,
 * the deep link after login, and one date format on the pages.
 */
@IntegrationTest
class PagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    Dates dates;
    @LocalServerPort
    int port;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    // --- Item 1: cookie-only sessions ----------------------------------------------------------------------------

    /** Tomcat rewrote every URL of a page that opened a new session (;jsessionid=…); the stylesheets then answered 400. */
    @Test
    void noRenderedUrlCarriesTheSessionIdOverRealHttp() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/login", "/login?verlopen", "/bestaat-niet", "/huishoudens/" + UUID.randomUUID())) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).as(path).doesNotContainIgnoringCase("jsessionid");
            assertThat(page.headers().firstValue("Location").orElse("")).as(path).doesNotContainIgnoringCase("jsessionid");
            assertThat(page.headers().allValues("Set-Cookie")).as(path).allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
        }
        // A form sent with a session that no longer exists: the login page ("verlopen"), not a 403 "Geen toegang".
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meldingen"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("firstName=Anna&_csrf=verlopen")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).endsWith("/login?verlopen").doesNotContainIgnoringCase("jsessionid");
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/leefwereld.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInPageHasNoSessionIdInItsLinks() throws Exception {
        MockHttpSession session = login("regisseur");
        String body = mvc.perform(get("/mijn-werk").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("/css/leefwereld.css").contains("/js/leefwereld.js").doesNotContainIgnoringCase("jsessionid");
    }

    // --- Item 3: not found, and the deep link --------------------------------------------------------------------

    @Test
    void aBadHouseholdIdIsTheDutchNotFoundPage() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/huishoudens/abc").with(users.as("regisseur")))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/html");
        assertThat(r.getContentAsString()).contains("Niet gevonden").doesNotContain("Geen toegang").doesNotContain("\"status\"");
    }

    /** Over real HTTP: the container's error dispatch renders the page (MockMvc does not forward to /error). */
    @Test
    void unknownPagesAndGetLogoutAreNotFoundForEveryone() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> signedIn = List.of(httpLogin(http, "regisseur"), httpLogin(http, "beheer"), httpLogin(http, "privacy"));
        for (String path : List.of("/bestaat-niet", "/logout", "/meldingen/nieuw/extra", "/beheer/bestaat-niet", "/privacy/onbekend",
                "/huishoudens/abc", "/huishoudens/" + UUID.randomUUID() + "/onzin")) {
            List<String> cookies = new java.util.ArrayList<>(signedIn);
            cookies.add(null);   // anonymous
            if (path.equals("/huishoudens/abc")) {
                cookies = List.of(signedIn.get(0));   // a mapped page with a bad id: for the case director who may open households
            }
            for (String cookie : cookies) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
                if (cookie != null) {
                    request.header("Cookie", cookie);
                }
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String who = (cookie == null ? "anonymous " : "signed in ") + path;
                assertThat(r.statusCode()).as(who).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(who).startsWith("text/html");
                assertThat(r.body()).as(who).contains("Niet gevonden").contains("/css/leefwereld.css").doesNotContain("Geen toegang");
            }
        }
        // A real route the role may not use is still "no access", and a page route still asks to log in first.
        mvc.perform(get("/beheer/gebruikers").with(users.as("regisseur"))).andExpect(status().isForbidden());
        mvc.perform(get("/mijn-werk")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        // Logging out is still a POST.
        mvc.perform(post("/logout").with(csrf()).with(users.as("regisseur"))).andExpect(redirectedUrl("/login?uitgelogd"));
    }

    /** Logs in over HTTP as a browser would (login page for the CSRF token, then the form); returns the Cookie header. */
    private String httpLogin(HttpClient http, String username) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + DemoUsers.PASSWORD + "&_csrf="
                        + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + username).endsWith("/");
        return login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
    }

    /** A deep link opened while logged out used to land on "Mijn werk" after the login. */
    @Test
    void aDeepLinkOpenedWhileLoggedOutIsWhereTheLoginLands() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        MockHttpSession session = new MockHttpSession();
        String link = "/huishoudens/" + h.householdId();
        mvc.perform(get(link).session(session)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "regisseur").param("password", DemoUsers.PASSWORD)
                .with(r -> { r.setRemoteAddr(freshAddress()); return r; })).andExpect(redirectedUrl(link));
        // Without a deep link: the start page of the role, as before.
        mvc.perform(post("/login").with(csrf()).param("username", "regisseur").param("password", DemoUsers.PASSWORD)
                .with(r -> { r.setRemoteAddr(freshAddress()); return r; })).andExpect(redirectedUrl("/"));
        // API calls and htmx fragments are never remembered as a place to land.
        MockHttpSession htmx = new MockHttpSession();
        mvc.perform(get(link).session(htmx).header("HX-Request", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").session(htmx).with(csrf()).param("username", "regisseur").param("password", DemoUsers.PASSWORD)
                .with(r -> { r.setRemoteAddr(freshAddress()); return r; })).andExpect(redirectedUrl("/"));
    }

    /** The duplicate warning's "register with this household" opened an empty form; now it sends what was typed. */
    @Test
    void theDuplicateWarningRegistersWithTheHouseholdKeepingTheTypedNotification() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String question = "Vraag die niet verloren mag gaan " + TestHouseholds.letters(6);
        String body = mvc.perform(post("/meldingen").with(csrf()).with(users.as("regisseur"))
                        .param("firstName", h.firstName()).param("lastName", h.lastName()).param("birthDate", h.birthDate().toString())
                        .param("street", "Andere straat").param("houseNumber", "3").param("postalCode", "8302 CD").param("city", "Leefstad")
                        .param("districtCode", "centrum").param("channel", "KCC_DESK")
                        .param("receivedOn", LocalDate.now(TimeConfiguration.ZONE).toString())
                        .param("questionAsAsked", question))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Deze persoon is misschien al bekend");
        var form = Pattern.compile("<form[^>]*data-lw-copy-from=\"formulier\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(body);
        assertThat(form.find()).as("a form per accessible candidate").isTrue();
        assertThat(form.group(1)).contains("name=\"householdId\" value=\"" + h.householdId() + "\"")
                .contains("name=\"questionAsAsked\" value=\"" + question + "\"").contains("name=\"channel\" value=\"KCC_DESK\"")
                .contains("Melding bij dit huishouden vastleggen");
        var hidden = Pattern.compile("<input type=\"hidden\"[^>]*name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group(1));
        var send = post("/meldingen").with(csrf()).with(users.as("regisseur"));
        while (hidden.find()) {
            send.param(hidden.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        mvc.perform(send).andExpect(redirectedUrl("/huishoudens/" + h.householdId()));
        String page = mvc.perform(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(question);
    }

    // --- Item 4: one date format ---------------------------------------------------------------------------------

    @Test
    void datesAreDayMonthYearWithLeadingZeros() {
        assertThat(dates.format(LocalDate.of(1983, 4, 7))).isEqualTo("07-04-1983");
        assertThat(dates.format(LocalDateTime.of(2026, 1, 2, 3, 4))).isEqualTo("02-01-2026");
        // 23:30 UTC on 31 December is already 1 January in Amsterdam.
        assertThat(dates.format(Instant.parse("2025-12-31T23:30:00Z"))).isEqualTo("01-01-2026");
        assertThat(dates.dateTime(Instant.parse("2025-12-31T23:30:00Z").atOffset(ZoneOffset.UTC))).isEqualTo("01-01-2026 00:30");
        assertThat(dates.dateTimeSeconds(Instant.parse("2026-06-05T08:09:10Z"))).isEqualTo("05-06-2026 10:09:10");
        assertThat(dates.format(null)).isEmpty();
    }

    @Test
    void pagesShowDatesAsDdMmYyyy() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String household = mvc.perform(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String work = mvc.perform(get("/mijn-werk").with(users.as("regisseur")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Pattern shown = Pattern.compile(">[^<]*?\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
        for (String body : List.of(household, work)) {
            var m = shown.matcher(body);
            int dates = 0;
            while (m.find()) {
                dates++;
                assertThat(m.group(1)).as(m.group()).hasSize(2);
                assertThat(m.group(2)).as(m.group()).hasSize(2);
            }
            assertThat(dates).isPositive();
            assertThat(body).doesNotContainPattern(">[^<]*\\b\\d{4}-\\d{2}-\\d{2}\\b[^<]*<");   // no ISO dates as text
        }
    }

    /** Every date in a template goes through the one helper; none formats on its own. */
    @Test
    void everyTemplateFormatsDatesThroughTheHelper() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                assertThat(html).as(f.toString()).doesNotContain("#temporals.format").doesNotContain("#dates.format")
                        .doesNotContain("'dd-MM").doesNotContain("'d-M");
            }
        }
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username).param("password", DemoUsers.PASSWORD)
                        .with(r -> { r.setRemoteAddr(freshAddress()); return r; }))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private static String freshAddress() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
