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

    UUID createTeam(String municipalityCode, String name, Set<String> districtCodes);

    void assignDistricts(String municipalityCode, UUID teamId, Set<String> districtCodes);

    List<UserAccount> users(String municipalityCode);

    UserAccount user(String municipalityCode, UUID userId);

    /** Creates an account; password may be null for an OIDC-only account with an oidcSubject. */
    UUID createUser(String municipalityCode, NewUser user, UUID changedBy, String changedByUsername);

    void updateUser(String municipalityCode, UUID userId, String displayName, String email, UUID teamId,
                    boolean active, Set<Role> roles, UUID changedBy, String changedByUsername);

    void resetPassword(String municipalityCode, UUID userId, String newPassword, UUID changedBy, String changedByUsername);

    boolean userExists(String username);

    record NewUser(String username, String displayName, String email, UUID teamId, Set<Role> roles, String password, String oidcSubject) {
    }
}
