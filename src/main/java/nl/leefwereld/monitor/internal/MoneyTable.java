package nl.leefwereld.monitor.internal;

import static nl.leefwereld.monitor.internal.FactSums.key1;
import static nl.leefwereld.monitor.internal.FactSums.keys;
import static nl.leefwereld.monitor.internal.FactSums.percent;
import static nl.leefwereld.monitor.internal.FactSums.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.leefwereld.monitor.MonitorFacts;
import nl.leefwereld.monitor.MonitorFacts.Fact;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.ChartSpec;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Column.Kind;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableDefinition;
import nl.leefwereld.monitor.MonitorTableName;
import org.springframework.stereotype.Component;

/**
 * MONEY: spending per law against the council's budget, spending per provision within each law, the custom budget
 * (requests, approved, paid), the avoided costs of case returns and the returns of projects. From the facts
 * {@code money.spending.law} and {@code money.spending} (wmo), {@code money.budget} (budget), {@code money.returns.case}
 * and {@code money.returns.project} (returns), and the monitor's own {@code monitor_law_budget}.
 *
 * <p>Amounts that belong to people are {@code basedOn} their count: the spending of a cell with few clients would
 * reveal what one person costs. The budget per law and the return of a project are not about people.
 */
@Component
class MoneyTable implements MonitorTableDefinition {

    static final String SPENDING_LAW = "money.spending.law";
    static final String SPENDING = "money.spending";
    static final String BUDGET = "money.budget";
    static final String CASE_RETURNS = "money.returns.case";
    static final String PROJECT_RETURNS = "money.returns.project";
    static final String LAWS_GROUP = "wetten";
    static final String BUDGET_GROUP = "maatwerkbudget";
    /** Chart points of spending are left out below this many clients (the default threshold); the table is suppressed by the monitor. */
    static final int CHART_MIN_CLIENTS = 10;

    /** Custom-budget categories (budget.BudgetCategory; MoneyTableTest keeps them equal). */
    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();
    /** How a project's return is known (returns.ReturnKind). */
    static final Map<String, String> RETURN_KINDS = Map.of("MEASURED", "gemeten", "ESTIMATED", "geschat", "UNKNOWN", "onbekend");

    static {
        CATEGORIES.put("HOUSING", "Wonen en huur");
        CATEGORIES.put("DEBTS", "Schulden en betalingsachterstand");
        CATEGORIES.put("ENERGY", "Energie en vaste lasten");
        CATEGORIES.put("MOBILITY", "Vervoer");
        CATEGORIES.put("EDUCATION", "School en opleiding");
        CATEGORIES.put("WORK", "Werk en dagbesteding");
        CATEGORIES.put("HEALTH", "Gezondheid en zorg");
        CATEGORIES.put("HOUSEHOLD_GOODS", "Inrichting en huishouden");
        CATEGORIES.put("SOCIAL", "Meedoen en sociaal netwerk");
        CATEGORIES.put("OTHER", "Anders");
    }

    static final List<Column> COLUMNS = List.of(
            Column.text("section", "Onderdeel"),
            Column.text("item", "Wat"),
            new Column("budget", "Begroting", Kind.AMOUNT, null, null),
            Column.count("count", "Aantal"),
            Column.derived("amount", "Bedrag", Kind.AMOUNT, "count"),
            Column.derived("remaining", "Nog over", Kind.AMOUNT, "count"),
            Column.derived("share", "Deel van de begroting (%)", Kind.PERCENT, "count"),
            Column.count("approved", "Goedgekeurd"),
            Column.derived("approvedAmount", "Bedrag goedgekeurd", Kind.AMOUNT, "approved"),
            Column.count("paid", "Betaald"),
            Column.derived("paidAmount", "Bedrag betaald", Kind.AMOUNT, "paid"),
            new Column("projectReturn", "Rendement project", Kind.AMOUNT, null, null));

    private final LawBudgets budgets;

    MoneyTable(LawBudgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public MonitorTableName name() {
        return MonitorTableName.MONEY;
    }

    @Override
    public String explanation() {
        return "Wat de gemeente uitgeeft aan maatwerkvoorzieningen per wet, naast de begroting; per voorziening; aan het maatwerkbudget; "
                + "en wat het oplevert: vermeden kosten bij huishoudens en het rendement van projecten. Uitgaven zijn de kosten van de "
                + "beschikte voorzieningen in het jaar: tarief maal omvang (of het pgb), naar rato van de dagen in het jaar.";
    }

    @Override
    public MonitorTable compute(MonitorQuery query, MonitorFacts facts) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> laws = query.law() == null ? MonitorQuery.LAWS : List.of(query.law());
        boolean wholeMunicipality = query.district() == null && query.team() == null;
        Map<String, LawBudgets.LawBudget> budget = wholeMunicipality ? budgets.of(facts.municipalityCode(), query.year()) : Map.of();
        List<Fact> perLaw = facts.facts(SPENDING_LAW, query);
        List<Map.Entry<String, BigDecimal>> budgetPoints = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> spentPoints = new ArrayList<>();

        // 1. per law, against the budget
        long lawClients = 0;
        BigDecimal lawSpent = BigDecimal.ZERO;
        BigDecimal lawBudget = null;
        int lawRows = 0;
        for (String law : laws) {
            FactSums.Sum spent = sum(perLaw, f -> law.equals(f.law()));
            LawBudgets.LawBudget b = budget.get(law);
            if (spent.n() == 0 && b == null) {
                continue;
            }
            BigDecimal amount = spent.total();
            BigDecimal budgetAmount = b == null ? null : b.amount();
            rows.add(lawRow(LAWS_GROUP, false, MonitorQuery.lawLabel(law), budgetAmount, spent.n(), amount));
            lawRows++;
            lawClients += spent.n();
            lawSpent = lawSpent.add(amount);
            if (budgetAmount != null) {
                lawBudget = lawBudget == null ? budgetAmount : lawBudget.add(budgetAmount);
                budgetPoints.add(Map.entry(MonitorQuery.lawLabel(law), budgetAmount));
            }
            if (spent.n() >= CHART_MIN_CLIENTS) {
                spentPoints.add(Map.entry(MonitorQuery.lawLabel(law), amount));
            }
            if (b != null) {
                notes.add("Begroting " + MonitorQuery.lawLabel(law) + ": " + b.source() + ".");
            }
        }
        // the total row whenever several laws are asked for (also with one law row): a row that exists in one district's
        // table and not in another's would drop out of the equations suppression checks across queries
        if (laws.size() > 1 && lawRows > 0) {
            rows.add(lawRow(LAWS_GROUP, true, "Alle wetten", lawBudget, lawClients, lawSpent));
            notes.add("Bij \"Alle wetten\" telt een cliënt één keer per wet.");
        }
        if (!wholeMunicipality) {
            notes.add("De begroting geldt voor de hele gemeente en staat er daarom niet bij met een filter op wijk of team.");
        }

        // 2. per provision within each law
        List<Fact> perProvision = facts.facts(SPENDING, query);
        for (String law : laws) {
            List<Fact> ofLaw = perProvision.stream().filter(f -> law.equals(f.law())).toList();
            Map<String, String> names = new LinkedHashMap<>();
            ofLaw.stream().sorted(Comparator.comparing(Fact::key2, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Fact::key1))
                    .forEach(f -> names.putIfAbsent(f.key1(), f.key2()));
            if (names.isEmpty()) {
                continue;
            }
            String group = "voorzieningen-" + law;
            String section = "Per voorziening, " + MonitorQuery.lawLabel(law);
            long clients = 0;
            BigDecimal spent = BigDecimal.ZERO;
            for (Map.Entry<String, String> p : names.entrySet()) {
                FactSums.Sum s = sum(ofLaw, key1(p.getKey()));
                Row r = row(group, false, section, Objects.requireNonNullElse(p.getValue(), p.getKey()), s.n(), s.total());
                rows.add(new Row(r.group(), r.total(), r.cells(), "provision:" + p.getKey()));
                clients += s.n();
                spent = spent.add(s.total());
            }
            rows.add(row(group, true, section, "Alle voorzieningen", clients, spent));
        }
        if (!perProvision.isEmpty()) {
            notes.add("Per voorziening telt een cliënt één keer per voorziening; wie twee voorzieningen heeft, telt twee keer mee in \"Alle voorzieningen\".");
        }

        // 3. the custom budget
        List<Fact> custom = facts.facts(BUDGET, query);
        List<String> categories = new ArrayList<>(CATEGORIES.keySet());
        custom.stream().map(Fact::key1).distinct().filter(c -> !CATEGORIES.containsKey(c)).sorted().forEach(categories::add);
        long[] totals = new long[3];
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        int categoryRows = 0;
        for (String category : categories) {
            FactSums.Sum requested = sum(custom, keys(category, "REQUESTED"));
            FactSums.Sum approved = sum(custom, keys(category, "APPROVED"));
            FactSums.Sum paid = sum(custom, keys(category, "PAID"));
            if (requested.n() + approved.n() + paid.n() == 0) {
                continue;
            }
            rows.add(budgetRow(false, CATEGORIES.getOrDefault(category, category), requested, approved, paid));
            categoryRows++;
            totals[0] += requested.n();
            totals[1] += approved.n();
            totals[2] += paid.n();
            amounts[0] = amounts[0].add(requested.total());
            amounts[1] = amounts[1].add(approved.total());
            amounts[2] = amounts[2].add(paid.total());
        }
        if (categoryRows > 0) {
            rows.add(budgetRow(true, "Alle soorten", new FactSums.Sum(totals[0], amounts[0]), new FactSums.Sum(totals[1], amounts[1]),
                    new FactSums.Sum(totals[2], amounts[2])));
            notes.add("Maatwerkbudget: \"Aantal\" en \"Bedrag\" zijn de aanvragen van het jaar; goedgekeurd en betaald tellen in het jaar "
                    + "van het besluit en van de betaling.");
        }

        // 4. avoided costs of case returns
        List<Fact> cases = facts.facts(CASE_RETURNS, query);
        FactSums.Sum avoided = sum(cases, key1("AVOIDED"));
        if (avoided.n() > 0) {
            rows.add(row(null, false, "Vermeden kosten", "Rendement bij huishoudens, over de hele berekende periode", avoided.n(), avoided.total()));
            FactSums.Sum perYear = sum(cases, key1("AVOIDED_PER_YEAR"));
            rows.add(row(null, false, "Vermeden kosten", "Rendement bij huishoudens, per jaar", perYear.n(), perYear.total()));
            notes.add("Vermeden kosten: \"Aantal\" is het aantal huishoudens met een rendementsberekening in het jaar; het bedrag is "
                    + "de prijs van wat zonder de aanpak was gebeurd min de prijs van wat er werkelijk gebeurde.");
        }

        // 5. project returns
        List<Fact> projects = new ArrayList<>(facts.facts(PROJECT_RETURNS, query));
        projects.sort(Comparator.comparing(Fact::key1));
        for (Fact p : projects) {
            Map<String, Cell> c = new LinkedHashMap<>();
            c.put("section", Cell.of("Projectrendement"));
            c.put("item", Cell.of(p.key1() + " (" + RETURN_KINDS.getOrDefault(p.key2(), p.key2()) + ")"));
            c.put("projectReturn", Cell.of(p.amount()));
            rows.add(new Row(null, false, c));
        }
        if (!projects.isEmpty()) {
            notes.add("Projectrendement: het rendement uit het rekenmodel van het project, of anders het rendement dat de bron noemt; "
                    + "een project staat in het jaar waarin het afloopt.");
        }
        if (query.law() != null) {
            notes.add("Maatwerkbudget, vermeden kosten en projecten horen niet bij één wet: met een filter op een wet staan ze er niet bij.");
        }
        ChartSpec chart = budgetPoints.isEmpty() && spentPoints.isEmpty() ? null
                : new ChartSpec(ChartSpec.Kind.BAR, "Begroting en uitgaven per wet", "Wet", "Euro",
                List.of(new ChartSpec.Series("Begroting", budgetPoints), new ChartSpec.Series("Uitgegeven", spentPoints)));
        return new MonitorTable(name(), name().title(), explanation(), query, COLUMNS, rows, notes, facts.refreshedAt(), 0, chart);
    }

    private static Row lawRow(String group, boolean total, String law, BigDecimal budget, long clients, BigDecimal spent) {
        Map<String, Cell> c = new LinkedHashMap<>();
        c.put("section", Cell.of("Per wet (aantal = cliënten)"));
        c.put("item", Cell.of(law));
        c.put("budget", Cell.of(budget));
        c.put("count", Cell.of(clients));
        c.put("amount", Cell.of(spent));
        c.put("remaining", Cell.of(budget == null ? null : budget.subtract(spent)));
        c.put("share", Cell.of(percent(spent, budget)));
        return new Row(group, total, c);
    }

    private static Row row(String group, boolean total, String section, String item, long count, BigDecimal amount) {
        Map<String, Cell> c = new LinkedHashMap<>();
        c.put("section", Cell.of(section));
        c.put("item", Cell.of(item));
        c.put("count", Cell.of(count));
        c.put("amount", Cell.of(amount));
        return new Row(group, total, c);
    }

    private static Row budgetRow(boolean total, String item, FactSums.Sum requested, FactSums.Sum approved, FactSums.Sum paid) {
        Map<String, Cell> c = new LinkedHashMap<>();
        c.put("section", Cell.of("Maatwerkbudget (aantal = aanvragen)"));
        c.put("item", Cell.of(item));
        c.put("count", Cell.of(requested.n()));
        c.put("amount", Cell.of(requested.total()));
        c.put("approved", Cell.of(approved.n()));
        c.put("approvedAmount", Cell.of(approved.total()));
        c.put("paid", Cell.of(paid.n()));
        c.put("paidAmount", Cell.of(paid.total()));
        return new Row(BUDGET_GROUP, total, c);
    }
}
