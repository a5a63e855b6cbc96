package nl.leefwereld.intake;

import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;

/**
 * Registers notifications. A notification joins the household's one case, or opens it: routed to the team that
 * serves the household's district, with a case director assigned.
 */
public interface Intake {

    RegisteredNotification registerForHousehold(CurrentUser user, UUID householdId, NotificationDraft draft);

    RegisteredNotification registerForNewHousehold(CurrentUser user, PersonDraft head, AddressDraft address, boolean confirmNew,
                                                   NotificationDraft draft);
}
