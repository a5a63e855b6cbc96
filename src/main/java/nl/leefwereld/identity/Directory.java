package nl.leefwereld.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What other modules may ask about the organisation: districts, teams, who works where. */
public interface Directory {

    List<District> districts(String municipalityCode);

    Optional<District> district(String municipalityCode, String code);

    /** The team that serves a district: the routing rule for notifications. */
    Optional<TeamRef> teamServing(String municipalityCode, String districtCode);

    Optional<TeamRef> team(String municipalityCode, UUID teamId);

    /** The team serving each district of the municipality (district code → team), in one look-up; districts without a team are absent. */
    java.util.Map<String, TeamRef> teamsServing(String municipalityCode);

    Set<String> districtsServedBy(String municipalityCode, UUID teamId);

    /** Active users of a team with the given role. */
    List<UserRef> members(String municipalityCode, UUID teamId, Role role);

    Optional<UserRef> user(String municipalityCode, UUID userId);

    /** Active case directors in the municipality, for reassigning a case. */
    List<UserRef> caseDirectors(String municipalityCode);
}
