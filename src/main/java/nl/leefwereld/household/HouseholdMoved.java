package nl.leefwereld.household;

import java.util.UUID;

/**
 * Published when a household moved to another address. When the district changed, the case stays with its team,
 * but the case timeline and its team lead must know that the district now belongs to another team.
 */
public record HouseholdMoved(String municipalityCode, UUID householdId, String districtBefore, String districtAfter,
                             UUID actorId, String actorName) {

    public boolean districtChanged() {
        return !districtBefore.equals(districtAfter);
    }
}
