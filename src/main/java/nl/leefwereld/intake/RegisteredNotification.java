package nl.leefwereld.intake;

import java.util.UUID;

/** The outcome of registering: which case (new or joined), which team, which case director. */
public record RegisteredNotification(UUID notificationId, UUID caseId, UUID householdId, boolean newCase, UUID teamId, String teamName,
                                     UUID caseDirectorId, String caseDirectorName) {
}
