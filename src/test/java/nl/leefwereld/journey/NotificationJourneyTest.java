package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives a real headless Chromium against the running application: a case director registers a notification for a
 * new household and finds it back, another team cannot open it, and the pages on the way pass axe-core
 * (WCAG 2.1 A and AA) without serious or critical violations.
 */
@IntegrationTest
class NotificationJourneyTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String TEAM = "Wijkteam Centrum-Haven";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    /** Runs axe on the whole document and returns the violations as plain objects. */
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

    private static Browser browser;
    private static String axeSource;

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        try (InputStream axe = NotificationJourneyTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertNotNull(axe, "axe/axe.min.js is not on the test classpath; run the build through Maven (copy-axe-for-tests)");
            axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
        browser = JourneyBrowser.browser();   // the one Chromium all journeys share
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void caseDirectorRegistersNotificationForNewHouseholdAndFindsItBack() {
        String lastName = uniqueLastName();
        Page page = newPage();

        login(page, "regisseur");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mijn werk").setLevel(1))).isVisible();
        screenshot(page, "mijn-werk");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe melding vastleggen").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nieuwe melding").setLevel(1))).isVisible();

        // First attempt: the question is missing and the postcode is wrong.
        fillNewHousehold(page, "Journey", lastName, "1985-05-17", "12AB");
        submitNotification(page);
        assertThat(errorSummary(page)).isVisible();
        assertThat(page.locator("#questionAsAsked-error")).isVisible();
        assertThat(page.locator("#postalCode-error")).isVisible();
        assertThat(page.locator("[name=firstName]")).hasValue("Journey");
        assertThat(page.locator("[name=lastName]")).hasValue(lastName);
        assertThat(page.locator("[name=postalCode]")).hasValue("12AB");
        screenshot(page, "nieuwe-melding-met-fouten");

        // Second attempt: fix what was wrong; everything else is still filled in.
        page.locator("[name=postalCode]").fill("8302 CD");
        page.locator("[name=questionAsAsked]").fill("Mevrouw kan na een operatie het huishouden niet meer zelf doen.");
        submitNotification(page);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(lastName);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(TEAM);
        assertThat(region(page, "Zaak en tijdlijn")).containsText("Melding via KCC – telefoon vastgelegd");
        screenshot(page, "huishouden");
        String householdUrl = page.url();

        // Find it back on "Mijn werk", among the team's new notifications.
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mijn werk").setExact(true)).click();
        Locator newForTeam = region(page, "Nieuwe meldingen voor " + TEAM);
        Locator householdLink = newForTeam.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Huishouden " + lastName).setExact(true));
        assertThat(householdLink).isVisible();
        householdLink.click();
        assertThat(page).hasURL(householdUrl);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(lastName);

        // Privacy: a case director of a team that does not serve the district cannot open the household.
        Page otherTeam = newPage();
        login(otherTeam, "regisseur.noord");
        Response response = otherTeam.navigate(householdUrl);
        assertEquals(403, response.status(), "HTTP status for a household of another team");
        assertThat(otherTeam.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Geen toegang tot dit huishouden");
        assertThat(otherTeam.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Noodtoegang vragen"))).isVisible();
        assertThat(otherTeam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Noodtoegang vragen"))).isVisible();
        assertThat(otherTeam.locator("body")).not().containsText(lastName);
    }

    @Test
    void pagesOnTheWayHaveNoSeriousAccessibilityViolations() {
        Map<String, List<Violation>> report = new LinkedHashMap<>();
        Page page = newPage();

        page.navigate("/login");
        report.put("/login", axeScan(page));

        login(page, "regisseur");
        report.put("/mijn-werk", axeScan(page));

        page.navigate("/meldingen/nieuw");
        report.put("/meldingen/nieuw", axeScan(page));

        // Another resident than in the journey, or the second one would be flagged as a likely duplicate.
        fillNewHousehold(page, "Axel", uniqueLastName(), "1972-09-30", "12AB");
        submitNotification(page);
        assertThat(errorSummary(page)).isVisible();
        report.put("/meldingen/nieuw (with errors)", axeScan(page));

        page.locator("[name=postalCode]").fill("8302 CD");
        page.locator("[name=questionAsAsked]").fill("Meneer zoekt hulp bij de administratie.");
        submitNotification(page);
        assertThat(page).hasURL(Pattern.compile(".*/huishoudens/[0-9a-f-]{36}$"));
        report.put("/huishoudens/{id}", axeScan(page));

        page.navigate("/personen/zoeken?q=Bakker");
        report.put("/personen/zoeken?q=Bakker", axeScan(page));

        report.forEach((url, violations) -> System.out.println("axe " + url + ": " + summary(violations)));
        String blocking = report.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(Violation::isBlocking))
                .map(e -> e.getKey() + ":\n" + e.getValue().stream().filter(Violation::isBlocking)
                        .map(v -> "  - " + v).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        if (!blocking.isEmpty()) {
            fail("axe found serious or critical WCAG 2.1 A/AA violations:\n" + blocking);
        }
    }

    // --- Helpers -------------------------------------------------------------------------------------------------

    private Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setBypassCSP(true) // the app allows only its own scripts; axe is injected inline
                .setLocale("nl-NL"));
        context.setDefaultTimeout(10_000); // the server is local: fail fast rather than after 30 s
        contexts.add(context);
        return context.newPage();
    }

    private static void login(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord").fill(DemoUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/mijn-werk$"));
    }

    /** Fills in the resident, the address and the channel; the question itself is left to the caller. */
    private static void fillNewHousehold(Page page, String firstName, String lastName, String birthDate, String postalCode) {
        page.locator("[name=firstName]").fill(firstName);
        page.locator("[name=lastName]").fill(lastName);
        page.locator("[name=birthDate]").fill(birthDate);
        page.locator("[name=street]").fill("Lindelaan");
        page.locator("[name=houseNumber]").fill("7");
        page.locator("[name=postalCode]").fill(postalCode);
        page.locator("[name=city]").fill("Leefstad");
        page.locator("[name=districtCode]").selectOption(new SelectOption().setLabel("Centrum"));
        page.locator("[name=channel]").selectOption(new SelectOption().setLabel("KCC – telefoon"));
    }

    private static void submitNotification(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding vastleggen").setExact(true)).click();
        page.waitForLoadState(LoadState.LOAD);
    }

    private static Locator errorSummary(Page page) {
        return page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Controleer wat u heeft ingevuld"))));
    }

    /** A section labelled by its heading; the name matches any part of the heading. */
    private static Locator region(Page page, String heading) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(heading));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Runs axe-core on the page as it is now. */
    @SuppressWarnings("unchecked")
    private static List<Violation> axeScan(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate(AXE_RUN);
        return raw.stream().map(Violation::from).toList();
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "no violations";
        }
        return violations.size() + " violation(s): " + violations.stream()
                .map(v -> v.id() + " [" + v.impact() + ", " + v.nodes() + " node(s)]").collect(Collectors.joining(", "));
    }

    /** Letters only, so the name passes validation and is easy to find back. */
    private static String uniqueLastName() {
        StringBuilder name = new StringBuilder("Journeytest");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** One axe-core rule violation, with the first few elements it was found on. */
    record Violation(String id, String impact, String help, int nodes, List<String> targets) {

        @SuppressWarnings("unchecked")
        static Violation from(Map<String, Object> raw) {
            return new Violation((String) raw.get("id"), (String) raw.get("impact"), (String) raw.get("help"),
                    ((Number) raw.get("nodes")).intValue(), (List<String>) raw.get("targets"));
        }

        boolean isBlocking() {
            return BLOCKING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + "; " + nodes + " element(s), e.g. " + String.join(" | ", targets);
        }
    }
}
