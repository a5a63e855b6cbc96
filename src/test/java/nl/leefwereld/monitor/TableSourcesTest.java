package nl.leefwereld.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.returns.ProjectCalculation;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitor sources of outcome, meeting, wmo, budget and returns, each query run on its own (as the refresh runs it)
 * on a handful of hand-countable rows in three throw-away households. The household dimension is this test's own
 * temporary {@code monitor_household}: the three households in districts "mt-a" (two) and "mt-b" (one), so the demo
 * data is outside every join. Everything runs in one transaction that is rolled back.
 */
@IntegrationTest
class TableSourcesTest {

    @Autowired
    List<MonitorSource> sources;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestHouseholds households;
    @Autowired
    DemoUsers users;
    @Autowired
    PlatformTransactionManager transactions;

    static final UUID TEAM_A = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    static final UUID TEAM_B = UUID.fromString("00000000-0000-4000-8000-0000000000bb");

    /** A fact as a line: measure|year|district|team|law|key1|key2|n|amount (amount without trailing zeros). */
    static String line(String measure, int year, String district, Object team, String law, String key1, String key2, long n, BigDecimal amount) {
        return String.join("|", measure, String.valueOf(year), district, team == null ? "-" : team.toString(), law, key1, key2, String.valueOf(n),
                amount == null ? "null" : amount.stripTrailingZeros().toPlainString());
    }

    private MonitorSource source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> run(String name, String municipality) {
        MonitorSource s = source(name);
        List<String> rows = jdbc.sql(s.factsQuery()).param(municipality).query((rs, n) -> {
            assertThat(s.measures()).contains(rs.getString(1));
            return line(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getLong(8), rs.getBigDecimal(9));
        }).list();
        return rows;
    }

    record World(String m, CurrentUser director, TestHouseholds.Fresh h1, TestHouseholds.Fresh h2, TestHouseholds.Fresh h3) {
    }

    /** Three fresh households and the temporary household dimension; then the test's rows and queries; then rollback. */
    private <T> T inWorld(Function<World, T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            CurrentUser director = users.current("regisseur");
            World w = new World(director.municipalityCode(), director, households.register(director, "centrum"),
                    households.register(director, "centrum"), households.register(director, "centrum"));
            jdbc.sql("CREATE TEMPORARY TABLE monitor_household (household_id uuid, district_code text, team_id uuid) ON COMMIT DROP").update();
            jdbc.sql("INSERT INTO monitor_household VALUES (?, 'mt-a', ?), (?, 'mt-a', ?), (?, 'mt-b', ?)")
                    .params(w.h1().householdId(), TEAM_A, w.h2().householdId(), TEAM_A, w.h3().householdId(), TEAM_B).update();
            try {
                return work.apply(w);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private UUID assessment(World w, UUID household, UUID person, String on, Integer step, String... scores) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO assessment (municipality_code, id, household_id, person_id, assessed_on, assessed_by, assessed_by_name, participation_step)
                VALUES (?, ?, ?, ?, ?, ?, 'Test', ?)""").params(w.m(), id, household, person, LocalDate.parse(on), w.director().id(), step).update();
        for (String s : scores) {   // "DOMAIN:pro:res", an empty level is null
            String[] p = s.split(":", -1);
            jdbc.sql("INSERT INTO assessment_score (municipality_code, assessment_id, domain, professional_level, resident_level) VALUES (?, ?, ?, ?, ?)")
                    .params(w.m(), id, p[0], p[1].isEmpty() ? null : Integer.valueOf(p[1]), p[2].isEmpty() ? null : Integer.valueOf(p[2])).update();
        }
        return id;
    }

    @Test
    void outcomesCountUpSameDownAndTheLadderBetweenFirstAndLatestAssessment() {
        List<String> facts = inWorld(w -> {
            // resident 1: finances 2 -> 4 (up), housing 3 (resident's score) -> 3 (professional's score wins over the resident's 5)
            assessment(w, w.h1().householdId(), w.h1().headPersonId(), "2021-03-01", 1, "FINANCES:2:", "HOUSING::3");
            assessment(w, w.h1().householdId(), w.h1().headPersonId(), "2022-05-01", 3, "FINANCES:4:", "HOUSING:3:5");
            // resident 2: finances 3 -> 3 -> 1 (down: first against latest); justice once (not counted); a step only once
            assessment(w, w.h2().householdId(), w.h2().headPersonId(), "2021-01-10", 2, "FINANCES:3:");
            assessment(w, w.h2().householdId(), w.h2().headPersonId(), "2022-02-02", null, "FINANCES:3:", "JUSTICE:4:");
            assessment(w, w.h2().householdId(), w.h2().headPersonId(), "2022-09-09", null, "FINANCES:1:");
            // household 3 as a whole: finances 1 -> 2, ladder 4 -> 4
            assessment(w, w.h3().householdId(), null, "2020-06-01", 4, "FINANCES:1:");
            assessment(w, w.h3().householdId(), null, "2021-06-01", 4, "FINANCES:2:");
            return run("outcome", w.m());
        });
        String d = "outcomes.domain";
        assertThat(facts).containsExactlyInAnyOrder(
                line(d, 2022, "mt-a", TEAM_A, "", "FINANCES", "UP", 1, null),
                line(d, 2022, "mt-a", TEAM_A, "", "FINANCES", "DOWN", 1, null),
                line(d, 2022, "mt-a", TEAM_A, "", "FINANCES", "FIRST", 2, new BigDecimal(5)),
                line(d, 2022, "mt-a", TEAM_A, "", "FINANCES", "LATEST", 2, new BigDecimal(5)),
                line(d, 2022, "mt-a", TEAM_A, "", "HOUSING", "SAME", 1, null),
                line(d, 2022, "mt-a", TEAM_A, "", "HOUSING", "FIRST", 1, new BigDecimal(3)),
                line(d, 2022, "mt-a", TEAM_A, "", "HOUSING", "LATEST", 1, new BigDecimal(3)),
                line(d, 2021, "mt-b", TEAM_B, "", "FINANCES", "UP", 1, null),
                line(d, 2021, "mt-b", TEAM_B, "", "FINANCES", "FIRST", 1, new BigDecimal(1)),
                line(d, 2021, "mt-b", TEAM_B, "", "FINANCES", "LATEST", 1, new BigDecimal(2)),
                line("outcomes.ladder", 2022, "mt-a", TEAM_A, "", "1", "3", 1, null),
                line("outcomes.ladder", 2021, "mt-b", TEAM_B, "", "4", "4", 1, null));
    }

    private UUID meeting(World w, TestHouseholds.Fresh h, String heldOn, boolean recorded, int invitations, int[]... answers) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO meeting (municipality_code, id, household_id, sequence_no, facilitator_id, team_id, resident_person_id, created_at,
                                     held_on, recorded_at)
                VALUES (?, ?, ?, 1, ?, ?, ?, now(), ?, CASE WHEN ? THEN now() END)""")
                .params(w.m(), id, h.householdId(), w.director().id(), h.registration().teamId(), h.headPersonId(), LocalDate.parse(heldOn), recorded)
                .update();
        for (int i = 0; i < invitations; i++) {
            UUID participant = UUID.randomUUID();
            jdbc.sql("INSERT INTO meeting_participant (municipality_code, id, meeting_id, position, kind, name, question) VALUES (?, ?, ?, ?, 'NETWORK', 'Deelnemer', 'INVOLVED')")
                    .params(w.m(), participant, id, i).update();
            jdbc.sql("INSERT INTO survey_invitation (municipality_code, id, meeting_id, participant_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, now(), now())")
                    .params(w.m(), UUID.randomUUID(), id, participant, UUID.randomUUID().toString().replace("-", "")).update();
        }
        for (int[] a : answers) {
            jdbc.sql("""
                    INSERT INTO survey_response (municipality_code, id, meeting_id, answered_on, prepared_well, heard, decided_together, clear_agreements,
                                                 confidence, open_answer)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Een open antwoord')""")
                    .params(w.m(), UUID.randomUUID(), id, LocalDate.parse(heldOn), a[0], a[1], a[2], a[3], a[4]).update();
        }
        return id;
    }

    @Test
    void satisfactionCountsAnswersPerScoreAndResponsesOfRecordedMeetingsInTheMeetingsYear() {
        List<String> facts = inWorld(w -> {
            meeting(w, w.h1(), "2022-04-04", true, 3, new int[] {5, 4, 4, 3, 5}, new int[] {4, 4, 2, 3, 5});
            meeting(w, w.h3(), "2022-04-05", false, 1, new int[] {1, 1, 1, 1, 1});   // not recorded: not in the monitor
            return run("meeting", w.m());
        });
        String s = "satisfaction.meeting";
        assertThat(facts).containsExactlyInAnyOrder(
                line("satisfaction.meeting.responses", 2022, "mt-a", TEAM_A, "", "INVITATIONS", "", 3, null),
                line("satisfaction.meeting.responses", 2022, "mt-a", TEAM_A, "", "RESPONSES", "", 2, null),
                line(s, 2022, "mt-a", TEAM_A, "", "preparedWell", "5", 1, new BigDecimal(5)),
                line(s, 2022, "mt-a", TEAM_A, "", "preparedWell", "4", 1, new BigDecimal(4)),
                line(s, 2022, "mt-a", TEAM_A, "", "heard", "4", 2, new BigDecimal(8)),
                line(s, 2022, "mt-a", TEAM_A, "", "decidedTogether", "4", 1, new BigDecimal(4)),
                line(s, 2022, "mt-a", TEAM_A, "", "decidedTogether", "2", 1, new BigDecimal(2)),
                line(s, 2022, "mt-a", TEAM_A, "", "clearAgreements", "3", 2, new BigDecimal(6)),
                line(s, 2022, "mt-a", TEAM_A, "", "confidence", "5", 2, new BigDecimal(10)));
    }

    private UUID provision(World w, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provision (municipality_code, id, kind, name, description, product_category, unit, tariff_cents, valid_from, created_at)
                VALUES (?, ?, 'CUSTOM', ?, 'Test', '02', '04', 5000, DATE '2000-01-01', now())""").params(w.m(), id, name).update();
        return id;
    }

    private UUID request(World w, TestHouseholds.Fresh h, String law) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_request (municipality_code, id, household_id, person_id, team_id, law, state, melding_on, confirmed_on, question,
                                         outcome, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, 'BESCHIKT', DATE '2021-01-01', DATE '2021-01-01', 'Test', 'GRANTED', now(), ?)""")
                .params(w.m(), id, h.householdId(), h.headPersonId(), h.registration().teamId(), law, w.director().id()).update();
        return id;
    }

    private void line(World w, UUID request, UUID provision, String form, long tariff, String volume, String frequency, String from, String to,
                      Long pgb) {
        jdbc.sql("""
                INSERT INTO wmo_decision_line (municipality_code, id, request_id, provision_id, form, volume, unit, frequency, start_on, end_on,
                                               tariff_cents, pgb_amount_cents, pgb_can_manage, pgb_motivated, pgb_quality)
                VALUES (?, ?, ?, ?, ?, ?, '04', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(w.m(), UUID.randomUUID(), request, provision, form, new BigDecimal(volume), frequency, LocalDate.parse(from), LocalDate.parse(to),
                        tariff, pgb, pgb == null ? null : "Ja", pgb == null ? null : "Ja", pgb == null ? null : "Ja").update();
    }

    @Test
    void wmoSpendingIsEachLinesCostInEachYearItRunsWithDistinctClients() {
        String[] names = {"Testbegeleiding " + TestHouseholds.letters(6), "Testhulp " + TestHouseholds.letters(6)};
        UUID[] ids = new UUID[2];
        List<String> facts = inWorld(w -> {
            ids[0] = provision(w, names[0]);
            ids[1] = provision(w, names[1]);
            UUID r1 = request(w, w.h1(), "WMO");
            UUID r2 = request(w, w.h2(), "WMO");
            UUID r3 = request(w, w.h3(), "JEUGDWET");
            // 2 hours × € 50 per week, 1-12-2021..31-1-2022: 31 days in each year → 10000 × 31 / 7 = 44285.71 → 44286 cents a year
            line(w, r1, ids[0], "NATURA", 5000, "2", "2", "2021-12-01", "2022-01-31", null);
            // pgb € 30 per month, 1-7-2022..31-12-2022: 184 days → 3000 × 12 × 184 / 365 = 18147.95 → 18148 cents
            line(w, r1, ids[1], "PGB", 5000, "1", "4", "2022-07-01", "2022-12-31", 3000L);
            // 1.5 hours × € 10 per day for 10 days → 15000 cents
            line(w, r2, ids[0], "NATURA", 1000, "1.5", "1", "2022-03-01", "2022-03-10", null);
            // € 300 in total over 120 days, 61 of them in 2022 and 59 in 2023 → 15250 and 14750 cents
            line(w, r3, ids[1], "NATURA", 10000, "3", "6", "2022-11-01", "2023-02-28", null);
            return run("wmo-uitgaven", w.m());
        });
        String p = "money.spending";
        String l = "money.spending.law";
        assertThat(facts).containsExactlyInAnyOrder(
                line(p, 2021, "mt-a", TEAM_A, "WMO", ids[0].toString(), names[0], 1, new BigDecimal("442.86")),
                line(p, 2022, "mt-a", TEAM_A, "WMO", ids[0].toString(), names[0], 2, new BigDecimal("592.86")),
                line(p, 2022, "mt-a", TEAM_A, "WMO", ids[1].toString(), names[1], 1, new BigDecimal("181.48")),
                line(p, 2022, "mt-b", TEAM_B, "JEUGDWET", ids[1].toString(), names[1], 1, new BigDecimal("152.50")),
                line(p, 2023, "mt-b", TEAM_B, "JEUGDWET", ids[1].toString(), names[1], 1, new BigDecimal("147.50")),
                line(l, 2021, "mt-a", TEAM_A, "WMO", "", "", 1, new BigDecimal("442.86")),
                line(l, 2022, "mt-a", TEAM_A, "WMO", "", "", 2, new BigDecimal("774.34")),
                line(l, 2022, "mt-b", TEAM_B, "JEUGDWET", "", "", 1, new BigDecimal("152.50")),
                line(l, 2023, "mt-b", TEAM_B, "JEUGDWET", "", "", 1, new BigDecimal("147.50")));
    }

    private void budget(World w, TestHouseholds.Fresh h, long cents, String category, String status, String requested, String decided, String paid) {
        UUID id = nl.leefwereld.budget.BudgetTestFixtures.request(jdbc, w.m(), h.householdId(), h.registration().teamId());
        jdbc.sql("""
                UPDATE budget_request SET amount_cents = ?, category = ?, status = ?, requested_at = CAST(? AS timestamptz),
                       decided_at = CAST(? AS timestamptz), paid_at = CAST(? AS timestamptz) WHERE municipality_code = ? AND id = ?""")
                .params(cents, category, status, requested, decided, paid, w.m(), id).update();
    }

    @Test
    void customBudgetCountsEachStepInTheYearItHappenedInTheMunicipalitysTimeZone() {
        UUID[] team = new UUID[1];
        List<String> facts = inWorld(w -> {
            team[0] = w.h1().registration().teamId();
            budget(w, w.h1(), 10000, "HOUSING", "PAID", "2022-03-01T10:00:00+01:00", "2022-03-02T10:00:00+01:00", "2023-01-05T10:00:00+01:00");
            // 23:30 UTC on 31 December is already 1 January in Amsterdam
            budget(w, w.h1(), 25050, "HOUSING", "APPROVED", "2022-12-31T23:30:00Z", "2023-01-02T10:00:00+01:00", null);
            budget(w, w.h2(), 5000, "DEBTS", "REJECTED", "2022-05-05T10:00:00+02:00", "2022-05-06T10:00:00+02:00", null);
            budget(w, w.h3(), 777, "OTHER", "REQUESTED", "2022-06-06T10:00:00+02:00", null, null);
            return run("budget", w.m());
        });
        String b = "money.budget";
        assertThat(facts).containsExactlyInAnyOrder(
                line(b, 2022, "mt-a", team[0], "", "HOUSING", "REQUESTED", 1, new BigDecimal("100")),
                line(b, 2022, "mt-a", team[0], "", "HOUSING", "APPROVED", 1, new BigDecimal("100")),
                line(b, 2023, "mt-a", team[0], "", "HOUSING", "PAID", 1, new BigDecimal("100")),
                line(b, 2023, "mt-a", team[0], "", "HOUSING", "REQUESTED", 1, new BigDecimal("250.5")),
                line(b, 2023, "mt-a", team[0], "", "HOUSING", "APPROVED", 1, new BigDecimal("250.5")),
                line(b, 2022, "mt-a", team[0], "", "DEBTS", "REQUESTED", 1, new BigDecimal("50")),
                line(b, 2022, "mt-a", team[0], "", "DEBTS", "REJECTED", 1, new BigDecimal("50")),
                line(b, 2022, "mt-b", team[0], "", "OTHER", "REQUESTED", 1, new BigDecimal("7.77")));
    }

    private void caseReturn(World w, TestHouseholds.Fresh h, String reference, String actual, String years, String createdAt) {
        jdbc.sql("""
                INSERT INTO case_return (municipality_code, id, household_id, title, years, assumptions, reference_total, actual_total, created_by, created_at)
                VALUES (?, ?, ?, 'Test', ?, 'Test', ?, ?, ?, CAST(? AS timestamptz))""")
                .params(w.m(), UUID.randomUUID(), h.householdId(), new BigDecimal(years), new BigDecimal(reference), new BigDecimal(actual),
                        w.director().id(), createdAt).update();
    }

    private void modelLine(World w, UUID project, int position, String kind, String count, Boolean partTime, String value, String amount,
                           String share, String fte, String rate, String years) {
        jdbc.sql("""
                INSERT INTO project_model_line (municipality_code, project_id, position, kind, description, count, part_time, value_per_leaver, amount,
                                                share, fte, rate_per_year, years)
                VALUES (?, ?, ?, ?, 'Test', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(w.m(), project, position, kind, dec(count), partTime, dec(value), dec(amount), dec(share), dec(fte), dec(rate), dec(years))
                .update();
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void returnsOfCasesPerYearAndOfProjectsAsTheReturnsModuleComputesThem() {
        String tag = TestHouseholds.letters(8);
        List<String> facts = inWorld(w -> {
            caseReturn(w, w.h1(), "10000", "2500", "3", "2022-06-01T12:00:00+02:00");   // 7500 avoided, 2500.00 a year
            caseReturn(w, w.h2(), "1000", "0", "3", "2022-07-01T12:00:00+02:00");       // 1000 avoided, 333.33 a year
            caseReturn(w, w.h1(), "100", "0", "1", "2022-08-01T12:00:00+02:00");        // same household: counted once
            UUID modelled = nl.leefwereld.returns.ReturnsTestFixtures.project(jdbc, w.m(), "Monitortest model " + tag);
            jdbc.sql("UPDATE project SET period_from = DATE '2023-01-01', period_to = DATE '2024-06-30', return_kind = 'ESTIMATED', "
                    + "business_as_usual_share = 0.25 WHERE municipality_code = ? AND id = ?").params(w.m(), modelled).update();
            modelLine(w, modelled, 0, "LEAVERS", "3", true, "37000", null, null, null, null, null);
            modelLine(w, modelled, 1, "OTHER_SAVING", null, null, null, "10000", "0.5", null, null, null);
            modelLine(w, modelled, 2, "COST_STAFF", null, null, null, null, null, "0.5", "65000", "2");
            modelLine(w, modelled, 3, "COST_YEARLY", null, null, null, "1000", null, null, null, "1.5");
            modelLine(w, modelled, 4, "COST_FIXED", null, null, null, "333.33", null, null, null, null);
            UUID reported = nl.leefwereld.returns.ReturnsTestFixtures.project(jdbc, w.m(), "Monitortest gemeld " + tag);
            jdbc.sql("UPDATE project SET period_from = DATE '2023-01-01', return_kind = 'MEASURED', reported_return = 12345.67 "
                    + "WHERE municipality_code = ? AND id = ?").params(w.m(), reported).update();
            nl.leefwereld.returns.ReturnsTestFixtures.project(jdbc, w.m(), "Monitortest leeg " + tag);
            return run("returns", w.m());
        });
        // the returns module's own calculation of the modelled project
        BigDecimal expected = ProjectCalculation.of(new ProjectCalculation.Input(
                List.of(new ProjectCalculation.Leavers(new BigDecimal("3"), true, new BigDecimal("37000"), null)), new BigDecimal("0.25"),
                List.of(new ProjectCalculation.OtherSaving("Test", new BigDecimal("10000"), new BigDecimal("0.5"))),
                List.of(ProjectCalculation.Cost.staff("Test", new BigDecimal("0.5"), new BigDecimal("65000"), new BigDecimal("2")),
                        ProjectCalculation.Cost.yearly("Test", new BigDecimal("1000"), new BigDecimal("1.5")),
                        ProjectCalculation.Cost.fixed("Test", new BigDecimal("333.33"))))).result();
        assertThat(expected).isEqualByComparingTo("-20208.33");
        int thisYear = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();
        List<String> mine = facts.stream().filter(f -> !f.startsWith("money.returns.project") || f.contains(tag)).toList();
        assertThat(mine).containsExactlyInAnyOrder(
                line("money.returns.case", 2022, "mt-a", TEAM_A, "", "AVOIDED", "", 2, new BigDecimal("8600")),
                line("money.returns.case", 2022, "mt-a", TEAM_A, "", "AVOIDED_PER_YEAR", "", 2, new BigDecimal("2933.33")),
                line("money.returns.project", 2024, "", null, "", "Monitortest model " + tag, "ESTIMATED", 1, expected),
                line("money.returns.project", 2023, "", null, "", "Monitortest gemeld " + tag, "MEASURED", 1, new BigDecimal("12345.67")),
                line("money.returns.project", thisYear, "", null, "", "Monitortest leeg " + tag, "UNKNOWN", 1, null));
    }
}
