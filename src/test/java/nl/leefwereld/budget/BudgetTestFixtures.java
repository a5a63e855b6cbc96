package nl.leefwereld.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records of the budget module for other tests' own households (a request waiting for decisions, a batch), written straight to the tables. */
public final class BudgetTestFixtures {

    private BudgetTestFixtures() {
    }

    /** A request by someone else (so any team member may decide on it), waiting for the team's decision. */
    public static UUID request(JdbcClient jdbc, String municipality, UUID household, UUID team) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO budget_request (municipality_code, id, household_id, team_id, requested_by, payee_kind, payee_name, payee_iban,
                    invoice_reference, amount_cents, purpose, category, problem_solved, costs_prevented, recurrence_prevention,
                    reflection_return, reflection_legitimacy, reflection_involvement, standard_tried, plan_item_kind, plan_item_id,
                    plan_item_label, status, requested_at)
                VALUES (:m, :id, :h, :t, :by, 'ORGANISATION', 'Testorganisatie', 'NL91ABNA0417164300', 'TEST-1', 1000, 'Testaanvraag', 'OTHER',
                    'Probleem', 'Kosten', 'Herhaling', 'Rendement', 'Legitimiteit', 'Betrokkenheid', false, 'AGREEMENT', :item, 'Afspraak',
                    'REQUESTED', now())""")
                .param("m", municipality).param("id", id).param("h", household).param("t", team).param("by", UUID.randomUUID())
                .param("item", UUID.randomUUID()).update();
        return id;
    }

    /** An unpaid payment batch of the team (its file content is a placeholder; the batch tests check real files). */
    public static UUID batch(JdbcClient jdbc, String municipality, UUID team) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO budget_batch (municipality_code, id, team_id, message_id, created_at, created_by, transactions, control_cents, pain_xml, csv)
                VALUES (:m, :id, :t, :msg, now(), 'test', 1, 1000, '<Document/>', 'kenmerk;begunstigde;iban;bedrag;omschrijving')""")
                .param("m", municipality).param("id", id).param("t", team).param("msg", "TEST" + id.toString().replace("-", "").substring(0, 20))
                .update();
        return id;
    }

    /** A valid request form for the household, linked to this plan item. */
    public static Map<String, String> form(String planItem, String unique) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("planItem", planItem);
        f.put("amount", "125,50");
        f.put("category", "HOUSING");
        f.put("purpose", "Huurachterstand " + unique);
        f.put("payeeKind", "ORGANISATION");
        f.put("payeeName", "Woonstichting");
        f.put("payeeIban", "NL91ABNA0417164300");
        f.put("invoiceReference", "F-1");
        f.put("problemSolved", "Probleem opgelost");
        f.put("costsPrevented", "Huisuitzetting");
        f.put("recurrencePrevention", "Automatische betaling");
        f.put("reflectionReturn", "Rendement");
        f.put("reflectionLegitimacy", "Legitiem");
        f.put("reflectionInvolvement", "Betrokken");
        return f;
    }
}
