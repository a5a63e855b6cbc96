package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The four table definitions (outcomes, satisfaction, money, indicators) on a fake {@link MonitorFacts} with
 * hand-countable facts: every figure exact, the filters applied as the facts API promises, and the suppression
 * structure declared (count columns, parts of a total, derived values based on their count, row groups with totals).
 */
@IntegrationTest
class TableDefinitionsTest {

    static final String M = "9999";

    @Autowired
    OutcomesTable outcomes;
    @Autowired
    SatisfactionTable satisfaction;
    @Autowired
    MoneyTable money;
    @Autowired
    IndicatorsTable indicators;
    @Autowired
    LawBudgets budgets;
    @Autowired
    List<MonitorTableDefinition> definitions;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;

    /** Facts filtered as the monitor's facts API promises: year, district, team, and law (law-free facts only without a law filter). */
    record FakeFacts(List<Fact> all) implements MonitorFacts {
        @Override
        public List<Fact> facts(String measure, MonitorQuery q) {
            return factsAllYears(measure, q).stream().filter(f -> f.year() == q.year()).toList();
        }

        @Override
        public List<Fact> factsAllYears(String measure, MonitorQuery q) {
            return all.stream().filter(f -> f.measure().equals(measure))
                    .filter(f -> q.district() == null || q.district().equals(f.district()))
                    .filter(f -> q.team() == null || q.team().equals(f.team()))
                    .filter(f -> q.law() == null || q.law().equals(f.law())).toList();
        }

        @Override
        public Instant refreshedAt() {
            return Instant.parse("2026-11-24T08:00:00Z");
        }

        @Override
        public String municipalityCode() {
            return M;
        }
    }

    static final UUID TEAM = UUID.fromString("00000000-0000-4000-8000-000000000001");

    static Fact f(String measure, int year, String district, String law, String key1, String key2, long n, String amount) {
        return new Fact(measure, year, district, district.isEmpty() ? null : TEAM, law, key1, key2, n, amount == null ? null : new BigDecimal(amount));
    }

    /** A row as "group|total|cell;cell;..." in column order; numbers without trailing zeros, empty cells empty. */
    static List<String> rows(MonitorTable t) {
        return t.rows().stream().map(r -> r.group() + "|" + r.total() + "|" + t.columns().stream().map(c -> {
            MonitorTable.Cell cell = r.cell(c.key());
            return cell.text() != null ? cell.text() : cell.number() != null ? cell.number().stripTrailingZeros().toPlainString() : "";
        }).collect(Collectors.joining(";"))).toList();
    }

    static String structure(MonitorTable t) {
        return t.columns().stream().map(c -> c.key() + ":" + c.kind() + (c.basedOn() == null ? "" : ">" + c.basedOn())
                + (c.totalColumn() == null ? "" : "<" + c.totalColumn())).collect(Collectors.joining(" "));
    }

    @Test
    void oneDefinitionPerTableOfThisWorkPackage() {
        assertThat(definitions.stream().map(MonitorTableDefinition::name).toList())
                .contains(MonitorTableName.OUTCOMES, MonitorTableName.SATISFACTION, MonitorTableName.MONEY, MonitorTableName.INDICATORS);
        assertThat(definitions.stream().map(MonitorTableDefinition::name).distinct().count()).isEqualTo(definitions.size());
    }

    // ------------------------------------------------------------------------------------------------------ outcomes

    static final List<Fact> OUTCOME_FACTS = List.of(
            f("outcomes.domain", 2030, "mt-a", "", "FINANCES", "UP", 3, null),
            f("outcomes.domain", 2030, "mt-a", "", "FINANCES", "SAME", 1, null),
            f("outcomes.domain", 2030, "mt-a", "", "FINANCES", "FIRST", 4, "9"),
            f("outcomes.domain", 2030, "mt-a", "", "FINANCES", "LATEST", 4, "13"),
            f("outcomes.domain", 2030, "mt-b", "", "FINANCES", "DOWN", 2, null),
            f("outcomes.domain", 2030, "mt-b", "", "FINANCES", "FIRST", 2, "8"),
            f("outcomes.domain", 2030, "mt-b", "", "FINANCES", "LATEST", 2, "5"),
            f("outcomes.domain", 2030, "mt-a", "", "HOUSING", "UP", 1, null),
            f("outcomes.domain", 2030, "mt-a", "", "HOUSING", "FIRST", 1, "2"),
            f("outcomes.domain", 2030, "mt-a", "", "HOUSING", "LATEST", 1, "3"),
            f("outcomes.domain", 2030, "mt-a", "", "NEW_DOMAIN", "SAME", 1, null),
            f("outcomes.domain", 2030, "mt-a", "", "NEW_DOMAIN", "FIRST", 1, "3"),
            f("outcomes.domain", 2030, "mt-a", "", "NEW_DOMAIN", "LATEST", 1, "3"),
            f("outcomes.domain", 2029, "mt-a", "", "JUSTICE", "UP", 5, null),
            f("outcomes.domain", 2029, "mt-a", "", "JUSTICE", "FIRST", 5, "5"),
            f("outcomes.ladder", 2030, "mt-a", "", "1", "3", 2, null),
            f("outcomes.ladder", 2030, "mt-a", "", "1", "1", 1, null),
            f("outcomes.ladder", 2030, "mt-b", "", "2", "1", 1, null));

    @Test
    void outcomesPerDomainAndOnTheLadderWithExactSharesAndAverages() {
        MonitorTable t = outcomes.compute(new MonitorQuery(2030, null, null, null), new FakeFacts(OUTCOME_FACTS));
        assertThat(rows(t)).containsExactly(
                "null|false|Financiën;6;3;1;2;50;17;33;2.8;3",
                "null|false|Huisvesting;1;1;0;0;100;0;0;2;3",
                "null|false|NEW_DOMAIN;1;0;1;0;0;100;0;3;3",
                "ladder|false|Participatieladder, begonnen op trede 1 (geïsoleerd);3;2;1;0;67;33;0;1;2.3",
                "ladder|false|Participatieladder, begonnen op trede 2 (sociale contacten buiten de deur);1;0;0;1;0;0;100;2;1",
                "ladder|true|Participatieladder, alle treden;4;2;1;1;50;25;25;1.3;2");
        assertThat(structure(t)).isEqualTo("subject:TEXT measured:COUNT up:COUNT<measured same:COUNT<measured down:COUNT<measured "
                + "upShare:PERCENT>up sameShare:PERCENT>same downShare:PERCENT>down firstAverage:NUMBER>measured latestAverage:NUMBER>measured");
        assertThat(t.name()).isEqualTo(MonitorTableName.OUTCOMES);
        assertThat(t.refreshedAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));

        MonitorTable district = outcomes.compute(new MonitorQuery(2030, "mt-a", null, null), new FakeFacts(OUTCOME_FACTS));
        assertThat(rows(district).get(0)).isEqualTo("null|false|Financiën;4;3;1;0;75;25;0;2.3;3.3");
        MonitorTable law = outcomes.compute(new MonitorQuery(2030, null, "WMO", null), new FakeFacts(OUTCOME_FACTS));
        assertThat(law.rows()).isEmpty();
        assertThat(law.notes()).anyMatch(n -> n.contains("filter op een wet"));
    }

    @Test
    void outcomesKnowEveryLifeDomainAndLadderStepOfTheOutcomeModule() {
        assertThat(OutcomesTable.DOMAINS.keySet()).containsExactlyElementsOf(Arrays.stream(nl.leefwereld.plan.LifeDomain.values()).map(Enum::name).toList());
        assertThat(OutcomesTable.DOMAINS.values()).containsExactlyElementsOf(Arrays.stream(nl.leefwereld.plan.LifeDomain.values())
                .map(nl.leefwereld.plan.LifeDomain::label).toList());
        assertThat(OutcomesTable.STEPS).containsExactlyElementsOf(Arrays.stream(nl.leefwereld.outcome.ParticipationStep.values())
                .map(nl.leefwereld.outcome.ParticipationStep::label).toList());
    }

    // -------------------------------------------------------------------------------------------------- satisfaction

    @Test
    void satisfactionPerQuestionWithResponseRateDistributionAndTheWmoNote() {
        List<Fact> facts = List.of(
                f("satisfaction.meeting.responses", 2030, "mt-a", "", "INVITATIONS", "", 12, null),
                f("satisfaction.meeting.responses", 2030, "mt-b", "", "INVITATIONS", "", 8, null),
                f("satisfaction.meeting.responses", 2030, "mt-a", "", "RESPONSES", "", 6, null),
                f("satisfaction.meeting.responses", 2030, "mt-b", "", "RESPONSES", "", 5, null),
                f("satisfaction.meeting", 2030, "mt-a", "", "heard", "5", 3, "15"),
                f("satisfaction.meeting", 2030, "mt-b", "", "heard", "5", 1, "5"),
                f("satisfaction.meeting", 2030, "mt-a", "", "heard", "4", 5, "20"),
                f("satisfaction.meeting", 2030, "mt-b", "", "heard", "2", 2, "4"),
                f("satisfaction.meeting", 2030, "mt-a", "", "preparedWell", "3", 1, "3"));
        MonitorTable t = satisfaction.compute(new MonitorQuery(2030, null, null, null), new FakeFacts(facts));
        assertThat(rows(t)).containsExactly(
                "null|false|Ingevulde enquêtes;20;11;55;;;;;;",
                "null|false|Ik was goed voorbereid op de planbijeenkomst.;;1;;3;0;0;1;0;0",
                "null|false|Ik voelde me gehoord.;;11;;4;0;2;0;5;4");
        assertThat(structure(t)).isEqualTo("question:TEXT invitations:COUNT answers:COUNT responseRate:PERCENT>answers average:NUMBER>answers "
                + "score1:COUNT<answers score2:COUNT<answers score3:COUNT<answers score4:COUNT<answers score5:COUNT<answers");
        assertThat(t.notes()).contains(SatisfactionTable.WMO_NOTE);
        assertThat(t.notes()).noneMatch(n -> n.contains("Een open antwoord"));
    }

    @Test
    void satisfactionKnowsEveryQuestionOfTheSurvey() throws Exception {
        java.lang.reflect.Field questions = Class.forName("nl.leefwereld.meeting.internal.SurveyService").getDeclaredField("QUESTIONS");
        questions.setAccessible(true);
        assertThat(SatisfactionTable.QUESTIONS).containsExactlyEntriesOf((Map<String, String>) questions.get(null));
    }

    // --------------------------------------------------------------------------------------------------------- money

    static final List<Fact> MONEY_FACTS = List.of(
            f("money.spending.law", 2090, "mt-a", "WMO", "", "", 12, "400000.00"),
            f("money.spending.law", 2090, "mt-b", "WMO", "", "", 3, "50000.10"),
            f("money.spending.law", 2090, "mt-a", "JEUGDWET", "", "", 7, "600000.50"),
            f("money.spending", 2090, "mt-a", "WMO", "p1", "Begeleiding", 10, "300000.00"),
            f("money.spending", 2090, "mt-b", "WMO", "p1", "Begeleiding", 3, "50000.10"),
            f("money.spending", 2090, "mt-a", "WMO", "p2", "Huishoudelijke hulp", 4, "100000.00"),
            f("money.spending", 2090, "mt-a", "JEUGDWET", "p3", "Jeugdhulp", 7, "600000.50"),
            f("money.budget", 2090, "mt-a", "", "HOUSING", "REQUESTED", 3, "1500.00"),
            f("money.budget", 2090, "mt-a", "", "HOUSING", "APPROVED", 2, "1000.00"),
            f("money.budget", 2090, "mt-a", "", "HOUSING", "PAID", 1, "400.00"),
            f("money.budget", 2090, "mt-b", "", "DEBTS", "REQUESTED", 1, "250.50"),
            f("money.budget", 2090, "mt-b", "", "DEBTS", "REJECTED", 1, "250.50"),
            f("money.returns.case", 2090, "mt-a", "", "AVOIDED", "", 2, "8600.00"),
            f("money.returns.case", 2090, "mt-a", "", "AVOIDED_PER_YEAR", "", 2, "2933.33"),
            f("money.returns.project", 2090, "", "", "Project B", "MEASURED", 1, "12345.67"),
            f("money.returns.project", 2090, "", "", "Project A", "ESTIMATED", 1, "-20208.33"),
            f("money.returns.project", 2090, "", "", "Project C", "UNKNOWN", 1, null));

    private void budgetsFor2090() {
        jdbc.sql("DELETE FROM monitor_law_budget WHERE municipality_code = :m AND year = 2090").param("m", M).update();
        CurrentUser policy = users.current("beleid");
        budgets.set(policy, "2090", "WMO", "1.000.000", "Testbegroting Wmo");
        budgets.set(policy, "2090", "JEUGDWET", "500.000,50", "");
    }

    @Test
    void moneyPerLawAgainstTheBudgetPerProvisionCustomBudgetAndReturns() {
        budgetsFor2090();
        MonitorTable t = money.compute(new MonitorQuery(2090, null, null, null), new FakeFacts(MONEY_FACTS));
        String law = "Per wet (aantal = cliënten)";
        String budget = "Maatwerkbudget (aantal = aanvragen)";
        assertThat(rows(t)).containsExactly(
                "wetten|false|" + law + ";Wmo 2015;1000000;15;450000.1;549999.9;45;;;;;",
                "wetten|false|" + law + ";Jeugdwet;500000.5;7;600000.5;-100000;120;;;;;",
                "wetten|true|" + law + ";Alle wetten;1500000.5;22;1050000.6;449999.9;70;;;;;",
                "voorzieningen-WMO|false|Per voorziening, Wmo 2015;Begeleiding;;13;350000.1;;;;;;;",
                "voorzieningen-WMO|false|Per voorziening, Wmo 2015;Huishoudelijke hulp;;4;100000;;;;;;;",
                "voorzieningen-WMO|true|Per voorziening, Wmo 2015;Alle voorzieningen;;17;450000.1;;;;;;;",
                "voorzieningen-JEUGDWET|false|Per voorziening, Jeugdwet;Jeugdhulp;;7;600000.5;;;;;;;",
                "voorzieningen-JEUGDWET|true|Per voorziening, Jeugdwet;Alle voorzieningen;;7;600000.5;;;;;;;",
                "maatwerkbudget|false|" + budget + ";Wonen en huur;;3;1500;;;2;1000;1;400;",
                "maatwerkbudget|false|" + budget + ";Schulden en betalingsachterstand;;1;250.5;;;0;0;0;0;",
                "maatwerkbudget|true|" + budget + ";Alle soorten;;4;1750.5;;;2;1000;1;400;",
                "null|false|Vermeden kosten;Rendement bij huishoudens, over de hele berekende periode;;2;8600;;;;;;;",
                "null|false|Vermeden kosten;Rendement bij huishoudens, per jaar;;2;2933.33;;;;;;;",
                "null|false|Projectrendement;Project A (geschat);;;;;;;;;;-20208.33",
                "null|false|Projectrendement;Project B (gemeten);;;;;;;;;;12345.67",
                "null|false|Projectrendement;Project C (onbekend);;;;;;;;;;");
        assertThat(structure(t)).isEqualTo("section:TEXT item:TEXT budget:AMOUNT count:COUNT amount:AMOUNT>count remaining:AMOUNT>count "
                + "share:PERCENT>count approved:COUNT approvedAmount:AMOUNT>approved paid:COUNT paidAmount:AMOUNT>paid projectReturn:AMOUNT");
        assertThat(t.notes()).contains("Begroting Wmo 2015: Testbegroting Wmo.", "Begroting Jeugdwet: Begroting 2090.");
        // the chart: both budgets; spending only where 10 clients or more (Jeugdwet has 7)
        assertThat(t.chart().kind()).isEqualTo(MonitorTable.ChartSpec.Kind.BAR);
        assertThat(t.chart().series()).extracting(MonitorTable.ChartSpec.Series::name).containsExactly("Begroting", "Uitgegeven");
        assertThat(t.chart().series().get(0).points()).containsExactly(Map.entry("Wmo 2015", new BigDecimal("1000000.00")),
                Map.entry("Jeugdwet", new BigDecimal("500000.50")));
        assertThat(t.chart().series().get(1).points()).containsExactly(Map.entry("Wmo 2015", new BigDecimal("450000.10")));
    }

    @Test
    void moneyWithADistrictHasNoBudgetAndNoProjectsAndWithALawOnlyThatLaw() {
        budgetsFor2090();
        MonitorTable district = money.compute(new MonitorQuery(2090, "mt-a", null, null), new FakeFacts(MONEY_FACTS));
        List<String> rows = rows(district);
        assertThat(rows.subList(0, 3)).containsExactly(
                "wetten|false|Per wet (aantal = cliënten);Wmo 2015;;12;400000;;;;;;;",
                "wetten|false|Per wet (aantal = cliënten);Jeugdwet;;7;600000.5;;;;;;;",
                "wetten|true|Per wet (aantal = cliënten);Alle wetten;;19;1000000.5;;;;;;;");
        assertThat(rows).noneMatch(r -> r.contains("Projectrendement") || r.contains("Schulden"));
        assertThat(district.notes()).anyMatch(n -> n.contains("hele gemeente"));

        MonitorTable law = money.compute(new MonitorQuery(2090, null, "JEUGDWET", null), new FakeFacts(MONEY_FACTS));
        assertThat(rows(law)).containsExactly(
                "wetten|false|Per wet (aantal = cliënten);Jeugdwet;500000.5;7;600000.5;-100000;120;;;;;",
                "voorzieningen-JEUGDWET|false|Per voorziening, Jeugdwet;Jeugdhulp;;7;600000.5;;;;;;;",
                "voorzieningen-JEUGDWET|true|Per voorziening, Jeugdwet;Alle voorzieningen;;7;600000.5;;;;;;;");
        assertThat(law.chart().series().get(1).points()).isEmpty();
    }

    @Test
    void moneyKnowsEveryBudgetCategoryAndReturnKind() {
        assertThat(MoneyTable.CATEGORIES.keySet()).containsExactlyElementsOf(Arrays.stream(nl.leefwereld.budget.BudgetCategory.values()).map(Enum::name).toList());
        assertThat(MoneyTable.CATEGORIES.values()).containsExactlyElementsOf(Arrays.stream(nl.leefwereld.budget.BudgetCategory.values())
                .map(nl.leefwereld.budget.BudgetCategory::label).toList());
        assertThat(MoneyTable.RETURN_KINDS.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(nl.leefwereld.returns.ReturnKind.values())
                .map(Enum::name).toList());
    }

    // ---------------------------------------------------------------------------------------------------- indicators

    @Test
    void indicatorsShowMeppelsBaselineTargetAndMeasuredValueWithTheirSource() {
        MonitorTable t = indicators.compute(new MonitorQuery(2026, "centrum", "WMO", null), new FakeFacts(List.of()));
        List<String> meppel = rows(t).stream().filter(r -> !r.contains("Testindicator")).toList();
        assertThat(meppel).containsExactly(
                "null|false|Score sociale samenhang in de buurt;rapportcijfer;6.3;2012;6.5;2016;;;Nog niet gemeten;"
                        + "Nulmeting: Burgerbelevingsonderzoek 2012, nulmeting (003 L559–564).",
                "null|false|Inwoners die hun buren wel eens helpen;%;72;2012;75;2016;;;Nog niet gemeten;"
                        + "Nulmeting: Burgerbelevingsonderzoek 2012, nulmeting (003 L559–564).",
                "null|false|Cliënten voor wie de ondersteuning veel heeft bijgedragen aan zelfstandig blijven wonen;%;46;2011;55;2016;51;2014;Nee;"
                        + "Nulmeting: Klantonderzoek Wmo-voorzieningen 2011, nulmeting (003 L839–840). Meting: Klantonderzoek Wmo-voorzieningen 2014 (003 L839–840).",
                "null|false|Cliënten voor wie de ondersteuning veel heeft bijgedragen aan meedoen;%;38;2011;38;2016;34;2014;Nee;"
                        + "Nulmeting: Klantonderzoek Wmo-voorzieningen 2011, nulmeting (003 L839–840). Meting: Klantonderzoek Wmo-voorzieningen 2014 (003 L839–840).");
        assertThat(t.columns()).noneMatch(c -> c.kind() == Column.Kind.COUNT || c.basedOn() != null);
        // before the 2014 measurement: not measured yet
        MonitorTable before = indicators.compute(new MonitorQuery(2013, null, null, null), new FakeFacts(List.of()));
        assertThat(rows(before).get(2)).contains(";46;2011;55;2016;;;Nog niet gemeten;");
    }

    @Test
    void onTrackMeansTheTargetIsReachedOrTheValueKeepsPaceWithTheTime() {
        Indicators.Indicator up = new Indicators.Indicator(UUID.randomUUID(), "X", "X", Indicators.Unit.PERCENT, true, new BigDecimal("46"), 2011,
                "b", new BigDecimal("55"), 2016, List.of());
        // 3 of 5 years passed: 60 % of the way (46 → 55 is 9 points) is 5.4 points
        assertThat(up.onTrack(new Indicators.Measurement(2014, new BigDecimal("51"), "s"))).isFalse();     // 5 points
        assertThat(up.onTrack(new Indicators.Measurement(2014, new BigDecimal("51.40"), "s"))).isTrue();   // 5.4 points
        assertThat(up.onTrack(new Indicators.Measurement(2014, new BigDecimal("55"), "s"))).isTrue();      // reached
        assertThat(up.onTrack(new Indicators.Measurement(2016, new BigDecimal("54.99"), "s"))).isFalse();  // target year, not reached
        assertThat(up.onTrack(new Indicators.Measurement(2011, new BigDecimal("46"), "s"))).isTrue();      // no time passed yet
        Indicators.Indicator down = new Indicators.Indicator(UUID.randomUUID(), "Y", "Y", Indicators.Unit.PERCENT, false, new BigDecimal("69"), 2012,
                "b", new BigDecimal("67"), 2016, List.of());
        assertThat(down.onTrack(new Indicators.Measurement(2014, new BigDecimal("68"), "s"))).isTrue();
        assertThat(down.onTrack(new Indicators.Measurement(2014, new BigDecimal("68.5"), "s"))).isFalse();
        Indicators.Indicator back = new Indicators.Indicator(UUID.randomUUID(), "Z", "Z", Indicators.Unit.PERCENT, true, new BigDecimal("38"), 2011,
                "b", new BigDecimal("38"), 2016, List.of());
        assertThat(back.onTrack(new Indicators.Measurement(2014, new BigDecimal("34"), "s"))).isFalse();
        assertThat(back.onTrack(new Indicators.Measurement(2014, new BigDecimal("38"), "s"))).isTrue();
    }

    @Test
    void theDemoHasMeppelsBudgetPerLawForItsYears() {
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).getYear();
        List<String> found = new ArrayList<>();
        for (int y = thisYear - 2; y <= thisYear; y++) {
            budgets.of(M, y).values().forEach(b -> found.add(b.law() + " " + b.amount().toPlainString() + " " + b.source()));
        }
        String s = ReferenceDemoData.BUDGET_SOURCE;
        assertThat(found).contains("WMO 5363955.00 " + s, "JEUGDWET 8293514.00 " + s, "PARTICIPATIEWET 8850091.00 " + s);
        assertThat(found).hasSizeGreaterThanOrEqualTo(9);
    }
}
