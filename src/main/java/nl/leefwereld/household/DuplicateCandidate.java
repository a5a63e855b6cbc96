package nl.leefwereld.household;

import java.util.UUID;

/** A person who is probably the same as the one being created; details only when the user has access to their household. */
public record DuplicateCandidate(UUID personId, UUID householdId, boolean accessible, String description) {
}
