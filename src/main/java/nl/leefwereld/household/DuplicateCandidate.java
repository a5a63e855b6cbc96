package nl.leefwereld.household;

import java.util.UUID;

/**
 * A person who is probably the same as the one being created. Ids and details only when the user may open their
 * household; otherwise personId and householdId are null and the description names only the district.
 */
public record DuplicateCandidate(UUID personId, UUID householdId, boolean accessible, String description) {
}
