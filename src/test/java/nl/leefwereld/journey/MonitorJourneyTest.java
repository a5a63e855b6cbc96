package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.util.List;
import nl.leefwereld.monitor.Monitor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11 in a real Chromium: the policy officer opens the monitor, filters a district and a year, asks for the council
 * report, follows its progress and downloads the PDF; the PDF's text is checked with PDFBox. axe-core clean on every
 * page; screenshots at 1280 and 320 px. Needs the monitor's pages and implementation (mon-core); skipped without them.
 */
@IntegrationTest
class MonitorJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    final JourneyBrowser.Sessions sessions = new JourneyBrowser.Sessions();

    @AfterEach
    void close() {
        sessions.close();
    }

    Page as(String user, int width) {
        return sessions.as(port, user, width);
    }

    private static void axe(Page page, String what) {
        assertThat(JourneyBrowser.blockingViolations(page)).as("axe on " + what).isEmpty();
    }

    /** Chooses a value in a filter field, a select (the first real option, or the given index) or a text box (kept). */
    private static String choose(Locator field, int optionIndex) {
        if ("SELECT".equals(field.evaluate("e => e.tagName"))) {
            Locator options = field.locator("option:not([value=''])");
            String value = options.nth(Math.min(optionIndex, options.count() - 1)).getAttribute("value");
            field.selectOption(value);
            return value;
        }
        return field.inputValue();
    }

    /** The first count cell of the reach table for beleid: "< 10" or the number in Dutch notation. */
    private String firstCount(String year, String district) {
        var details = context.getBean(nl.leefwereld.support.DemoUsers.class).details("beleid");
        var security = org.springframework.security.core.context.SecurityContextHolder.getContext();
        security.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(details, null,
                details.getAuthorities()));
        try {
            var table = context.getBean(Monitor.class).table(nl.leefwereld.monitor.MonitorTableName.REACH,
                    new nl.leefwereld.monitor.MonitorQuery(Integer.parseInt(year), district, null, null));
            for (var row : table.rows()) {
                for (var column : table.columns()) {
                    var cell = row.cell(column.key());
                    if (column.kind() == nl.leefwereld.monitor.MonitorTable.Column.Kind.COUNT && (cell.suppressed() || cell.number() != null)) {
                        return cell.suppressed() ? String.format(nl.leefwereld.monitor.MonitorTable.Cell.SUPPRESSED_TEXT, table.threshold())
                                : java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("nl-NL")).format(cell.number());
                    }
                }
            }
            return table.title();   // an empty table: at least its title
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void policyOfficerFiltersAndDownloadsTheCouncilReport() throws Exception {
        Page page = as("beleid", 1280);
        page.navigate("/monitor");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        axe(page, "the monitor");
        JourneyBrowser.screenshot(page, "monitor-start");

        page.navigate("/monitor/reach");
        Locator year = page.locator("form [name=year]").first();
        Locator district = page.locator("form [name=district]").first();
        String chosenYear = choose(year, 0);
        String chosenDistrict = choose(district, 0);
        year.locator("xpath=ancestor::form").locator("button[type=submit], input[type=submit]").first().click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.url()).contains("year=" + chosenYear).contains("district=" + chosenDistrict);
        axe(page, "reach, filtered");
        JourneyBrowser.screenshot(page, "monitor-bereik-gefilterd");
        assertThat(page.locator("a[href*='/monitor/reach.csv']").first()).isVisible();
        assertThat(page.locator("a[href*='/monitor/reach.xlsx']").first()).isVisible();

        page.locator("a[href*='/monitor/raadsrapportage']").first().click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Raadsrapportage maken"))).isVisible();
        page.getByLabel("Jaar").fill(chosenYear);
        page.locator("#district").selectOption(chosenDistrict);
        axe(page, "the council report form");
        JourneyBrowser.screenshot(page, "raadsrapportage-maken");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raadsrapportage maken")).click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.url()).contains("/monitor/exports/");
        axe(page, "the job page");
        Locator download = page.locator("#download");
        assertThat(download).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        axe(page, "the finished job page");
        JourneyBrowser.screenshot(page, "raadsrapportage-klaar");

        Download file = page.waitForDownload(download::click);
        byte[] pdf = Files.readAllBytes(file.path());
        assertThat(file.suggestedFilename()).isEqualTo("raadsrapportage-" + chosenYear + "-wijk-" + chosenDistrict + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Raadsrapportage sociaal domein", chosenYear, "Bereik", "Samenloop van wetten", "Indicatorenblad");
            assertThat(text).as("the first count of the reach table, as the monitor gives it to this user").contains(firstCount(chosenYear, chosenDistrict));
        }

        Page narrow = as("beleid", 320);
        narrow.navigate("/monitor/raadsrapportage/nieuw");
        axe(narrow, "the council report form at 320 px");
        JourneyBrowser.screenshot(narrow, "raadsrapportage-maken-320");
        narrow.navigate(page.url());
        axe(narrow, "the job page at 320 px");
        JourneyBrowser.screenshot(narrow, "raadsrapportage-klaar-320");
    }
}
