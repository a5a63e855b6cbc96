package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Wmo legal process in a real browser: a notification becomes a melding, the investigation report records the order
 * of support, the aanvraag, a decision with a custom provision, the letter as PDF, and an objection; axe-core clean on
 * every page on the way.
 */
@IntegrationTest
class WmoJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void notificationToObjection() throws Exception {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String today = LocalDate.now(clock).toString();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = JourneyBrowser.newContext(port, 1280, 900)) {
            Page page = context.newPage();
            JourneyBrowser.login(page, "regisseur");

            page.navigate("/huishoudens/" + h.householdId());
            page.locator("#notificationId").selectOption(h.notificationId().toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De melding is vastgelegd");
            assertThat(page.locator("#stand-kop + dl")).containsText("Melding ontvangen, onderzoek loopt");
            violations.put("verzoek (melding)", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-1-melding");

            // Investigation: proposing a custom provision without saying why the general provisions are not enough is refused.
            page.locator("#investigatedOn").fill(today);
            page.locator("#ownStrength").fill("Kookt zelf, kan niet meer stofzuigen of de was doen");
            page.locator("#network").fill("Dochter woont in Groningen en komt eens per maand");
            page.locator("#usualHelp").fill("Woont alleen: geen gebruikelijke hulp");
            page.locator("#generalConsidered").fill("Kleine nodenhulp bekeken: alleen voor klussen, niet voor het huishouden");
            page.locator("#customProposed").selectOption("true");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verslag vastleggen")).click();
            assertThat(page.locator("#whyNotEnough-error")).isVisible();
            assertThat(page.locator("#ownStrength")).hasValue("Kookt zelf, kan niet meer stofzuigen of de was doen");
            violations.put("onderzoek met fout", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-2-onderzoek-fout");
            page.locator("#whyNotEnough").fill("Het huishouden raakt achter; netwerk en algemene voorzieningen kunnen dat niet opvangen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verslag vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("verslag van het onderzoek is vastgelegd");

            page.locator("#aanvraagOn").fill(today);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvraag vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De aanvraag is vastgelegd");

            String provision = jdbc.sql("SELECT id::text FROM provision WHERE municipality_code = '9999' AND name = 'Hulp bij het huishouden'")
                    .query(String.class).single();
            page.locator("#decidedOn").fill(today);
            page.locator("#outcome").selectOption("GRANTED");
            page.locator("#grounds").fill("U kunt uw huishouden niet meer zelf doen. Uw netwerk en de algemene voorzieningen kunnen dat niet overnemen.");
            page.locator("#provisionId").selectOption(provision);
            page.locator("#form").selectOption("NATURA");
            page.locator("#volume").fill("3");
            page.locator("#frequency").selectOption("2");
            page.locator("#startOn").fill(today);
            page.locator("#endOn").fill(LocalDate.parse(today).plusYears(1).toString());
            violations.put("beschikking invullen", JourneyBrowser.blockingViolations(page));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beschikking vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De beschikking is vastgelegd");
            assertThat(page.locator("#brief-titel")).isVisible();
            assertThat(page.locator(".lw-letter")).containsText("3 uur per week");
            assertThat(page.locator(".lw-letter")).containsText("€ 21,80 per maand");
            violations.put("beschikking met brief", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-3-beschikking");

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download de brief (PDF)")).click());
            byte[] pdf = Files.readAllBytes(download.path());
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("Hulp bij het huishouden"), text);
                assertTrue(text.contains(h.lastName()), text);
                assertTrue(text.contains("bezwaar"), text);
            }

            page.locator("#receivedOn").fill(today);
            page.locator("#grounds").fill("Drie uur per week is te weinig voor mijn huis.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bezwaar registreren")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Het bezwaar is geregistreerd");
            assertThat(page.locator("#stand-kop + dl")).containsText("Bezwaar ingediend");
            violations.put("bezwaar", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-4-bezwaar");

            // The decision on the objection, with its letter text on the page.
            page.locator("#objectionDecidedOn").fill(today);
            page.locator("#objectionOutcome").selectOption("UNFOUNDED");
            page.locator("#objectionDecisionGrounds").fill("Drie uur per week past bij wat het onderzoek liet zien.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beslissing op bezwaar vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De beslissing op het bezwaar is vastgelegd");
            assertThat(page.locator("#bob-brief-kop + p + p")).containsText("uw bezwaar is ongegrond");
            violations.put("beslissing op bezwaar", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-4b-beslissing-op-bezwaar");

            // A complaint from the household page into the team's register.
            page.navigate("/huishoudens/" + h.householdId());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Klacht vastleggen")).click();
            page.locator("#law").selectOption("WMO");
            page.locator("#category").selectOption("CO_PAYMENT");
            page.locator("#summary").fill("De eigen bijdrage is te hoog.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klacht vastleggen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("De klacht staat in het register");
            violations.put("klacht", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-4c-klacht");
            page.navigate("/wmo/klachten");
            assertThat(page.locator("main")).containsText("Eigen bijdrage");
            violations.put("klachtenregister", JourneyBrowser.blockingViolations(page));

            page.navigate("/wmo/termijnen");
            violations.put("termijnoverzicht", JourneyBrowser.blockingViolations(page));
            page.navigate("/sociale-kaart?wijk=noord&q=eenzaam");
            assertThat(page.locator("main")).containsText("Laagdrempelige inloop met dagopvang");
            violations.put("sociale kaart", JourneyBrowser.blockingViolations(page));
            JourneyBrowser.screenshot(page, "wmo-5-sociale-kaart");
        }
        List<String> all = new ArrayList<>();
        violations.forEach((k, v) -> v.forEach(x -> all.add(k + ": " + x)));
        assertEquals(List.of(), all, "axe-core: serious or critical WCAG 2.1 A/AA violations");
    }
}
