package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 in a real Chromium: open a Noordoostpolder case, enter its reference scenario, see the avoided cost per year
 * and per payer; and the portfolio with a worked example. axe-core clean on every page, screenshots in target/screenshots.
 */
@IntegrationTest
class BudgetReturnsJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aNoordoostpolderCaseGetsItsReferenceScenarioPricedPerYearAndPerPayer() {
        // "Samen weer door één deur" (000 L86–104): without the meeting the child goes to a foster family (€ 44.04 a day).
        UUID household = jdbc.sql("""
                SELECT hm.household_id FROM household_member hm JOIN person p ON p.municipality_code = hm.municipality_code AND p.id = hm.person_id
                WHERE hm.municipality_code = '9999' AND p.last_name = 'Hendriks' LIMIT 1""").query(UUID.class).single();
        context = JourneyBrowser.newContext(port, 1280, 900);
        Page page = context.newPage();
        JourneyBrowser.login(page, "regisseur");
        page.navigate("/huishoudens/" + household);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rendement berekenen")).click();
        assertThat(JourneyBrowser.blockingViolations(page)).as("axe on the case-return form").isEmpty();
        page.getByLabel("Titel").fill("Samen weer door één deur");
        page.getByLabel("Aannames in woorden").fill("Zonder de planbijeenkomst was de dochter een jaar in een pleeggezin geplaatst.");
        page.locator("#refItem0").selectOption(new SelectOption().setValue("NOP-PLEEG-DAG"));
        page.locator("#refPeriods0").fill("365");
        page.locator("#actDescription0").fill("Gezinscoach");
        page.locator("#actUnitPrice0").fill("35");
        page.locator("#actUnit0").selectOption(new SelectOption().setValue("PER_DAY"));
        page.locator("#actPayer0").selectOption(new SelectOption().setValue("MUNICIPALITY_YOUTH"));
        page.locator("#actPeriods0").fill("40");
        page.locator("#actDescription1").fill("Reiskosten familie");
        page.locator("#actUnitPrice1").fill("120,00");
        page.locator("#actUnit1").selectOption(new SelectOption().setValue("PER_TIME"));
        page.locator("#actPayer1").selectOption(new SelectOption().setValue("RESIDENT"));
        JourneyBrowser.screenshot(page, "rendement-formulier");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rendement opslaan")).click();
        // 365 × 44.04 = 16,074.60 against 40 × 35 + 120 = 1,520: 14,554.60 a year
        assertThat(page.locator("#vermeden-per-jaar")).hasText("€ 14.554,60");
        assertThat(page.locator("#per-betaler")).containsText("Gemeente – Jeugdwet");
        assertThat(page.locator("#per-betaler")).containsText("€ 14.674,60");
        assertThat(page.locator("#per-betaler")).containsText("Inwoner");
        assertThat(JourneyBrowser.blockingViolations(page)).as("axe on the case return").isEmpty();
        JourneyBrowser.screenshot(page, "rendement-casus");
        page.navigate("/huishoudens/" + household);
        assertThat(page.locator("#rendement")).containsText("Samen weer door één deur");
    }

    @Test
    void thePolicyOfficerSeesThePortfolioAndAWorkedExample() {
        context = JourneyBrowser.newContext(port, 1280, 900);
        Page page = context.newPage();
        JourneyBrowser.login(page, "beleid");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projecten").setExact(true)).click();
        assertThat(page.locator("#portefeuille")).containsText("Aanpak Multi-problem gezinnen");
        assertThat(JourneyBrowser.blockingViolations(page)).as("axe on the portfolio").isEmpty();
        JourneyBrowser.screenshot(page, "portefeuille");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Zoveel Meer").setExact(true)).click();
        assertThat(page.locator("#rendement-uitkomst")).hasText("€ 66.000");
        assertThat(JourneyBrowser.blockingViolations(page)).as("axe on the project page").isEmpty();
        JourneyBrowser.screenshot(page, "project-zoveel-meer");
    }
}
