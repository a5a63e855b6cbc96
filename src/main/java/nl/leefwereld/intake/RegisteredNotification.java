package nl.leefwereld.intake;

import java.util.UUID;

/**
 * The outcome of registering: which case (new or joined), which team, which case director. The full outcome is for the
 * registering code; what a user is shown goes through {@link #shownTo(boolean)}, so someone who cannot see the household
 * learns only that the notification was registered and routed.
 */
public record RegisteredNotification(UUID notificationId, UUID caseId, UUID householdId, Boolean newCase, UUID teamId, String teamName,
                                     UUID caseDirectorId, String caseDirectorName) {

    /** Whether this outcome names the case, team and director (false: reduced to "registered and routed"). */
    public boolean detailed() {
        return newCase != null;
    }

    /** The outcome as the registering user may see it: without case, team or director when they cannot access the household. */
    public RegisteredNotification shownTo(boolean householdAccessible) {
        return householdAccessible ? this : new RegisteredNotification(notificationId, null, householdId, null, null, null, null, null);
    }
}
