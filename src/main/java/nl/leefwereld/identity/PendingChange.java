package nl.leefwereld.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator's request to give themselves casework roles or a team: it waits until ANOTHER administrator confirms
 * it (four eyes). Before and after are short texts (roles, team, active), as in {@link UserAccountChanged}.
 */
public record PendingChange(UUID id, UUID userId, String username, String displayName, UUID requestedBy, String requestedByUsername,
                            Instant requestedAt, String before, String after, String status, String decidedByUsername) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
