package nl.leefwereld.identity;

import java.util.UUID;

/**
 * Published when an administrator creates or changes an account; the privacy module audits it with the values before
 * and after, so a change of roles or team (which changes who may see which household) is traceable.
 *
 * @param action       CREATE, UPDATE, PASSWORD_RESET, DEACTIVATE, CONFIRM_CHANGE, …
 * @param before       the account's roles, team and active flag before, as a short text (null on CREATE)
 * @param after        the same after the change
 * @param accessChange true when the change gives or takes casework access (roles, team, activation)
 */
public record UserAccountChanged(String municipalityCode, UUID userId, String action, UUID changedBy, String changedByUsername,
                                 String before, String after, boolean accessChange) {

    public UserAccountChanged(String municipalityCode, UUID userId, String action, UUID changedBy, String changedByUsername) {
        this(municipalityCode, userId, action, changedBy, changedByUsername, null, null, false);
    }
}
