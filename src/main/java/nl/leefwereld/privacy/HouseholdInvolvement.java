package nl.leefwereld.privacy;

import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * A fact that makes a professional involved in a household (their team serves its district, they direct its case,
 * they are in its network). Modules that know such facts implement this; the access policy asks all of them.
 */
public interface HouseholdInvolvement {

    /** The basis of involvement, in a few words for the audit trail, or empty when this fact does not apply. */
    Optional<String> basis(CurrentUser user, UUID householdId);
}
