package nl.leefwereld.household;

/**
 * A move as typed: the whole household moves to the new address (every member's address follows). householdId may
 * be empty when the person belongs to one household. Strings, so nothing typed is lost.
 */
public record MoveDraft(String householdId, String street, String houseNumber, String postalCode, String city, String districtCode,
                        String movedOn, String reason) {
}
