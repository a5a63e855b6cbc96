package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BreakGlassService implements BreakGlass {

    static final int MIN_REASON_LENGTH = 15;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ResidentRegister residents;
    private final Duration validity;

    BreakGlassService(JdbcClient jdbc, Clock clock, AuditLog audit, ResidentRegister residents,
                      @Value("${leefwereld.privacy.break-glass-hours:4}") long hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.residents = residents;
        this.validity = Duration.ofHours(hours);
    }

    @Override
    @Transactional
    public Instant grant(CurrentUser user, UUID householdId, String reason) {
        FieldErrors errors = new FieldErrors().required("reason", reason, "een reden", 500);
        if (!errors.has("reason")) {
            errors.check(reason.strip().length() >= MIN_REASON_LENGTH, "reason",
                    "Leg in minstens " + MIN_REASON_LENGTH + " tekens uit waarom u dit huishouden nu moet inzien.");
        }
        errors.check(user.doesCasework(), "reason", "Alleen medewerkers die met huishoudens werken kunnen noodtoegang vragen.");
        errors.throwIfAny();
        if (!residents.householdExists(user.municipalityCode(), householdId)) {
            throw new NotFoundException("household");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(validity);
        jdbc.sql("""
                INSERT INTO break_glass_grant (municipality_code, id, user_id, household_id, reason, granted_at, expires_at)
                VALUES (:m, :id, :u, :h, :reason, :now, :expires)
                """).param("m", user.municipalityCode()).param("id", UUID.randomUUID()).param("u", user.id())
                .param("h", householdId).param("reason", reason.strip()).param("now", now).param("expires", expires).update();
        audit.record(user, AuditAction.BREAK_GLASS, "HOUSEHOLD", householdId.toString(), householdId, null, reason.strip());
        return expires.toInstant();
    }
}
