package nl.leefwereld.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The organisation's set-up: municipality, districts, teams and user accounts. Used by the administrator and the demo loader. */
public interface Administration {

    /** Minimum length of a local password. */
    int MIN_PASSWORD_LENGTH = 12;

    void ensureMunicipality(String code, String name);

    void ensureDistrict(String municipalityCode, String code, String name);

    /** Adds a district from the administration screen; checked, and refused if the code exists. */
    void createDistrict(String municipalityCode, String code, String name);

    String municipalityName(String municipalityCode);

    List<TeamSummary> teams(String municipalityCode);

    /** Set-up without an administrator (demo, tests): no actor in the {@link DistrictTeamChanged} events. */
    default UUID createTeam(String municipalityCode, String name, Set<String> districtCodes) {
        return createTeam(municipalityCode, name, districtCodes, null, null);
    }

    /** Creates a team; districts it takes over from other teams are published as {@link DistrictTeamChanged}. */
    UUID createTeam(String municipalityCode, String name, Set<String> districtCodes, UUID changedBy, String changedByUsername);

    default void assignDistricts(String municipalityCode, UUID teamId, Set<String> districtCodes) {
        assignDistricts(municipalityCode, teamId, districtCodes, null, null);
    }

    /**
     * Makes these the team's districts. Every district that changes team (or is left without one) is published as a
     * {@link DistrictTeamChanged}, and returned, so the screen can say who gains and who loses access.
     */
    List<DistrictTeamChanged> assignDistricts(String municipalityCode, UUID teamId, Set<String> districtCodes, UUID changedBy,
                                              String changedByUsername);

    List<UserAccount> users(String municipalityCode);

    UserAccount user(String municipalityCode, UUID userId);

    /** Creates an account; password may be null for an OIDC-only account with an oidcSubject. */
    UUID createUser(String municipalityCode, NewUser user, UUID changedBy, String changedByUsername);

    /**
     * Changes an account. An administrator who gives THEMSELVES a casework role or a (new) team does not get it: the
     * change is stored as a {@link PendingChange} that another administrator must confirm, and PENDING is returned.
     */
    UpdateOutcome updateUser(String municipalityCode, UUID userId, String displayName, String email, UUID teamId,
                             boolean active, Set<Role> roles, UUID changedBy, String changedByUsername);

    enum UpdateOutcome { APPLIED, PENDING }

    /** Open requests and the latest decisions. */
    List<PendingChange> pendingChanges(String municipalityCode);

    /** Another administrator confirms a request; the requester cannot. STALE when the account changed since the request. */
    ChangeDecision confirmChange(String municipalityCode, UUID changeId, UUID decidedBy, String decidedByUsername);

    ChangeDecision rejectChange(String municipalityCode, UUID changeId, UUID decidedBy, String decidedByUsername);

    enum ChangeDecision { CONFIRMED, REJECTED, STALE }

    void resetPassword(String municipalityCode, UUID userId, String newPassword, UUID changedBy, String changedByUsername);

    boolean userExists(String username);

    record NewUser(String username, String displayName, String email, UUID teamId, Set<Role> roles, String password, String oidcSubject) {
    }
}
