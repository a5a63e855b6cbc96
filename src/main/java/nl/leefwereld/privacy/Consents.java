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

    void withdraw(CurrentUser by, UUID householdId, UUID consentId, String withdrawnOn);

    List<Consent> of(String municipalityCode, Collection<UUID> personIds);

    boolean hasValidConsent(String municipalityCode, UUID personId, ConsentPurpose purpose, String recipient);

    void requireConsent(String municipalityCode, UUID personId, ConsentPurpose purpose, String recipient);
}
