package nl.leefwereld.intake.internal;

import java.util.UUID;
import nl.leefwereld.household.HouseholdChanged;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.ConsentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The timeline tells the whole story: changes to the household's members, network and consents are appended to its
 * case's timeline, in the transaction of the change (a rolled-back change leaves no row). A household without a case
 * has no timeline yet; nothing is written.
 */
@Component
class CaseTimelineListener {

    private final CaseRepository cases;

    CaseTimelineListener(CaseRepository cases) {
        this.cases = cases;
    }

    @EventListener
    void on(HouseholdChanged e) {
        append(e.actor(), e.householdId(), e.type(), e.summary());
    }

    @EventListener
    void on(ConsentChanged e) {
        append(e.actor(), e.householdId(), e.type(), e.summary());
    }

    private void append(CurrentUser actor, UUID householdId, String type, String summary) {
        String m = actor.municipalityCode();
        cases.caseOfHousehold(m, householdId)
                .ifPresent(c -> cases.appendEvent(m, c.id(), actor.id(), actor.displayName(), type, summary));
    }
}
