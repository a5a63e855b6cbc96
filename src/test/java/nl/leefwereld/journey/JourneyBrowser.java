package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leefwereld.support.DemoUsers;

/**
 * The one headless Chromium (Debian's, /usr/bin/chromium) that every browser journey shares, started on first use and
 * closed when the test JVM ends, plus what the journeys have in common: a fresh browser context, the login, axe-core
 * (WCAG 2.1 A and AA) and screenshots under target/screenshots.
 */
final class JourneyBrowser {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final String AXE_RUN = """
            async () => {
              const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
              });
              return result.violations.map(v => ({
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                nodes: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))
              }));
            }""";

    private static Playwright playwright;
    private static Browser browser;
    private static String axeSource;

    private JourneyBrowser() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            assertTrue(Files.isExecutable(CHROMIUM),
                    "Chromium not found at " + CHROMIUM + ". The browser tests need it: apt-get install -y chromium");
            try (InputStream axe = JourneyBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
                assertNotNull(axe, "axe/axe.min.js is not on the test classpath; run the build through Maven (copy-axe-for-tests)");
                axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(JourneyBrowser::close));
        }
        return browser;
    }

    private static synchronized void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A fresh context (own cookies) against the app; the caller closes it. */
    static BrowserContext newContext(int port, int width, int height) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(width, height)
                .setBypassCSP(true) // the app allows only its own scripts; axe is injected inline
                .setLocale("nl-NL"));
        context.setDefaultTimeout(30_000);   // 2 shared CPU cores: a loaded machine must not fail a journey
        return context;
    }

    /** The logged-in browser contexts of one test (each with its own cookies), closed together after it. */
    static final class Sessions {
        private final java.util.List<BrowserContext> contexts = new java.util.ArrayList<>();

        /** A new context of the given width, logged in as the user, on its first page. */
        Page as(int port, String user, int width) {
            BrowserContext c = newContext(port, width, 900);
            contexts.add(c);
            Page page = c.newPage();
            login(page, user);
            return page;
        }

        void close() {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }

    /** Fills in the login form on the current page (or opens /login first when asked) and sends it. */
    static void submitLogin(Page page, String username) {
        page.getByLabel("Gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord").fill(DemoUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen").setExact(true)).click();
        page.waitForLoadState(LoadState.LOAD);
    }

    static void login(Page page, String username) {
        page.navigate("/login");
        submitLogin(page, username);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen"))).isVisible();
    }

    /** The whole page, up to 12,000 px high (longer pages, e.g. a long list, as far as that). */
    static void screenshot(Page page, String name) {
        int height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        Page.ScreenshotOptions options = new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setTimeout(30_000);
        if (height <= 12_000) {
            options.setFullPage(true);
        } else {
            int width = ((Number) page.evaluate("() => document.documentElement.clientWidth")).intValue();
            options.setFullPage(true).setClip(0, 0, width, 12_000);
        }
        page.screenshot(options);
    }

    /** axe-core on the page as it is now: the serious and critical WCAG 2.1 A/AA violations, as text (empty: none). */
    @SuppressWarnings("unchecked")
    static List<String> blockingViolations(Page page) {
        browser();
        page.waitForLoadState(LoadState.LOAD);
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate(AXE_RUN);
        return raw.stream().filter(v -> BLOCKING_IMPACTS.contains((String) v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "; " + v.get("nodes") + " element(s), e.g. "
                        + String.join(" | ", (List<String>) v.get("targets")))
                .collect(Collectors.toList());
    }
}
