package nl.leefwereld.intake;

import java.util.Map;
import java.util.Set;
import nl.leefwereld.identity.CurrentUser;

/**
 * A panel another module adds to "Mijn werk" (e.g. the household plan's follow-up: overdue agreements and due checks).
 * Intake passes the households the user directs as case director (all of them, not one page); the section checks
 * nothing more about access (directing a case is involvement) but audits what it shows.
 */
public interface WorkListSection {

    int order();

    /** Thymeleaf fragment expression, e.g. "plan/work-panel :: panel". */
    String fragment();

    Map<String, Object> model(CurrentUser user, Set<java.util.UUID> directedHouseholds);
}
