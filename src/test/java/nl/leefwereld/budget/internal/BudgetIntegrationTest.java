package nl.leefwereld.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.leefwereld.budget.BudgetStatus;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.plan.AgreementDraft;
import nl.leefwereld.plan.HouseholdPlans;
import nl.leefwereld.plan.MeetingDecisions;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The custom budget against the running application: the request (validation, plan link), the team's decision
 * (own approval refused, quorum, rejection, remark, concurrent approvals), the payment batch (XSD-valid pain.001,
 * control sum and count, never a request twice, also under concurrent runs), paid/unpaid with the 24-hour flag, and
 * access (only the team; IDOR on request and batch ids).
 */
@IntegrationTest
class BudgetIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    HouseholdPlans plans;
    @Autowired
    BudgetService budget;
    @Autowired
    PaymentBatches batches;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    // ---- helpers

    UUID householdWithPlan() {
        CurrentUser regisseur = users.current("regisseur");
        UUID h = households.register(regisseur, "centrum").householdId();
        plans.recordMeetingDecisions(regisseur, h, new MeetingDecisions(null, "Planbijeenkomst", List.of(
                new AgreementDraft("NETWORK_MEMBER", "Oom Kees", "Helpt met de post en de huur", LocalDate.now(clock).plusDays(30), null)),
                "Lukt het niet, dan belt moeder haar zus", "De kinderen wonen veilig thuis", "Veilig Thuis"));
        return h;
    }

    UUID planItem(UUID h) {
        return plans.linkableItems(users.current("regisseur"), h).get(0).id();
    }

    /** The request form, filled in well; overrides are name, value pairs that replace a field (an empty value leaves it out). */
    MockHttpServletRequestBuilder requestForm(UUID h, String purpose, String amount, String... overrides) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("planItem", planItem(h).toString());
        f.put("amount", amount);
        f.put("category", "HOUSING");
        f.put("purpose", purpose);
        f.put("payeeKind", "ORGANISATION");
        f.put("payeeName", "Woonstichting De Haven");
        f.put("payeeIban", "NL91 ABNA 0417 1643 00");
        f.put("invoiceReference", "F-2026-0042");
        f.put("problemSolved", "De huurachterstand is weg, de woning blijft behouden.");
        f.put("costsPrevented", "Een huisuitzetting en maatschappelijke opvang.");
        f.put("preventedAmount", "12.000,00");
        f.put("recurrencePrevention", "Moeder zet de huur op automatische betaling.");
        f.put("reflectionReturn", "Voorkomt opvang.");
        f.put("reflectionLegitimacy", "Eenmalig en uitlegbaar.");
        f.put("reflectionInvolvement", "Oom Kees helpt met de post.");
        f.put("standardTried", "true");
        f.put("standardOptions", "Bijzondere bijstand: afgewezen, te laat aangevraagd.");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            f.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder b = post("/huishoudens/{id}/maatwerkbudget", h).with(users.as("regisseur")).with(csrf());
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.param(k, v);
            }
        });
        return b;
    }

    UUID request(UUID h, String purpose, String amount) throws Exception {
        MvcResult r = mvc.perform(requestForm(h, purpose, amount)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
        String location = r.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    MvcResult decide(String user, UUID h, UUID request, String decision, String remark) throws Exception {
        return mvc.perform(post("/huishoudens/{h}/maatwerkbudget/{r}/besluit", h, request).with(users.as(user)).with(csrf())
                .param("decision", decision).param("remark", remark)).andReturn();
    }

    BudgetStatus status(UUID request) {
        return BudgetStatus.valueOf(jdbc.sql("SELECT status FROM budget_request WHERE id = :id").param("id", request).query(String.class).single());
    }

    UUID approved(UUID h, String purpose, String amount) throws Exception {
        UUID r = request(h, purpose, amount);
        assertThat(decide("regisseur.haven", h, r, "APPROVE", "Akkoord").getResponse().getStatus()).isEqualTo(302);
        assertThat(decide("teamleider", h, r, "APPROVE", "Akkoord").getResponse().getStatus()).isEqualTo(302);
        assertThat(status(r)).isEqualTo(BudgetStatus.APPROVED);
        return r;
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    CurrentUser fakeMember(Role role, UUID team) {
        return new CurrentUser(UUID.randomUUID(), "lid-" + TestHouseholds.letters(6), "Teamlid", users.current("regisseur").municipalityCode(),
                team, EnumSet.of(role));
    }

    // ---- 1. the request

    @Test
    void aRequestIsSavedExactlyAndShownOnTheHouseholdPage() throws Exception {
        UUID h = householdWithPlan();
        UUID r = request(h, "Huurachterstand januari", "1.234,56");
        assertThat(jdbc.sql("SELECT amount_cents FROM budget_request WHERE id = :id").param("id", r).query(Long.class).single()).isEqualTo(123456L);
        assertThat(jdbc.sql("SELECT prevented_cents FROM budget_request WHERE id = :id").param("id", r).query(Long.class).single()).isEqualTo(1200000L);
        assertThat(jdbc.sql("SELECT plan_item_id FROM budget_request WHERE id = :id").param("id", r).query(UUID.class).single()).isEqualTo(planItem(h));
        assertThat(status(r)).isEqualTo(BudgetStatus.REQUESTED);

        String page = body(mvc.perform(get("/huishoudens/{id}", h).with(users.as("regisseur.haven"))).andReturn());
        assertThat(page).contains("Maatwerkbudget").contains("Huurachterstand januari").contains("€ 1.234,56").contains("Aangevraagd");
        String detail = body(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", h, r).with(users.as("teamleider"))).andReturn());
        assertThat(detail).contains("Woonstichting De Haven").contains("NL91ABNA0417164300").contains("Helpt met de post en de huur");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'BUDGET_REQUEST' AND record_id = :r AND action = 'CREATE'")
                .param("r", r.toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void badInputIsNamedNextToTheFieldAndNothingTypedIsLost() throws Exception {
        UUID h = householdWithPlan();
        MvcResult bad = mvc.perform(requestForm(h, "Typetekst blijft staan", "12,345", "payeeIban", "NL92ABNA0417164300",
                "payeeKind", "RESIDENT")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(bad)).contains("Dit IBAN klopt niet").contains("Vul een bedrag in euro")
                .contains("Vul waarom het geld naar de inwoner gaat in").contains("Typetekst blijft staan").contains("NL92ABNA0417164300");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_request WHERE household_id = :h").param("h", h).query(Long.class).single()).isZero();

        // the resident as payee with a reason is allowed, as an exception
        UUID ok = UUID.fromString(mvc.perform(requestForm(h, "Aan de inwoner", "10", "payeeKind", "RESIDENT",
                "residentReason", "De winkel neemt geen facturen aan.")).andReturn().getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        assertThat(status(ok)).isEqualTo(BudgetStatus.REQUESTED);

        // a plan item of another household is refused
        UUID other = householdWithPlan();
        MvcResult foreign = mvc.perform(requestForm(h, "Vreemd doel", "10", "planItem", planItem(other).toString())).andReturn();
        assertThat(body(foreign)).contains("Kies een doel of afspraak uit het huidige plan");
    }

    @Test
    void withoutAPlanTheFormSaysSoAndLinksToThePlan() throws Exception {
        UUID h = households.register(users.current("regisseur"), "centrum").householdId();
        String form = body(mvc.perform(get("/huishoudens/{id}/maatwerkbudget/nieuw", h).with(users.as("regisseur"))).andReturn());
        assertThat(form).contains("Dit huishouden heeft nog geen plan").contains("/huishoudens/" + h + "/plan");
        MvcResult post = mvc.perform(post("/huishoudens/{id}/maatwerkbudget", h).with(users.as("regisseur")).with(csrf())
                .param("amount", "10").param("purpose", "x")).andReturn();
        assertThat(post.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(post)).contains("Maak eerst een plan");
    }

    // ---- 2. the team decides

    @Test
    void theRequesterCannotApproveTheQuorumApprovesAndEachDecisionHasARemark() throws Exception {
        UUID h = householdWithPlan();
        UUID r = request(h, "Schoolspullen", "89,95");
        assertThat(body(decide("regisseur", h, r, "APPROVE", "Eigen akkoord"))).contains("U heeft deze aanvraag zelf gedaan");
        assertThat(body(decide("regisseur.haven", h, r, "APPROVE", ""))).contains("Vul een toelichting bij uw besluit in");
        assertThat(decide("regisseur.haven", h, r, "APPROVE", "Past bij het plan").getResponse().getStatus()).isEqualTo(302);
        assertThat(status(r)).isEqualTo(BudgetStatus.REQUESTED);
        assertThat(body(decide("regisseur.haven", h, r, "APPROVE", "Nog een keer"))).contains("U heeft al besloten");
        assertThat(status(r)).isEqualTo(BudgetStatus.REQUESTED);
        assertThat(decide("teamleider", h, r, "APPROVE", "Akkoord").getResponse().getStatus()).isEqualTo(302);
        assertThat(status(r)).isEqualTo(BudgetStatus.APPROVED);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_decision WHERE request_id = :r").param("r", r).query(Long.class).single()).isEqualTo(2L);
        String page = body(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", h, r).with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("Past bij het plan").contains("Goedgekeurd, nog niet betaald");
    }

    @Test
    void oneRejectionWithAReasonEndsTheRequest() throws Exception {
        UUID h = householdWithPlan();
        UUID r = request(h, "Nieuwe bank", "450");
        assertThat(decide("teamleider", h, r, "REJECT", "Kan via de kringloop").getResponse().getStatus()).isEqualTo(302);
        assertThat(status(r)).isEqualTo(BudgetStatus.REJECTED);
        assertThat(body(decide("regisseur.haven", h, r, "APPROVE", "Toch akkoord"))).contains("Over deze aanvraag is al besloten");
        assertThat(status(r)).isEqualTo(BudgetStatus.REJECTED);
    }

    @Test
    void concurrentApprovalsCountOnceEachAndChangeTheStateOnce() throws Exception {
        UUID h = householdWithPlan();
        UUID r = request(h, "Parallel", "20");
        UUID team = users.current("regisseur").teamId();
        List<CurrentUser> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(fakeMember(i % 2 == 0 ? Role.CASE_DIRECTOR : Role.TEAM_LEAD, team));
        }
        members.add(members.get(0)); // the same member twice, at the same time
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (CurrentUser m : members) {
            results.add(pool.submit((Callable<String>) () -> {
                start.await();
                try {
                    return budget.decide(m, h, r, "APPROVE", "Akkoord").name();
                } catch (InvalidInputException e) {
                    return "REFUSED";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("APPROVED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("REQUESTED"::equals).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_decision WHERE request_id = :r").param("r", r).query(Long.class).single())
                .isEqualTo(budget.quorum());
        assertThat(status(r)).isEqualTo(BudgetStatus.APPROVED);
    }

    // ---- 3. paid within 24 hours

    @Test
    void theBatchIsAValidPain001WithMatchingHeaderAndNoRequestTwice() throws Exception {
        UUID h = householdWithPlan();
        UUID a = approved(h, "Huur februari", "745,10");
        UUID b = approved(h, "Energierekening", "0,01");
        MvcResult made = mvc.perform(post("/maatwerkbudget/betaalbestanden").with(users.as("teamleider")).with(csrf())).andReturn();
        assertThat(made.getResponse().getStatus()).isEqualTo(302);
        UUID batch = batchOf(a);
        assertThat(batchOf(b)).isEqualTo(batch);
        assertThat(status(a)).isEqualTo(BudgetStatus.IN_BATCH);

        String xml = body(mvc.perform(get("/maatwerkbudget/betaalbestanden/{b}/pain001.xml", batch).with(users.as("teamleider"))).andReturn());
        validate(xml);
        Document doc = parse(xml);
        int count = doc.getElementsByTagName("CdtTrfTxInf").getLength();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            sum = sum.add(new BigDecimal(doc.getElementsByTagName("InstdAmt").item(i).getTextContent()));
        }
        assertThat(doc.getElementsByTagName("NbOfTxs").item(0).getTextContent()).isEqualTo(String.valueOf(count));
        assertThat(new BigDecimal(doc.getElementsByTagName("CtrlSum").item(0).getTextContent())).isEqualByComparingTo(sum);
        long items = jdbc.sql("SELECT count(*) FROM budget_batch_item WHERE batch_id = :b").param("b", batch).query(Long.class).single();
        assertThat(count).isEqualTo((int) items);
        assertThat(xml).contains(PaymentBatches.endToEnd(a)).contains("<InstdAmt Ccy=\"EUR\">745.10</InstdAmt>")
                .contains("<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>").contains("NL91ABNA0417164300").contains("F-2026-0042");
        String csv = body(mvc.perform(get("/maatwerkbudget/betaalbestanden/{b}/betaalbestand.csv", batch).with(users.as("teamleider"))).andReturn());
        assertThat(csv).startsWith("kenmerk;begunstigde;iban;bedrag;omschrijving").contains("\"" + PaymentBatches.endToEnd(a) + "\"").contains(";745,10;");
        assertThat(csv.lines().count()).isEqualTo(items + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'PAYMENT_BATCH' AND record_id = :b AND action = 'EXPORT'")
                .param("b", batch.toString()).query(Long.class).single()).isEqualTo(2L);

        // a second run does not take them again
        mvc.perform(post("/maatwerkbudget/betaalbestanden").with(users.as("teamleider")).with(csrf())).andReturn();
        assertThat(jdbc.sql("SELECT count(*) FROM budget_batch_item WHERE request_id IN (:a, :b)").param("a", a).param("b", b)
                .query(Long.class).single()).isEqualTo(2L);

        // paid: the team lead marks the batch; once
        assertThat(mvc.perform(post("/maatwerkbudget/betaalbestanden/{b}/betaald", batch).with(users.as("teamleider")).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(status(a)).isEqualTo(BudgetStatus.PAID);
        assertThat(status(b)).isEqualTo(BudgetStatus.PAID);
        MvcResult again = mvc.perform(post("/maatwerkbudget/betaalbestanden/{b}/betaald", batch).with(users.as("teamleider")).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("error")).isEqualTo("Dit betaalbestand is al als betaald gemarkeerd.");
        String detail = body(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", h, a).with(users.as("regisseur"))).andReturn());
        assertThat(detail).contains("Betaald");
    }

    @Test
    void twoConcurrentBatchRunsNeverPutARequestInTwoBatches() throws Exception {
        UUID h = householdWithPlan();
        List<UUID> approved = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            approved.add(approved(h, "Parallelle betaling " + i, (i + 1) + ",00"));
        }
        UUID team = users.current("teamleider").teamId();
        String m = users.current("teamleider").municipalityCode();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<UUID>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return batches.make(m, team, "test");
            }));
        }
        start.countDown();
        List<UUID> made = new ArrayList<>();
        for (Future<Optional<UUID>> f : runs) {
            f.get().ifPresent(made::add);
        }
        pool.shutdown();
        assertThat(made).isNotEmpty();
        for (UUID r : approved) {
            assertThat(jdbc.sql("SELECT count(*) FROM budget_batch_item WHERE request_id = :r").param("r", r).query(Long.class).single())
                    .as("request in exactly one batch").isEqualTo(1L);
            assertThat(status(r)).isEqualTo(BudgetStatus.IN_BATCH);
        }
        for (UUID batch : made) {
            String xml = jdbc.sql("SELECT pain_xml FROM budget_batch WHERE id = :b").param("b", batch).query(String.class).single();
            validate(xml);
            long items = jdbc.sql("SELECT count(*) FROM budget_batch_item WHERE batch_id = :b").param("b", batch).query(Long.class).single();
            long cents = jdbc.sql("""
                    SELECT sum(r.amount_cents) FROM budget_batch_item i JOIN budget_request r ON r.id = i.request_id WHERE i.batch_id = :b""")
                    .param("b", batch).query(Long.class).single();
            Document doc = parse(xml);
            assertThat(doc.getElementsByTagName("NbOfTxs").item(0).getTextContent()).isEqualTo(String.valueOf(items));
            assertThat(new BigDecimal(doc.getElementsByTagName("CtrlSum").item(0).getTextContent())).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
        }
        // the database itself refuses a second batch for a request
        UUID first = batchOf(approved.get(0));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO budget_batch_item (municipality_code, batch_id, request_id)
                SELECT municipality_code, id, :r FROM budget_batch WHERE id <> :b AND municipality_code = :m LIMIT 1""")
                .param("r", approved.get(0)).param("b", first).param("m", m).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void approvedAndUnpaidAfter24HoursIsFlaggedOnTheTeamLeadsPage() throws Exception {
        TestClock testClock = (TestClock) clock;
        testClock.freeze();
        UUID h = householdWithPlan();
        String purpose = "Vlag-" + TestHouseholds.letters(8);
        approved(h, purpose, "99,00");
        testClock.advance(Duration.ofHours(23));
        assertThat(row(body(mvc.perform(get("/maatwerkbudget").with(users.as("teamleider"))).andReturn()), purpose)).doesNotContain("te laat");
        testClock.advance(Duration.ofHours(2));
        String page = body(mvc.perform(get("/maatwerkbudget").with(users.as("teamleider"))).andReturn());
        assertThat(row(page, purpose)).contains("25 – te laat");
        assertThat(page).contains("langer dan 24 uur goedgekeurd en nog niet betaald");
    }

    private static String row(String page, String purpose) {
        Matcher m = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*" + Pattern.quote(purpose) + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("row for " + purpose).isTrue();
        return m.group();
    }

    @Test
    void theTeamPageListsWhatWaitsForMyDecision() throws Exception {
        UUID h = householdWithPlan();
        String purpose = "Wacht-" + TestHouseholds.letters(8);
        UUID r = request(h, purpose, "15");
        assertThat(body(mvc.perform(get("/maatwerkbudget").with(users.as("regisseur.haven"))).andReturn())).contains(purpose);
        assertThat(waitingSection("regisseur")).as("never the requester's own").doesNotContain(purpose);
        assertThat(waitingSection("teamleider")).contains(purpose);
        decide("regisseur.haven", h, r, "APPROVE", "Akkoord");
        assertThat(waitingSection("regisseur.haven")).as("decided already").doesNotContain(purpose);
        assertThat(waitingSection("teamleider")).contains(purpose);
    }

    String waitingSection(String user) throws Exception {
        return body(mvc.perform(get("/maatwerkbudget").with(users.as(user))).andReturn()).split("id=\"nog-te-betalen\"")[0];
    }

    // ---- 4. ledger

    @Test
    void theLedgerAddsUpToTheCentAndPolicyOfficersSeeOnlySuppressedAggregates() throws Exception {
        TestClock testClock = (TestClock) clock;
        testClock.freezeAt(java.time.Instant.parse("2031-03-02T09:00:00Z"));
        // approved requests other tests left behind go into a batch of their own first (never marked paid here)
        batches.makeFor(users.current("teamleider"));
        MvcResult set = mvc.perform(post("/maatwerkbudget/jaarbudget").with(users.as("teamleider")).with(csrf())
                .param("year", "2031").param("budget", "1.000,10")).andReturn();
        assertThat(set.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(mvc.perform(post("/maatwerkbudget/jaarbudget").with(users.as("teamleider")).with(csrf())
                .param("year", "2031").param("budget", "veel")).andReturn())).contains("Vul het jaarbudget in euro").contains("value=\"veel\"");
        UUID h = householdWithPlan();
        approved(h, "Grootboek open", "100,00");
        UUID paid = approved(h, "Grootboek betaald", "250,55");
        UUID batch = batches.makeFor(users.current("teamleider")).orElseThrow();
        batches.markPaid(users.current("teamleider"), batch);
        assertThat(status(paid)).isEqualTo(BudgetStatus.PAID);
        assertThat(budget.find(users.current("teamleider").municipalityCode(), paid).orElseThrow().paid()).isTrue();

        // the batch paid the open one too: approve one more that stays committed
        approved(h, "Grootboek toegezegd", "0,35");
        String m = users.current("teamleider").municipalityCode();
        Ledger.Totals t = ledger.totals(m, users.current("teamleider").teamId(), 2031);
        assertThat(t.budgetCents()).isEqualTo(100010L);
        assertThat(t.paidCents()).isEqualTo(35055L);
        assertThat(t.committedCents()).isEqualTo(35L);
        assertThat(t.remainingCents()).isEqualTo(100010L - 35055L - 35L);
        String page = body(mvc.perform(get("/maatwerkbudget/jaaroverzicht").param("jaar", "2031").with(users.as("regisseur"))).andReturn());
        assertThat(page).contains("€ 1.000,10").contains("€ 350,55").contains("€ 0,35").contains("€ 649,20").contains("Wonen en huur")
                .contains("Een huisuitzetting en maatschappelijke opvang.");

        // policy officers: aggregates only, fewer than 5 requests suppressed, no names or households
        String policy = body(mvc.perform(get("/beleid/maatwerkbudget").param("jaar", "2031").with(users.as("beleid"))).andReturn());
        assertThat(policy).contains("Wijkteam Centrum-Haven").contains("minder dan 5").doesNotContain("€ 350,90")
                .doesNotContain("Woonstichting").doesNotContain(h.toString()).doesNotContain("Grootboek");
        approved(h, "Grootboek vier", "1,00");
        approved(h, "Grootboek vijf", "1,00");
        policy = body(mvc.perform(get("/beleid/maatwerkbudget").param("jaar", "2031").with(users.as("beleid"))).andReturn());
        assertThat(policy).contains("€ 352,90").doesNotContain("Grootboek").doesNotContain(h.toString());
        assertThat(mvc.perform(get("/beleid/maatwerkbudget").with(users.as("regisseur"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/maatwerkbudget/jaaroverzicht").with(users.as("beleid"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    // ---- 5. access

    @Test
    void onlyTheTeamSeesItsRequestsAndIdsOfOtherHouseholdsOrTeamsAreNotFound() throws Exception {
        UUID h = householdWithPlan();
        UUID other = householdWithPlan();
        UUID r = request(h, "Alleen voor het team", "30");
        // another team's case director: no access to the household
        assertThat(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", h, r).with(users.as("regisseur.noord"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(decide("regisseur.noord", h, r, "APPROVE", "Akkoord").getResponse().getStatus()).isEqualTo(403);
        // a meeting facilitator of the team may see the household but not its budget
        assertThat(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", h, r).with(users.as("procesbegeleider"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(body(mvc.perform(get("/huishoudens/{id}", h).with(users.as("procesbegeleider"))).andReturn())).doesNotContain("Alleen voor het team");
        // the request id under another household of the team
        assertThat(mvc.perform(get("/huishoudens/{h}/maatwerkbudget/{r}", other, r).with(users.as("regisseur"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(decide("teamleider", other, r, "APPROVE", "Akkoord").getResponse().getStatus()).isEqualTo(404);
        assertThat(status(r)).isEqualTo(BudgetStatus.REQUESTED);
        // batches: team lead only, own team only
        assertThat(mvc.perform(post("/maatwerkbudget/betaalbestanden").with(users.as("regisseur")).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/maatwerkbudget/betaalbestanden/{b}/pain001.xml", UUID.randomUUID()).with(users.as("teamleider"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        decide("regisseur.haven", h, r, "APPROVE", "Akkoord");
        decide("teamleider", h, r, "APPROVE", "Akkoord");
        UUID batch = batches.makeFor(users.current("teamleider")).orElseThrow();
        UUID noord = users.current("regisseur.noord").teamId();
        CurrentUser leadNoord = fakeMember(Role.TEAM_LEAD, noord);
        assertThatThrownBy(() -> batches.file(leadNoord, batch, true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> batches.markPaid(leadNoord, batch)).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/maatwerkbudget/betaalbestanden/{b}/pain001.xml", batch).with(users.as("regisseur"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/maatwerkbudget").with(users.as("beleid"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    // ---- XSD and XML helpers

    UUID batchOf(UUID request) {
        return jdbc.sql("SELECT batch_id FROM budget_batch_item WHERE request_id = :r").param("r", request).query(UUID.class).single();
    }

    static void validate(String xml) throws Exception {
        var xsd = BudgetIntegrationTest.class.getResource("/pain.001.001.03.xsd");
        assertThat(xsd).as("the official XSD from hbci4j-core on the test classpath").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
