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
}
