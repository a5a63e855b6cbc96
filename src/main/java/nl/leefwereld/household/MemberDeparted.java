package nl.leefwereld.household;

import java.util.UUID;

/** Published when a member left a household; destinationHouseholdId is the household they joined (or null). */
public record MemberDeparted(String municipalityCode, UUID householdId, UUID personId, UUID destinationHouseholdId,
                             UUID actorId, String actorName) {
}
