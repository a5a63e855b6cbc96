package nl.leefwereld.household;

/**
 * A member leaving a household as typed. destination: NONE (address unknown or outside the municipality), EXISTING
 * (into destinationHouseholdId, as relation) or NEW (a new household at the address, as its head).
 */
public record DepartureDraft(String leftOn, String reason, String destination, String destinationHouseholdId, String relation,
                             String street, String houseNumber, String postalCode, String city, String districtCode) {

    public enum Destination { NONE, EXISTING, NEW }
}
