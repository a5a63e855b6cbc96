package nl.leefwereld.privacy;

import java.time.Instant;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** Exceptional, time-limited access to a household with a stated reason; shown to the privacy officer. */
public interface BreakGlass {

    /** At least this many letters in the reason (invisible characters do not count). */
    int MIN_REASON_LETTERS = 15;

    Instant grant(CurrentUser user, UUID householdId, String reason);

    /** Break-the-glass from a search hit: the opaque reference from the search, never a household id. */
    Grant grantByReference(CurrentUser user, String reference, String reason);

    record Grant(UUID householdId, Instant expiresAt) {
    }
}
