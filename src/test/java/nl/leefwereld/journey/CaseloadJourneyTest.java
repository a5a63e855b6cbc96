package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team lead's caseload in a real headless Chromium: open it from Mijn werk, filter on "Nieuw", reassign a household
 * to the team's other director, come back to the same filtered page, and find the change in the household's timeline.
 * axe-core (WCAG 2.1 A/AA) finds nothing serious on the caseload page; screenshots at 320 and 1280 px.
 */
@IntegrationTest
class CaseloadJourneyTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String AXE_RUN = """
            async () => {
              const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' e.g. ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }""";

    private static Playwright playwright;
    private static Browser browser;
    private static String axeSource;

    @LocalServerPort
    int port;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM);
        try (InputStream axe = CaseloadJourneyTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertNotNull(axe, "axe/axe.min.js is not on the test classpath; run the build through Maven");
            axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void teamLeadFiltersReassignsAndSeesItInTheTimeline() {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        UUID sanne = users.current("regisseur").id();
        UUID lotte = users.current("regisseur.haven").id();
        UUID target = sanne.equals(h.registration().caseDirectorId()) ? lotte : sanne;
        String targetName = sanne.equals(target) ? "Sanne de Wit" : "Lotte Jansen";

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setBypassCSP(true).setLocale("nl-NL").setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000); // local server, but a shared 2-core machine: generous rather than flaky
        context.setDefaultNavigationTimeout(60_000);
        try {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("Gebruikersnaam").fill("teamleider");
            page.getByLabel("Wachtwoord").fill(DemoUsers.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile(".*/mijn-werk$"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Werkvoorraad van het team")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Werkvoorraad Wijkteam Centrum-Haven").setLevel(1))).isVisible();
            page.getByLabel("Status").selectOption("NEW");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile(".*/werkvoorraad\\?.*status=NEW.*"));

            Locator row = page.locator("#zaak-" + h.caseId());
            assertThat(row).containsText("Huishouden " + h.lastName());
            assertNoSeriousViolations(page);
            screenshot(page, 1280, "werkvoorraad-1280");
            screenshot(page, 320, "werkvoorraad-320");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            page.setViewportSize(1280, 900);
            assertTrue(((Number) overflow).intValue() <= 0, "the caseload page scrolls sideways at 320 px by " + overflow + " px");

            row.locator("select[name=caseDirectorId]").selectOption(target.toString());
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Toewijzen"))).click();
            assertThat(page).hasURL(Pattern.compile(".*/werkvoorraad\\?status=NEW(#zaak-.*)?$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De regisseur is toegewezen.");
            assertThat(page.locator("#zaak-" + h.caseId())).containsText(targetName);

            page.locator("#zaak-" + h.caseId()).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Huishouden " + h.lastName())).click();
            assertThat(page.locator(".lw-timeline")).containsText("Regisseur is nu " + targetName);
        } finally {
            context.close();
        }
    }

    private static void screenshot(Page page, int width, String name) {
        page.setViewportSize(width, 900);
        page.waitForLoadState(LoadState.LOAD);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @SuppressWarnings("unchecked")
    private static void assertNoSeriousViolations(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        List<String> violations = new ArrayList<>((List<String>) page.evaluate(AXE_RUN));
        assertTrue(violations.isEmpty(), "axe on " + page.url() + ": " + violations);
    }
}
