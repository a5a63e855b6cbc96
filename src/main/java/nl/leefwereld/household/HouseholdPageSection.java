package nl.leefwereld.household;

import java.util.Map;
import nl.leefwereld.identity.CurrentUser;

/**
 * A panel another module adds to the household page (the case and its timeline, later the plan and meetings).
 * The page has already checked access; the section adds its own model and names its template fragment.
 */
public interface HouseholdPageSection {

    int order();

    /** Thymeleaf fragment expression, e.g. "intake/case-panel :: panel". */
    String fragment();

    Map<String, Object> model(CurrentUser user, Household household);
}
