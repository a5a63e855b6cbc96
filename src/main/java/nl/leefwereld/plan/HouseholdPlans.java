package nl.leefwereld.plan;

import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** The household plan: one per household, across all laws; every change is a new version. */
public interface HouseholdPlans {

    /** Records a planning meeting's decisions as a new plan version (agreements added, fallback and lower bound set);
     *  checks household access for the user; returns the new version number. */
    int recordMeetingDecisions(CurrentUser user, UUID householdId, MeetingDecisions decisions);

    /** Goals and agreements of the current plan version a budget request or a return may be linked to
     *  (checks household access; audited as a read). Empty when the household has no plan yet. */
    List<PlanItemRef> linkableItems(CurrentUser user, UUID householdId);
}
