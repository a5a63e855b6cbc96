package nl.leefwereld.privacy;

import java.time.Instant;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** Exceptional, time-limited access to a household with a stated reason; shown to the privacy officer. */
public interface BreakGlass {

    Instant grant(CurrentUser user, UUID householdId, String reason);
}
