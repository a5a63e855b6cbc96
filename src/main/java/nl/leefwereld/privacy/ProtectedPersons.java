package nl.leefwereld.privacy;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Persons the privacy officer shields (women's shelter, witness protection, threat). Only the users the privacy
 * officer names may see them; a household with such a person is hidden from everyone else, also in search and in the
 * duplicate check. Every access by a named user raises a privacy alert.
 */
public interface ProtectedPersons {

    /** The households among these that contain a protected person this user is not named for: to leave out entirely. */
    Set<UUID> hiddenFrom(CurrentUser user, Collection<UUID> householdIds);

    /** The households among these that contain a protected person (whoever asks). */
    Set<UUID> protectedHouseholds(String municipalityCode, Collection<UUID> householdIds);

    /** Records that a named user accessed a protected household or person (page, API, search hit). */
    void alert(CurrentUser user, UUID householdId, UUID personId, String what);
}
