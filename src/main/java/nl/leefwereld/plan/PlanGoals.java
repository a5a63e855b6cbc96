package nl.leefwereld.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** The goals of a household's current plan per life domain, for other modules' screens (e.g. the outcome chart). */
public interface PlanGoals {

    /** The goals in the resident's own words per domain; empty when there is no plan. The caller has checked access
     *  to the household; this audits the read of the plan. */
    Map<LifeDomain, List<String>> goalsByDomain(CurrentUser user, UUID householdId);
}
