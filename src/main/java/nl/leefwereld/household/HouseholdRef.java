package nl.leefwereld.household;

import java.util.UUID;

/** The minimum another module needs: where the household lives and what to call it on a work list. */
public record HouseholdRef(UUID id, String districtCode, String name) {
}
