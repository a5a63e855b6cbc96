package nl.leefwereld.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.District;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.identity.UserRef;
import org.springframework.stereotype.Service;

@Service
class DirectoryService implements Directory {

    private final TeamRepository teams;

    DirectoryService(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public List<District> districts(String m) {
        return teams.districts(m);
    }

    @Override
    public Optional<District> district(String m, String code) {
        return code == null ? Optional.empty() : teams.district(m, code);
    }

    @Override
    public Optional<TeamRef> teamServing(String m, String districtCode) {
        return teams.teamServing(m, districtCode);
    }

    @Override
    public java.util.Map<String, TeamRef> teamsServing(String m) {
        return teams.teamsServing(m);
    }

    @Override
    public Optional<TeamRef> team(String m, UUID teamId) {
        return teamId == null ? Optional.empty() : teams.team(m, teamId);
    }

    @Override
    public Set<String> districtsServedBy(String m, UUID teamId) {
        return teamId == null ? Set.of() : teams.districtsServedBy(m, teamId);
    }

    @Override
    public List<UserRef> members(String m, UUID teamId, Role role) {
        return teams.members(m, teamId, role);
    }

    @Override
    public Optional<UserRef> user(String m, UUID userId) {
        return userId == null ? Optional.empty() : teams.user(m, userId);
    }

    @Override
    public List<UserRef> caseDirectors(String m) {
        return teams.usersWithRole(m, Role.CASE_DIRECTOR);
    }
}
