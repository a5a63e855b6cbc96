package nl.leefwereld.identity;

import java.util.Set;
import java.util.UUID;

/** A user account as the administration screens show it. */
public record UserAccount(UUID id, String username, String displayName, String email, UUID teamId, String teamName,
                          Set<Role> roles, boolean active, boolean localLogin, String oidcSubject) {
}
