package nl.leefwereld.privacy;

import java.time.LocalDate;
import java.util.UUID;

/** A resident's consent for one purpose and one recipient organisation; a withdrawal keeps its reason. */
public record Consent(UUID id, UUID personId, ConsentPurpose purpose, String recipient, String scope, LocalDate givenOn,
                      LocalDate validUntil, LocalDate withdrawnOn, String withdrawalReason) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(givenOn)
                && (validUntil == null || !day.isAfter(validUntil))
                && (withdrawnOn == null || day.isBefore(withdrawnOn));
    }
}
