package nl.leefwereld.privacy;

import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * Writes the audit trail: who did what with which record, when, how (route) and why. Every read and change of
 * personal data calls this. Rows are written on the audit trail's own connections, independent of the caller's
 * transaction: reads, searches, exports and security events at once (so what a user saw stays logged when the
 * business transaction rolls back), changes ({@link AuditAction#isChange()}) right after the caller's transaction
 * commits (at once when there is none), so a rolled-back change is not claimed as done. The time is the database's,
 * and every row is sealed in a hash chain. The trail is insert-only.
 */
public interface AuditLog {

    void record(CurrentUser actor, AuditAction action, String recordType, String recordId, UUID householdId, UUID personId, String reason);

    default void read(CurrentUser actor, String recordType, UUID recordId, UUID householdId, UUID personId, String reason) {
        record(actor, AuditAction.READ, recordType, recordId == null ? null : recordId.toString(), householdId, personId, reason);
    }

    /** Several rows in one statement, for lists (work list, search hits). */
    void recordAll(CurrentUser actor, List<AuditEntry> entries);
}
