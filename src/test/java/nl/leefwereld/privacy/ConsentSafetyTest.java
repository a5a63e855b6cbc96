package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.NetworkDraft;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.privacy.ConsentPurpose.RecipientKind;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Consent and administration safety (issue 6 item 7): withdrawal only after a confirmation step with a reason, which is
 * stored and shown; the purpose/recipient rule table; a district changing team shows who gains and loses access first.
 */
@IntegrationTest
class ConsentSafetyTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    Households register;
    @Autowired
    Consents consents;
    @Autowired
    Administration admin;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    CurrentUser director;
    TestHouseholds.Fresh fresh;
    String today;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        director = users.current("regisseur");
        fresh = households.register(director, "centrum");
        today = LocalDate.now(clock).toString();
    }

    @Test
    void theRuleTableSaysWhichRecipientEachPurposeAllows() {
        assertThat(ConsentPurpose.SHARE_WITHIN_MUNICIPALITY.allowedRecipients()).containsExactly(RecipientKind.MUNICIPAL_TEAM);
        assertThat(ConsentPurpose.PROVIDER_EXCHANGE.allowedRecipients()).containsExactly(RecipientKind.ORGANISATION_OUTSIDE);
        assertThat(ConsentPurpose.REFERRAL.allowedRecipients()).containsExactly(RecipientKind.ORGANISATION_OUTSIDE);
        assertThat(ConsentPurpose.PLANNING_MEETING.allowedRecipients()).containsExactly(RecipientKind.INVITED);
        assertThat(ConsentPurpose.CASE_CONSULTATION.allowedRecipients())
                .containsExactlyInAnyOrder(RecipientKind.MUNICIPAL_TEAM, RecipientKind.ORGANISATION_OUTSIDE);
        for (ConsentPurpose p : ConsentPurpose.values()) {
            assertThat(p.allowedRecipients()).as(p + " allows someone").isNotEmpty();
        }
    }

    @Test
    void aRecipientThatDoesNotFitThePurposeIsAFieldErrorAndOneThatFitsIsAccepted() throws Exception {
        register.addNetworkMember(director, fresh.householdId(), new NetworkDraft("PROFESSIONAL", "Wim Woning", null,
                "Woningcorporatie Thuis", "Consulent", "Huur", null, null, false, null));
        // [purpose, recipient, accepted?]
        Object[][] table = {
                {"SHARE_WITHIN_MUNICIPALITY", "GGZ Leefstad", false},
                {"SHARE_WITHIN_MUNICIPALITY", "wijkteam noord", true},
                {"PROVIDER_EXCHANGE", "Gemeente Leefstad", false},
                {"PROVIDER_EXCHANGE", "Wijkteam Centrum-Haven", false},
                {"PROVIDER_EXCHANGE", "Zorgaanbieder De Brug", true},
                {"REFERRAL", "Leefstad (demo)", false},
                {"PLANNING_MEETING", "Schuldhulp Noord", false},
                {"PLANNING_MEETING", "Woningcorporatie Thuis", true},
                {"PLANNING_MEETING", "Wim Woning", true},
                {"CASE_CONSULTATION", "Wijkteam Zuid", true},
                {"CASE_CONSULTATION", "Veilig Thuis", true},
        };
        for (Object[] row : table) {
            MvcResult r = mvc.perform(post("/api/v1/households/{id}/consents", fresh.householdId()).with(users.as("regisseur"))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"personId": "%s", "purpose": "%s", "recipient": "%s", "givenOn": "%s"}""".formatted(
                            fresh.headPersonId(), row[0], row[1], today))).andReturn();
            String what = row[0] + " → " + row[1] + ": " + r.getResponse().getContentAsString();
            if ((boolean) row[2]) {
                assertThat(r.getResponse().getStatus()).as(what).isEqualTo(201);
            } else {
                assertThat(r.getResponse().getStatus()).as(what).isEqualTo(400);
                assertThat(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(what)
                        .contains("\"recipient\"").contains("krijgt alleen");
            }
        }
        // the page form: the error next to the recipient field, what was typed still there
        String page = mvc.perform(post("/huishoudens/{id}/toestemmingen", fresh.householdId()).with(csrf()).with(users.as("regisseur"))
                        .param("personId", fresh.headPersonId().toString()).param("purpose", "SHARE_WITHIN_MUNICIPALITY")
                        .param("recipient", "Bureau Buiten").param("givenOn", today))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("recipient-error").contains("value=\"Bureau Buiten\"");
    }

    @Test
    void withdrawalAsksForConfirmationAndAReasonAndKeepsTheReason() throws Exception {
        UUID consent = consents.give(director, fresh.householdId(), fresh.headPersonId(), "REFERRAL", "GGZ Intrek", null, today, null);
        // "Intrekken…" opens the confirmation step: what, the consequence, the reason field; nothing withdrawn yet
        String household0 = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/huishoudens/{id}", fresh.householdId())
                .with(users.as("regisseur"))).andReturn().getResponse().getContentAsString();
        assertThat(household0).contains("?intrekken=" + consent).doesNotContain("Toestemming intrekken?");
        String confirm = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/huishoudens/{id}", fresh.householdId())
                .param("intrekken", consent.toString()).with(users.as("regisseur"))).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Toestemming intrekken?").contains("GGZ Intrek").contains("name=\"reason\"")
                .contains("niet meer voor dit doel met deze organisatie");
        assertThat(withdrawnOn(consent)).isEmpty();
        // the confirmation without a reason: the error next to the reason field, nothing withdrawn
        MvcResult noReason = mvc.perform(post("/huishoudens/{id}/toestemmingen/{c}/intrekken", fresh.householdId(), consent).with(csrf())
                .with(users.as("regisseur")).param("withdrawnOn", today).param("reason", "  ")).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(200);
        assertThat(noReason.getResponse().getContentAsString()).contains("reason-error").contains("Toestemming intrekken?");
        assertThat(withdrawnOn(consent)).isEmpty();
        // the API needs the reason too
        MvcResult api = mvc.perform(post("/api/v1/households/{id}/consents/{c}/withdrawal", fresh.householdId(), consent)
                .with(users.as("regisseur")).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentAsString()).contains("\"reason\"");
        assertThatThrownBy(() -> consents.withdraw(director, fresh.householdId(), consent, today, "kort"))
                .isInstanceOf(InvalidInputException.class);
        // confirmed with a reason: withdrawn, reason stored and shown, audited once
        MvcResult done = mvc.perform(post("/huishoudens/{id}/toestemmingen/{c}/intrekken", fresh.householdId(), consent).with(csrf())
                .with(users.as("regisseur")).param("withdrawnOn", today)
                .param("reason", "De inwoner wil niet meer doorverwezen worden")).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(withdrawnOn(consent)).isEqualTo(today);
        assertThat(consents.of(director.municipalityCode(), java.util.List.of(fresh.headPersonId())).get(0).withdrawalReason())
                .isEqualTo("De inwoner wil niet meer doorverwezen worden");
        String household = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/huishoudens/{id}", fresh.householdId())
                .with(users.as("regisseur"))).andReturn().getResponse().getContentAsString();
        assertThat(household).contains("Reden: De inwoner wil niet meer doorverwezen worden");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'CONSENT' AND record_id = :c AND action = 'UPDATE'")
                .param("c", consent.toString()).query(Long.class).single()).isEqualTo(1);
        // a second withdrawal does not overwrite the first
        MvcResult again = mvc.perform(post("/api/v1/households/{id}/consents/{c}/withdrawal", fresh.householdId(), consent)
                .with(users.as("regisseur")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Nog een keer intrekken\"}")).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aDistrictChangingTeamShowsWhoGainsAndLosesAccessAndNeedsConfirmation() throws Exception {
        String m = director.municipalityCode();
        String tag = TestHouseholds.letters(6);
        String district = "wt-" + tag;
        admin.createDistrict(m, district, "Wijk " + tag);
        UUID from = admin.createTeam(m, "Van-team " + tag, Set.of(district));
        UUID to = admin.createTeam(m, "Naar-team " + tag, Set.of());
        jdbc.sql("""
                INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at)
                VALUES (:m, :id, 'Teststraat', '1', '8301 AB', 'Leefstad', :d, now())""")
                .param("m", m).param("id", UUID.randomUUID()).param("d", district).update();

        MvcResult warn = mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer")).param("districts", district))
                .andReturn();
        String html = warn.getResponse().getContentAsString();
        assertThat(warn.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("Wie krijgt en wie verliest toegang?").contains("Wijk " + tag + " (1 huishouden)")
                .contains("Naar-team " + tag + " (0 medewerkers) krijgt toegang").contains("Van-team " + tag + " (0 medewerkers) verliest");
        assertThat(directory.teamServing(m, district).orElseThrow().id()).as("nothing applied before confirmation").isEqualTo(from);

        MvcResult applied = mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer"))
                .param("districts", district).param("confirmed", "true")).andReturn();
        assertThat(applied.getResponse().getStatus()).isEqualTo(302);
        assertThat(directory.teamServing(m, district).orElseThrow().id()).isEqualTo(to);

        // leaving the district without a team warns as well
        String none = mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(none).contains("geen team bedient de wijk meer");
        assertThat(directory.teamServing(m, district)).isPresent();
        // a new team taking the district over warns too
        String create = mvc.perform(post("/beheer/teams").with(csrf()).with(users.as("beheer")).param("name", "Nieuw-team " + tag)
                .param("districts", district)).andReturn().getResponse().getContentAsString();
        assertThat(create).contains("Wie krijgt en wie verliest toegang?").contains("Naar-team " + tag);
        assertThat(admin.teams(m).stream().noneMatch(t -> t.name().equals("Nieuw-team " + tag))).isTrue();
        // a change that moves no district is applied at once
        assertThat(mvc.perform(post("/beheer/teams/{id}/wijken", to).with(csrf()).with(users.as("beheer")).param("districts", district))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private String withdrawnOn(UUID consent) {
        return jdbc.sql("SELECT coalesce(withdrawn_on::text, '') FROM consent WHERE id = :c").param("c", consent).query(String.class).single();
    }
}
