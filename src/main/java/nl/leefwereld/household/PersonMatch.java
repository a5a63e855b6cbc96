package nl.leefwereld.household;

import java.util.UUID;

/**
 * A search hit. When the user may open the household: its id, the person and the relation. When not: only the
 * district, and an opaque short-lived {@code reference} for break-the-glass; never the household's or person's id.
 */
public record PersonMatch(UUID householdId, boolean accessible, Person person, Relation relation, String districtName, String reference) {
}
