package nl.leefwereld.returns;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records of the returns module for other tests' own households (a case return, a project), written straight to the tables. */
public final class ReturnsTestFixtures {

    private ReturnsTestFixtures() {
    }

    public static UUID caseReturn(JdbcClient jdbc, String municipality, UUID household, UUID createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO case_return (municipality_code, id, household_id, title, years, assumptions, reference_total, actual_total, created_by, created_at)
                VALUES (:m, :id, :h, 'Testrendement', 1, 'Zonder hulp een OTS', 10000, 0, :by, now())""")
                .param("m", municipality).param("id", id).param("h", household).param("by", createdBy).update();
        jdbc.sql("""
                INSERT INTO case_return_line (municipality_code, return_id, side, position, item_code, item_version, description, unit, payer, unit_price,
                                              quantity, periods, amount)
                VALUES (:m, :id, 'REFERENCE', 0, 'NOP-OTS', 1, 'Ondertoezichtstelling', 'PER_YEAR', 'MUNICIPALITY_YOUTH', 10000, 1, 1, 10000)""")
                .param("m", municipality).param("id", id).update();
        return id;
    }

    public static UUID project(JdbcClient jdbc, String municipality, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project (municipality_code, id, name, goal, status, return_kind, created_by, created_at)
                VALUES (:m, :id, :n, 'Testdoel', 'PLANNED', 'UNKNOWN', 'test', now())""")
                .param("m", municipality).param("id", id).param("n", name).update();
        return id;
    }
}
