package nl.leefwereld.privacy;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Consent per purpose and recipient. Later modules call {@link #requireConsent} before every share or referral;
 * it throws {@link ConsentMissingException} so a share without consent cannot happen.
 */
public interface Consents {

    UUID give(CurrentUser by, UUID householdId, UUID personId, String purpose, String recipient, String scope, String givenOn, String validUntil);

    /**
     * Withdraws a consent from the given day (empty: today). The reason is required (at least a few words); it is stored
     * and shown in the consent history. Field errors on "reason" and "withdrawnOn".
     */
    void withdraw(CurrentUser by, UUID householdId, UUID consentId, String withdrawnOn, String reason);

    /** One consent of a member of the household, for the confirmation step; empty when it is not one of theirs. */
    java.util.Optional<Consent> find(CurrentUser by, UUID householdId, UUID consentId);

    List<Consent> of(String municipalityCode, Collection<UUID> personIds);

    boolean hasValidConsent(String municipalityCode, UUID personId, ConsentPurpose purpose, String recipient);

    void requireConsent(String municipalityCode, UUID personId, ConsentPurpose purpose, String recipient);
}
