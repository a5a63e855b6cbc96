package nl.leefwereld.wmo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's requests under the Wmo, Jeugdwet and Participatiewet on the household page, and in the inzage export. */
@Component
class WmoHouseholdSection implements HouseholdPageSection, PersonalDataSource {

    private final WmoService service;
    private final JdbcClient jdbc;

    WmoHouseholdSection(WmoService service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "wmo/panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<WmoRequest> requests = service.ofHousehold(user, household.id(), "huishoudpagina");
        model.put("householdId", household.id());
        model.put("requests", requests);
        model.put("notificationOptions", service.notificationOptions(user, household.id()));
        model.put("lawOptions", WmoController.lawOptions());
        return model;
    }

    @Override
    public String section() {
        return "verzoeken_wmo_jeugd_participatie";
    }

    @Override
    public Object export(String m, UUID personId) {
        return jdbc.sql("""
                SELECT law, state, melding_on, aanvraag_on, decided_on, outcome, grounds, copayment_cents, objection_on, objection_decided_on, objection_outcome
                FROM wmo_request WHERE municipality_code = ? AND person_id = ? ORDER BY melding_on""")
                .params(m, personId).query((rs, i) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("wet", nl.leefwereld.wmo.Law.valueOf(rs.getString("law")).label());
                    out.put("stand", nl.leefwereld.wmo.RequestState.valueOf(rs.getString("state")).label());
                    out.put("melding", String.valueOf(rs.getObject("melding_on", java.time.LocalDate.class)));
                    java.time.LocalDate a = rs.getObject("aanvraag_on", java.time.LocalDate.class);
                    out.put("aanvraag", a == null ? null : a.toString());
                    java.time.LocalDate d = rs.getObject("decided_on", java.time.LocalDate.class);
                    out.put("beschikking", d == null ? null : d.toString());
                    out.put("uitkomst", rs.getString("outcome") == null ? null : WmoRequest.Outcome.valueOf(rs.getString("outcome")).label());
                    out.put("motivering", rs.getString("grounds"));
                    Long c = rs.getObject("copayment_cents", Long.class);
                    out.put("eigen_bijdrage_per_maand", c == null ? null : nl.leefwereld.catalog.Money.format(c));
                    java.time.LocalDate o = rs.getObject("objection_on", java.time.LocalDate.class);
                    out.put("bezwaar", o == null ? null : o.toString());
                    java.time.LocalDate bob = rs.getObject("objection_decided_on", java.time.LocalDate.class);
                    out.put("beslissing_op_bezwaar", bob == null ? null : bob.toString() + ": bezwaar "
                            + nl.leefwereld.wmo.ObjectionDecision.Outcome.valueOf(rs.getString("objection_outcome")).label());
                    return out;
                }).list();
    }
}
