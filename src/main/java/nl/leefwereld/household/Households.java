package nl.leefwereld.household;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Households, their members and network. Every method that returns personal data checks access and writes
 * an audit record per household and person shown.
 */
public interface Households {

    Household view(CurrentUser user, UUID householdId);

    /** The matches of one search (at most a page); see {@link #searchPage} for whether more matched. */
    default List<PersonMatch> search(CurrentUser user, String query) {
        return searchPage(user, query).matches();
    }

    PersonSearch searchPage(CurrentUser user, String query);

    List<DuplicateCandidate> likelyDuplicates(CurrentUser user, PersonDraft draft);

    /** Creates a household with its head. confirmNew overrides a likely-duplicate warning (never a BSN clash). */
    UUID createHousehold(CurrentUser user, PersonDraft head, AddressDraft address, boolean confirmNew);

    UUID addMember(CurrentUser user, UUID householdId, PersonDraft person, String relation, boolean confirmNew);

    UUID addNetworkMember(CurrentUser user, UUID householdId, NetworkDraft draft);

    Optional<HouseholdRef> ref(String municipalityCode, UUID householdId);

    /** Work-list names; the caller audits what it shows. */
    Map<UUID, HouseholdRef> refs(String municipalityCode, Collection<UUID> householdIds);
}
