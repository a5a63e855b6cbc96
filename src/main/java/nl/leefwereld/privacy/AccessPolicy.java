package nl.leefwereld.privacy;

import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/** The one access decision for a household's personal data. */
public interface AccessPolicy {

    /**
     * Returns the basis on which the user may see the household (for the audit trail), or throws
     * {@link NoAccessException}; an unknown household is a NotFoundException. Only casework roles can be involved; break-the-glass grants count while valid.
     */
    String requireHouseholdAccess(CurrentUser user, UUID householdId);

    boolean canAccessHousehold(CurrentUser user, UUID householdId);
}
