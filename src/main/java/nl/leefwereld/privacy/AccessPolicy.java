package nl.leefwereld.privacy;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** The one access decision for a household's personal data. */
public interface AccessPolicy {

    /**
     * Returns the basis on which the user may see the household (for the audit trail), or throws
     * {@link NoAccessException}; an unknown household is a NotFoundException. Only casework roles can be involved;
     * break-the-glass grants count while valid. A household with a protected person is open only to the users the
     * privacy officer named (checked before any involvement; break-the-glass does not count); each such access raises
     * a privacy alert.
     */
    String requireHouseholdAccess(CurrentUser user, UUID householdId);

    boolean canAccessHousehold(CurrentUser user, UUID householdId);

    /** The households among these the user may open, decided for a whole result page at once. Raises no alert. */
    Set<UUID> accessibleHouseholds(CurrentUser user, Collection<UUID> householdIds);
}
