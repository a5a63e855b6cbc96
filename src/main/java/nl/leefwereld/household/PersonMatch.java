package nl.leefwereld.household;

import java.util.UUID;

/** A search hit. When the user has no access, only the district is shown, never the person's details. */
public record PersonMatch(UUID householdId, boolean accessible, Person person, Relation relation, String districtName) {
}
