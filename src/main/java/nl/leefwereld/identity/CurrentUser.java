package nl.leefwereld.identity;

import java.util.Set;
import java.util.UUID;

/** The signed-in user as every module sees it. Holds no password. */
public record CurrentUser(UUID id, String username, String displayName, String municipalityCode, UUID teamId, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean doesCasework() {
        return roles.stream().anyMatch(Role.CASEWORK::contains);
    }
}
