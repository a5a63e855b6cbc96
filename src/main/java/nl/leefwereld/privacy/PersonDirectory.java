package nl.leefwereld.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the privacy module needs to know about persons for protection; implemented by the household module. */
public interface PersonDirectory {

    /** Per person, the households they belong to. */
    Map<UUID, Set<UUID>> householdsOf(String municipalityCode, Collection<UUID> personIds);

    /** "Voornaam Achternaam, geboren 14-03-1988" per person, for the privacy officer's screen. */
    Map<UUID, String> labels(String municipalityCode, Collection<UUID> personIds);
}
