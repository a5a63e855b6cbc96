package nl.leefwereld.privacy;

import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Writes the audit trail: who did what with which record, when, how (route) and why. Every read and change of
 * personal data calls this in the same transaction, so no read goes unrecorded. The trail is insert-only.
 */
public interface AuditLog {

    void record(CurrentUser actor, AuditAction action, String recordType, String recordId, UUID householdId, UUID personId, String reason);

    default void read(CurrentUser actor, String recordType, UUID recordId, UUID householdId, UUID personId, String reason) {
        record(actor, AuditAction.READ, recordType, recordId == null ? null : recordId.toString(), householdId, personId, reason);
    }
}
