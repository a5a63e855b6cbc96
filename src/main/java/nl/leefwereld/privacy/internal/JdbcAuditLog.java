package nl.leefwereld.privacy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(CurrentUser actor, AuditAction action, String recordType, String recordId, UUID householdId, UUID personId, String reason) {
        jdbc.sql("""
                INSERT INTO audit_event (municipality_code, occurred_at, actor_id, actor_username, action, record_type, record_id,
                                         household_id, person_id, route, reason)
                VALUES (:m, :at, :actorId, :actor, :action, :type, :recordId, :household, :person, :route, :reason)
                """)
                .param("m", actor.municipalityCode()).param("at", OffsetDateTime.now(clock))
                .param("actorId", actor.id()).param("actor", actor.username()).param("action", action.name())
                .param("type", recordType).param("recordId", recordId).param("household", householdId).param("person", personId)
                .param("route", currentRoute()).param("reason", reason == null ? null : truncate(reason, 500))
                .update();
    }

    /** Administrators changing accounts is a change of (employee) personal data too. */
    @EventListener
    void on(UserAccountChanged e) {
        jdbc.sql("""
                INSERT INTO audit_event (municipality_code, occurred_at, actor_id, actor_username, action, record_type, record_id, route, reason)
                VALUES (:m, :at, :actorId, :actor, :action, 'USER_ACCOUNT', :recordId, :route, :reason)
                """)
                .param("m", e.municipalityCode()).param("at", OffsetDateTime.now(clock)).param("actorId", e.changedBy())
                .param("actor", e.changedByUsername() == null ? "system" : e.changedByUsername())
                .param("action", "CREATE".equals(e.action()) ? "CREATE" : "UPDATE")
                .param("recordId", e.userId().toString()).param("route", currentRoute()).param("reason", e.action())
                .update();
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

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
