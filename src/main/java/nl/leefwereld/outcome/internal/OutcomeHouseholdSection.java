package nl.leefwereld.outcome.internal;

import java.util.Map;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The development on the life domains on the household page, a chart per domain with the plan goals beside it. */
@Component
class OutcomeHouseholdSection implements HouseholdPageSection {

    private final OutcomeView view;

    OutcomeHouseholdSection(OutcomeView view) {
        this.view = view;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "outcome/panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        return view.model(user, household.id(), "huishoudpagina");
    }
}
