package nl.leefwereld.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.plan.AgreementDraft;
import nl.leefwereld.plan.HouseholdPlans;
import nl.leefwereld.plan.MeetingDecisions;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, the custom budget in a real Chromium: the case director asks, two team members approve, the team lead makes
 * the payment batch and marks it paid. axe-core clean on every page; screenshots at 1280 and 320 px.
 */
@IntegrationTest
class BudgetJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    HouseholdPlans plans;
    @Autowired
    Clock clock;

    final JourneyBrowser.Sessions sessions = new JourneyBrowser.Sessions();

    @AfterEach
    void close() {
        sessions.close();
    }

    Page as(String user, int width) {
        return sessions.as(port, user, width);
    }

    @Test
    void requestTwoApprovalsPaymentBatchPaid() {
        UUID h = households.register(users.current("regisseur"), "centrum").householdId();
        plans.recordMeetingDecisions(users.current("regisseur"), h, new MeetingDecisions(null, "Planbijeenkomst", List.of(
                new AgreementDraft("NETWORK_MEMBER", "Oom Kees", "Helpt met de post en de huur", LocalDate.now(clock).plusDays(30), null)),
                "Lukt het niet, dan belt moeder haar zus", "De kinderen wonen veilig thuis", "Veilig Thuis"));
        String purpose = "Huurachterstand " + TestHouseholds.letters(6);

        Page director = as("regisseur", 1280);
        director.navigate("/huishoudens/" + h);
        director.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Maatwerkbudget aanvragen")).click();
        director.locator("#planItem").selectOption(new SelectOption().setIndex(1));
        director.getByLabel("Bedrag in euro").fill("745,10");
        director.locator("#category").selectOption(new SelectOption().setValue("HOUSING"));
        director.getByLabel("Waarvoor is het geld?").fill(purpose);
        director.getByLabel("Naam van de ontvanger").fill("Woonstichting De Haven");
        director.getByLabel("IBAN").fill("NL91 ABNA 0417 1643 00");
        director.getByLabel("Factuurnummer of kenmerk").fill("F-2026-0042");
        director.getByLabel("Welk probleem lost dit op?").fill("De huurachterstand is weg; de woning blijft.");
        director.getByLabel("Welke maatschappelijke kosten voorkomt dit?").fill("Een huisuitzetting en opvang.");
        director.getByLabel("Wat doet de inwoner zodat het niet opnieuw gebeurt?").fill("Huur op automatische betaling.");
        director.getByLabel("Rendement: wat levert het op?").fill("Voorkomt opvang.");
        director.getByLabel("Legitimiteit: is het rechtvaardig en uit te leggen?").fill("Eenmalig, uitlegbaar.");
        director.getByLabel("Betrokkenheid: hoe doen de inwoner en het netwerk mee?").fill("Oom Kees helpt met de post.");
        assertThat(JourneyBrowser.blockingViolations(director)).as("axe on the request form").isEmpty();
        JourneyBrowser.screenshot(director, "maatwerkbudget-aanvraag");
        director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvraag versturen")).click();
        assertThat(director.locator("#stand")).hasText("Aangevraagd");
        assertThat(JourneyBrowser.blockingViolations(director)).as("axe on the request").isEmpty();

        Page lead = null;
        for (String member : List.of("regisseur.haven", "teamleider")) {
            Page p = as(member, 1280);
            lead = p;
            p.navigate("/maatwerkbudget");
            p.locator("#wacht-op-mij").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(purpose)).click();
            p.getByLabel("Goedkeuren").check();
            p.getByLabel("Toelichting").fill("Past bij de afspraak in het plan.");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Besluit vastleggen")).click();
            assertThat(p.locator("#besluiten")).containsText("Past bij de afspraak in het plan.");
        }

        assertThat(lead.locator("#stand")).hasText("Goedgekeurd, nog niet betaald");
        lead.navigate("/maatwerkbudget");
        assertThat(lead.locator("#nog-te-betalen")).containsText(purpose);
        assertThat(JourneyBrowser.blockingViolations(lead)).as("axe on the team page").isEmpty();
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Betaalbestand nu maken")).click();
        assertThat(lead.locator("#betaalbestanden")).containsText("SEPA-bestand");
        JourneyBrowser.screenshot(lead, "maatwerkbudget-team");
        // every unpaid batch of the team is marked paid (other tests may have left batches; ours is among them)
        var unpaid = lead.locator("#betaalbestanden").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Markeer als betaald"));
        for (int guard = 0; unpaid.count() > 0 && guard < 50; guard++) {
            unpaid.first().click();
            assertThat(lead.locator(".lw-flash")).containsText("als betaald gemarkeerd");
        }

        director.reload();
        assertThat(director.locator("#stand")).hasText("Betaald");
        JourneyBrowser.screenshot(director, "maatwerkbudget-betaald");

        Page narrow = as("teamleider", 320);
        narrow.navigate("/maatwerkbudget");
        assertThat(JourneyBrowser.blockingViolations(narrow)).as("axe on the team page at 320 px").isEmpty();
        JourneyBrowser.screenshot(narrow, "maatwerkbudget-team-320");
    }
}
