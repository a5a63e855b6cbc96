package nl.leefwereld.privacy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * A fact that makes a professional involved in a household (their team serves its district, they direct its case,
 * they are in its network). Modules that know such facts implement this; the access policy asks all of them.
 */
public interface HouseholdInvolvement {

    /** The basis of involvement, in a few words for the audit trail, or empty when this fact does not apply. */
    Optional<String> basis(CurrentUser user, UUID householdId);

    /**
     * Of these households, the ones this fact makes the user involved in: exactly those for which {@link #basis} is
     * present. For list pages; an implementation answers with one query where it can (the default asks per household).
     */
    default Set<UUID> involvedIn(CurrentUser user, Collection<UUID> householdIds) {
        Set<UUID> out = new HashSet<>();
        for (UUID h : householdIds) {
            if (basis(user, h).isPresent()) {
                out.add(h);
            }
        }
        return out;
    }
}
