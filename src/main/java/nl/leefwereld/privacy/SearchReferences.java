package nl.leefwereld.privacy;

import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Short-lived opaque references for search hits the user may not open. A reference is random (256 bits), new on every
 * search (two searches cannot be correlated), bound to the user who searched and valid for a few minutes; only a hash
 * is stored. It is the only way from such a hit to break-the-glass, and it never reveals the household's id.
 */
public interface SearchReferences {

    /** A new reference to the household for this user. */
    String issue(CurrentUser user, UUID householdId);

    /** The household, when the reference was issued to this user and has not expired; empty otherwise. */
    Optional<UUID> resolve(CurrentUser user, String reference);
}
