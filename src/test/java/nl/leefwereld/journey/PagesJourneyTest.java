package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Issue 6 items 1, 3, 4 and 6 in a real Chromium: typing survives a session expiry, errors take the eye, deep links
 * survive the login, and every main page reflows at 320 px (screenshots at 320 and 1280 px, axe clean, one font).
 */
@IntegrationTest
class PagesJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext server;
    @Autowired
    TestHouseholds households;
    @Autowired
    DemoUsers users;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** (a) The session expires (server side, as the idle timeout does) while the form is being filled in. */
    @Test
    void afterASessionExpiryTheFormComesBackFilledForTheSameUserOnly() throws Exception {
        Page page = newPage(1280);
        JourneyBrowser.login(page, "regisseur");
        page.navigate("/meldingen/nieuw");
        String lastName = "Verlopen" + TestHouseholds.letters(8);
        page.locator("[name=firstName]").fill("Sessie");
        page.locator("[name=lastName]").fill(lastName);
        page.locator("[name=birthDate]").fill("1983-04-27");
        page.locator("[name=street]").fill("Lindelaan");
        page.locator("[name=houseNumber]").fill("9");
        page.locator("[name=postalCode]").fill("8302 CD");
        page.locator("[name=city]").fill("Leefstad");
        page.locator("[name=districtCode]").selectOption(new SelectOption().setLabel("Centrum"));
        page.locator("[name=channel]").selectOption(new SelectOption().setLabel("KCC – telefoon"));
        String question = "Mevrouw heeft hulp nodig bij de administratie; dit typte ik een half uur lang.";
        page.locator("[name=questionAsAsked]").fill(question);

        expireSession(page.context());
        submit(page, "Melding vastleggen");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?verlopen$"));
        assertThat(page.getByText("Uw sessie is verlopen. Log opnieuw in.")).isVisible();
        assertThat(page.locator("body")).not().containsText("Geen toegang");
        assertStyled(page);
        assertThat(page.url()).doesNotContainIgnoringCase("jsessionid");

        JourneyBrowser.submitLogin(page, "regisseur");
        assertThat(page).hasURL(Pattern.compile(".*/meldingen/nieuw$"));
        assertThat(page.locator("#hersteld")).isFocused();
        assertThat(page.locator("#hersteld")).containsText("Controleer het en verstuur het opnieuw");
        assertThat(page.locator("[name=firstName]")).hasValue("Sessie");
        assertThat(page.locator("[name=lastName]")).hasValue(lastName);
        assertThat(page.locator("[name=birthDate]")).hasValue("1983-04-27");
        assertThat(page.locator("[name=districtCode]")).hasValue("centrum");
        assertThat(page.locator("[name=channel]")).hasValue("KCC_PHONE");
        assertThat(page.locator("[name=questionAsAsked]")).hasValue(question);
        assertThat(JourneyBrowser.blockingViolations(page)).isEmpty();
        JourneyBrowser.screenshot(page, "sessie-verlopen-formulier-hersteld");

        // Nothing was saved yet; now it is, with what was typed.
        submit(page, "Melding vastleggen");
        assertThat(page).hasURL(Pattern.compile(".*/huishoudens/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(lastName);
        // Shown once: the form is empty when opened again.
        page.navigate("/meldingen/nieuw");
        assertThat(page.locator("[name=lastName]")).hasValue("");
        assertThat(page.locator("#hersteld")).hasCount(0);

        // Someone else logging in on the same browser never sees what the first user typed.
        page.navigate("/meldingen/nieuw");
        page.locator("[name=lastName]").fill("Geheim" + TestHouseholds.letters(6));
        expireSession(page.context());
        submit(page, "Melding vastleggen");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?verlopen$"));
        JourneyBrowser.submitLogin(page, "regisseur.noord");
        assertThat(page).hasURL(Pattern.compile(".*/mijn-werk$"));
        page.navigate("/meldingen/nieuw");
        assertThat(page.locator("[name=lastName]")).hasValue("");
        assertThat(page.locator("#hersteld")).hasCount(0);
    }

    /** (b) Errors: the summary in the error style, first in field order, focused and in view; a failed action too. */
    @Test
    void errorsAreInTheErrorStyleFocusedAndInFieldOrder() {
        Page page = newPage(1280);
        JourneyBrowser.login(page, "regisseur");
        page.navigate("/meldingen/nieuw");
        page.locator("[name=postalCode]").fill("12AB");
        page.locator("[name=houseNumber]").fill("x");
        submit(page, "Melding vastleggen");

        Locator summary = page.locator("#foutmeldingen");
        assertThat(summary).isFocused();
        assertThat(summary).hasClass(Pattern.compile(".*utrecht-alert--error.*"));
        assertThat(summary).isInViewport();
        @SuppressWarnings("unchecked")
        List<Boolean> inOrder = (List<Boolean>) page.evaluate("""
                () => {
                  const targets = [...document.querySelectorAll('#foutmeldingen li a')]
                      .map(a => document.getElementById(a.getAttribute('href').substring(1)));
                  return targets.slice(1).map((t, i) => !!targets[i] && !!t
                      && !!(targets[i].compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING));
                }""");
        assertThat(inOrder).isNotEmpty().containsOnly(true);
        assertThat(JourneyBrowser.blockingViolations(page)).isEmpty();
        JourneyBrowser.screenshot(page, "fouten-in-veldvolgorde");

        // A team lead assigns no one: the error in the error style, next to the case, focused (was a green box on top).
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        Page lead = newPage(1280);
        JourneyBrowser.login(lead, "teamleider");
        lead.navigate("/huishoudens/" + h.householdId());
        Locator caseSection = lead.locator("#zaak");
        caseSection.locator("[name=caseDirectorId]").selectOption("");
        caseSection.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toewijzen")).click();
        Locator error = lead.locator("#zaak .lw-flash--error");
        assertThat(error).isVisible();
        assertThat(error).hasClass(Pattern.compile(".*utrecht-alert--error.*"));
        assertThat(error).isFocused();
        assertThat(error).isInViewport();
        assertThat(lead.locator(".utrecht-alert--ok")).hasCount(0);
        JourneyBrowser.screenshot(lead, "fout-bij-zaak");

        // And a confirmation appears there too.
        caseSection.locator("[name=caseDirectorId]").selectOption(new SelectOption().setIndex(1));
        caseSection.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toewijzen")).click();
        Locator ok = lead.locator("#zaak .lw-flash");
        assertThat(ok).hasClass(Pattern.compile(".*utrecht-alert--ok.*"));
        assertThat(ok).isFocused();
        assertThat(ok).isInViewport();
    }

    /** (c) A link opened while logged out is where the login lands. */
    @Test
    void aDeepLinkLandsOnThatLinkAfterLogin() {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        Page page = newPage(1280);
        page.navigate("/huishoudens/" + h.householdId());
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        JourneyBrowser.submitLogin(page, "regisseur");
        assertThat(page).hasURL(Pattern.compile(".*/huishoudens/" + h.householdId() + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(h.lastName());

        // The "not found" page for a bad id, an unknown page and GET /logout (was "Geen toegang").
        for (String path : List.of("/huishoudens/abc", "/bestaat-niet", "/logout")) {
            Response r = page.navigate(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Niet gevonden");
            assertStyled(page);
        }
    }

    /** (d) Every main page at 320 and 1280 px: no sideways scrolling, one font, axe clean, screenshots. */
    @Test
    void everyMainPageReflowsAt320PixelsWithOneFontAndNoAccessibilityViolations() {
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("regisseur", List.of("/mijn-werk", "/meldingen/nieuw", "/huishoudens/" + h.householdId(), "/personen/zoeken",
                "zoeken:" + h.lastName(), "fouten:/meldingen/nieuw", "/bestaat-niet"));
        pages.put("regisseur.noord", List.of("/huishoudens/" + h.householdId()));
        pages.put("teamleider", List.of("/mijn-werk", "/huishoudens/" + h.householdId()));
        pages.put("privacy", List.of("/privacy/audit?actor=beheer", "/privacy/noodtoegang", "/privacy/inzage", "/privacy/afgeschermd", "/privacy/meldingen"));
        pages.put("beheer", List.of("/beheer/gebruikers", "/beheer/teams", "/beheer/sessies", "/beheer/wijzigingen"));
        pages.put("", List.of("/login"));
        List<String> problems = new ArrayList<>();
        for (int width : List.of(320, 1280)) {
            for (var entry : pages.entrySet()) {
                Page page = newPage(width);
                if (!entry.getKey().isEmpty()) {
                    JourneyBrowser.login(page, entry.getKey());
                }
                for (String target : entry.getValue()) {
                    String name = open(page, target);
                    String label = entry.getKey() + " " + target + " @" + width;
                    int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
                    if (scrollWidth > width) {
                        problems.add(label + ": scrolls sideways (" + scrollWidth + " px)");
                    }
                    @SuppressWarnings("unchecked")
                    List<String> fonts = (List<String>) page.evaluate("""
                            () => [...new Set([...document.querySelectorAll('body, body *')]
                                .filter(e => e.offsetParent !== null || e === document.body)
                                .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(e.tagName))
                                .map(e => getComputedStyle(e).fontFamily))]""");
                    if (fonts.size() != 1) {
                        problems.add(label + ": more than one font: " + fonts);
                    }
                    Number offset = (Number) page.evaluate("""
                            () => {
                              const header = document.querySelector('.lw-header__content').getBoundingClientRect().left;
                              const main = document.querySelector('main');
                              return Math.abs(header - (main.getBoundingClientRect().left + parseFloat(getComputedStyle(main).paddingLeft)));
                            }""");
                    if (offset.doubleValue() > 1) {
                        problems.add(label + ": header not aligned with the content (" + offset + " px)");
                    }
                    JourneyBrowser.blockingViolations(page).forEach(v -> problems.add(label + ": axe " + v));
                    JourneyBrowser.screenshot(page, width + "/" + (entry.getKey().isEmpty() ? "anoniem" : entry.getKey()) + "-" + name);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- Helpers -------------------------------------------------------------------------------------------------

    private Page newPage(int width) {
        BrowserContext context = JourneyBrowser.newContext(port, width, 800);
        contexts.add(context);
        return context.newPage();
    }

    /** Opens a page; "zoeken:x" searches for x, "fouten:/path" sends that form empty. Returns a file name for it. */
    private static String open(Page page, String target) {
        if (target.startsWith("zoeken:")) {
            page.navigate("/personen/zoeken");
            page.locator("form[role=search] input[type=text], form[role=search] input[type=search]").first().fill(target.substring(7));
            page.locator("form[role=search] button[type=submit]").first().click();
            page.waitForLoadState();
            return "zoekresultaten";
        }
        if (target.startsWith("fouten:")) {
            page.navigate(target.substring(7));
            page.locator("[name=postalCode]").fill("12AB");
            submit(page, "Melding vastleggen");
            return "nieuwe-melding-met-fouten";
        }
        page.navigate(target);
        String name = target.replaceAll("^/", "").replaceAll("\\?.*$", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replace('/', '-');
        return name.isEmpty() ? "start" : name;
    }

    private static void submit(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
    }

    /** The stylesheet loaded (the page background is the one leefwereld.css sets). */
    private static void assertStyled(Page page) {
        assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(244, 245, 247)");
    }

    /** Ends the browser's session on the server the way the idle timeout does (Tomcat expires it). */
    private void expireSession(BrowserContext context) throws java.io.IOException {
        String id = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElseThrow();
        Context app = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = app.getManager().findSession(id);
        assertThat(session).as("the browser's session on the server").isNotNull();
        session.expire();
    }
}
