package nl.leefwereld.platform.internal;

import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.NoAccessException;

/** A refused household (the user is not involved and has no break-the-glass grant) is a security event: audited with the household. */
final class RefusalAudit {

    private RefusalAudit() {
    }

    static void record(AuditLog audit, NoAccessException e) {
        CurrentUsers.find().ifPresent(user -> audit.record(user, AuditAction.ACCESS_DENIED, "HOUSEHOLD",
                e.householdId() == null ? null : e.householdId().toString(), e.householdId(), null, "niet betrokken bij huishouden"));
    }
}
