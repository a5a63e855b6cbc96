package nl.leefwereld.privacy;

import java.util.UUID;

/** One audit row for {@link AuditLog#recordAll}: what was done with which record, and why. */
public record AuditEntry(AuditAction action, String recordType, String recordId, UUID householdId, UUID personId, String reason) {

    public static AuditEntry read(String recordType, UUID recordId, UUID householdId, UUID personId, String reason) {
        return new AuditEntry(AuditAction.READ, recordType, recordId == null ? null : recordId.toString(), householdId, personId, reason);
    }
}
