package nl.leefwereld.returns.internal;

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

/**
 * The returns panel on the household page (case returns with their avoided cost, the breakthrough summary), and the
 * same records in the inzage export of every member of the household.
 */
@Component
class ReturnsHouseholdSection implements HouseholdPageSection, PersonalDataSource {

    private final CaseReturnService service;
    private final JdbcClient jdbc;

    ReturnsHouseholdSection(CaseReturnService service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "maatschappelijk rendement";
    }

    /** The case returns and breakthrough entries of the households the person is a member of (no other persons are named). */
    @Override
    public Object export(String municipalityCode, UUID personId) {
        List<Map<String, Object>> returns = jdbc.sql("""
                SELECT r.title, r.years, r.assumptions, r.reflection_return, r.reflection_legitimacy, r.reflection_involvement, r.reference_total,
                       r.actual_total, r.created_at::date::text AS created_on
                FROM case_return r JOIN household_member hm ON hm.municipality_code = r.municipality_code AND hm.household_id = r.household_id
                WHERE r.municipality_code = :m AND hm.person_id = :p ORDER BY r.created_at""")
                .param("m", municipalityCode).param("p", personId).query().listOfRows();
        List<Map<String, Object>> breakthrough = jdbc.sql("""
                SELECT b.kind, b.name, b.yearly_cost_before, b.remains_after, b.yearly_cost_after
                FROM breakthrough_entry b JOIN household_member hm ON hm.municipality_code = b.municipality_code AND hm.household_id = b.household_id
                WHERE b.municipality_code = :m AND hm.person_id = :p ORDER BY b.created_at""")
                .param("m", municipalityCode).param("p", personId).query().listOfRows();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("berekeningen", returns);
        out.put("doorbraakoverzicht", breakthrough);
        return out;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String fragment() {
        return "returns/household-panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("returns", service.summaries(user, household.id()));
        model.put("breakthrough", service.breakthrough(user, household.id(), false));
        return model;
    }
}
