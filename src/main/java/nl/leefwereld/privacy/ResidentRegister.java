package nl.leefwereld.privacy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the privacy module needs to know about residents and households, implemented by the household module. */
public interface ResidentRegister {

    boolean householdExists(String municipalityCode, UUID householdId);

    Optional<UUID> personByBsn(String municipalityCode, String bsn);

    /** Household ids the person belongs to. */
    java.util.List<UUID> householdsOf(String municipalityCode, UUID personId);

    /** A short non-identifying label for the privacy officer ("huishouden in wijk Noord"), never names. */
    Map<UUID, String> householdLabels(String municipalityCode, java.util.Collection<UUID> householdIds);

    /** Names and organisations in the household's network: who may be invited to its planning meeting. */
    default java.util.Set<String> networkNames(String municipalityCode, UUID householdId) {
        return java.util.Set.of();
    }
}
