package nl.leefwereld.privacy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.DistrictTeamChanged;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The audit trail's writer. Rows go through {@link AuditWriter} (own pool, autocommit): what was seen or tried at once,
 * changes after the caller's transaction has committed. Who, what, which record, route and source address are taken
 * here; the time and the hash chain are set by the database.
 */
@Service
class JdbcAuditLog implements AuditLog {

    /** Municipality code for security events of accounts nobody knows when several municipalities share a deployment. */
    static final String UNKNOWN_MUNICIPALITY = "0000";

    private final AuditWriter writer;

    JdbcAuditLog(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public void record(CurrentUser actor, AuditAction action, String recordType, String recordId, UUID householdId, UUID personId, String reason) {
        recordAll(actor, List.of(new AuditEntry(action, recordType, recordId, householdId, personId, reason)));
    }

    @Override
    public void recordAll(CurrentUser actor, List<AuditEntry> entries) {
        String route = currentRoute();
        String source = currentSource();
        List<AuditWriter.Row> now = new ArrayList<>();
        List<AuditWriter.Row> afterCommit = new ArrayList<>();
        for (AuditEntry e : entries) {
            AuditWriter.Row row = new AuditWriter.Row(actor.municipalityCode(), actor.id(), actor.username(), e.action().name(),
                    e.recordType(), e.recordId(), e.householdId(), e.personId(), route, e.reason(), source, null, null);
            (e.action().isChange() ? afterCommit : now).add(row);
        }
        if (!now.isEmpty()) {
            writer.write(now);
        }
        if (!afterCommit.isEmpty()) {
            writeAfterCommit(afterCommit);
        }
    }

    /**
     * A change is audited only when it really happened: after the transaction it is part of commits, or at once when
     * there is no transaction. A rolled-back change leaves no row.
     */
    private void writeAfterCommit(List<AuditWriter.Row> rows) {
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.write(rows);
                }
            });
        } else {
            writer.write(rows);
        }
    }

    /** Administrators changing accounts is a change of (employee) personal data, and a change of access when roles, team or activation change. */
    @EventListener
    void on(UserAccountChanged e) {
        AuditAction action = e.accessChange() ? AuditAction.ACCESS_CHANGE : "CREATE".equals(e.action()) ? AuditAction.CREATE : AuditAction.UPDATE;
        writeAfterCommit(List.of(new AuditWriter.Row(e.municipalityCode(), e.changedBy(),
                e.changedByUsername() == null ? "system" : e.changedByUsername(), action.name(), "USER_ACCOUNT", e.userId().toString(),
                null, null, currentRoute(), e.action(), currentSource(), e.before(), e.after())));
    }

    /** Moving a district to another team gives the new team's staff access to its households and takes it from the old team's. */
    @EventListener
    void on(DistrictTeamChanged e) {
        writeAfterCommit(List.of(new AuditWriter.Row(e.municipalityCode(), e.changedBy(),
                e.changedByUsername() == null ? "system" : e.changedByUsername(), AuditAction.ACCESS_CHANGE.name(), "DISTRICT",
                e.districtCode(), null, null, currentRoute(), "wijk naar ander team", currentSource(),
                team(e.teamBefore(), e.teamBeforeName()), team(e.teamAfter(), e.teamAfterName()))));
    }

    /** Logins, lockouts, refusals and rate limits: written at once, whatever happens to any transaction around it. */
    @EventListener
    void on(SecurityEvent e) {
        String municipality = e.municipalityCode() != null ? e.municipalityCode() : municipalityForUnknownAccount();
        String source = e.source() != null ? e.source() : currentSource();
        writer.write(List.of(new AuditWriter.Row(municipality, e.userId(), e.username(), action(e.type()).name(), "SECURITY",
                e.type().name(), null, null, currentRoute(), e.detail(), source, null, null)));
    }

    static AuditAction action(SecurityEvent.Type type) {
        return switch (type) {
            case LOGIN_SUCCEEDED -> AuditAction.LOGIN;
            case LOGIN_FAILED -> AuditAction.LOGIN_FAILED;
            case ACCOUNT_LOCKED -> AuditAction.LOCKOUT;
            case LOGOUT, SESSION_EXPIRED -> AuditAction.LOGOUT;
            case SESSION_REVOKED -> AuditAction.SESSION_REVOKED;
            case ACCESS_DENIED -> AuditAction.ACCESS_DENIED;
            case RATE_LIMITED -> AuditAction.RATE_LIMITED;
        };
    }

    /** One municipality in the deployment: the event belongs to its trail. Several: a trail of its own ("0000"). */
    private String municipalityForUnknownAccount() {
        List<String> codes = writer.jdbc().sql("SELECT code FROM municipality ORDER BY code LIMIT 2").query(String.class).list();
        return codes.size() == 1 ? codes.get(0) : UNKNOWN_MUNICIPALITY;
    }

    private static String team(UUID id, String name) {
        return id == null ? "geen team" : name + " (" + id + ")";
    }

    /** How the data was reached: the HTTP method and route pattern (never the query string, which may hold a BSN). */
    static String currentRoute() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        }
        return "system";
    }

    /** The client's address (behind a proxy: as resolved by the forwarded-headers strategy). */
    static String currentSource() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
