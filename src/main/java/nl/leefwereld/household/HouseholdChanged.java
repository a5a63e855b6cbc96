package nl.leefwereld.household;

import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Published inside the transaction of a change to a household (a member or network member added…), so modules that keep
 * a history of the household (the case timeline) record it atomically with the change. The summary is Dutch, for the
 * timeline; it names relations, not people.
 */
public record HouseholdChanged(CurrentUser actor, UUID householdId, String type, String summary) {
}
