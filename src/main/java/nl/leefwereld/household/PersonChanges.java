package nl.leefwereld.household;

import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Moves, departures and corrections. Each checks access to the household (403 and nothing written otherwise), keeps
 * the earlier values as history with who and why (never overwritten), and is audited.
 */
public interface PersonChanges {

    /** The whole household of the person moves to the new address and district; returns the household's id. */
    UUID move(CurrentUser user, UUID personId, MoveDraft draft);

    /** The person leaves the household; returns the household they joined, or null. */
    UUID depart(CurrentUser user, UUID householdId, UUID personId, DepartureDraft draft);

    /** Corrects name, birth date, BSN (11-proof, unique) or contact; householdId may be null (any household of the person). */
    void correct(CurrentUser user, UUID householdId, UUID personId, CorrectionDraft draft);

    /** A member as shown on the change page: access checked and audited. */
    Member member(CurrentUser user, UUID householdId, UUID personId);

    /** History of the household's current and former members, newest first; access checked and audited. */
    List<HistoryEntry> history(CurrentUser user, UUID householdId);

    /**
     * History for a household the caller has just opened through {@link Households#view} (which checked access and audited
     * the members): no second access check, so a protected household alerts the privacy officer once per page, not twice.
     * Former members named in it are audited.
     */
    List<HistoryEntry> historyOfViewed(CurrentUser user, Household viewed);

    /** The history of one member just shown through {@link #member} (which checked access and audited): that member's only. */
    List<HistoryEntry> historyOfMember(CurrentUser user, UUID householdId, Member viewed);
}
