package nl.leefwereld.privacy;

import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** Published inside the transaction that gives or withdraws a consent, for the household's case timeline. */
public record ConsentChanged(CurrentUser actor, UUID householdId, String type, String summary) {
}
