package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
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

    @LocalServerPort
    int port;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;

    @Test
    void teamLeadFiltersReassignsAndSeesItInTheTimeline() {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        UUID sanne = users.current("regisseur").id();
        UUID lotte = users.current("regisseur.haven").id();
        UUID target = sanne.equals(h.registration().caseDirectorId()) ? lotte : sanne;
        String targetName = sanne.equals(target) ? "Sanne de Wit" : "Lotte Jansen";

        BrowserContext context = JourneyBrowser.newContext(port, 1280, 900);
        context.setDefaultNavigationTimeout(60_000);
        try {
            Page page = context.newPage();
            JourneyBrowser.login(page, "teamleider");
            assertThat(page).hasURL(Pattern.compile(".*/mijn-werk$"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Werkvoorraad van het team")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Werkvoorraad Wijkteam Centrum-Haven").setLevel(1))).isVisible();
            page.getByLabel("Status").selectOption("NEW");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile(".*/werkvoorraad\\?.*status=NEW.*"));

            Locator row = page.locator("#zaak-" + h.caseId());
            assertThat(row).containsText("Huishouden " + h.lastName());
            assertTrue(JourneyBrowser.blockingViolations(page).isEmpty(), () -> "axe: " + JourneyBrowser.blockingViolations(page));
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
        JourneyBrowser.screenshot(page, name);
    }
}
