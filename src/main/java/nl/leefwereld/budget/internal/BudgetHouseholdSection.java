package nl.leefwereld.budget.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's custom-budget requests on the household page (only for its team), and in the inzage export. */
@Component
class BudgetHouseholdSection implements HouseholdPageSection, PersonalDataSource {

    private final BudgetService budget;
    private final JdbcClient jdbc;

    BudgetHouseholdSection(BudgetService budget, JdbcClient jdbc) {
        this.budget = budget;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public String fragment() {
        return "budget/household-panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("team", budget.isTeamOf(user, household.id()));
        model.put("requests", budget.forHousehold(user, household.id()));
        model.put("now", budget.now());
        return model;
    }

    @Override
    public String section() {
        return "maatwerkbudget";
    }

    /** The requests for the households the person belongs to: what, how much, to whom, why, and where it stands. */
    @Override
    public Object export(String municipalityCode, UUID personId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT r.requested_at::date::text AS aangevraagd_op, r.status, r.amount_cents, r.payee_kind, r.payee_name, r.invoice_reference,
                       r.resident_reason, r.purpose, r.category, r.problem_solved, r.costs_prevented, r.recurrence_prevention,
                       r.plan_item_label, r.paid_at::date::text AS betaald_op
                FROM budget_request r JOIN household_member hm ON hm.municipality_code = r.municipality_code AND hm.household_id = r.household_id
                WHERE r.municipality_code = :m AND hm.person_id = :p ORDER BY r.requested_at""")
                .param("m", municipalityCode).param("p", personId).query().listOfRows();
        return rows.stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("aangevraagd_op", r.get("aangevraagd_op"));
            x.put("stand", nl.leefwereld.budget.BudgetStatus.valueOf((String) r.get("status")).label());
            x.put("bedrag", nl.leefwereld.budget.Money.format(((Number) r.get("amount_cents")).longValue()));
            x.put("ontvanger", r.get("payee_name"));
            x.put("soort_ontvanger", nl.leefwereld.budget.PayeeKind.valueOf((String) r.get("payee_kind")).label());
            x.put("factuurkenmerk", r.get("invoice_reference"));
            x.put("reden_uitbetaling_aan_inwoner", r.get("resident_reason"));
            x.put("waarvoor", r.get("purpose"));
            x.put("soort_uitgave", nl.leefwereld.budget.BudgetCategory.valueOf((String) r.get("category")).label());
            x.put("welk_probleem", r.get("problem_solved"));
            x.put("welke_kosten_voorkomen", r.get("costs_prevented"));
            x.put("wat_doet_de_inwoner", r.get("recurrence_prevention"));
            x.put("hoort_bij_plan", r.get("plan_item_label"));
            x.put("betaald_op", r.get("betaald_op"));
            return x;
        }).toList();
    }
}
