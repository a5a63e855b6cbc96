package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.BreakGlass;
import nl.leefwereld.privacy.ProtectedPersons;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.privacy.SearchReferences;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BreakGlassService implements BreakGlass {

    static final String PROTECTED_MESSAGE = "Noodtoegang is niet mogelijk: in dit huishouden woont iemand die is afgeschermd. "
            + "Neem contact op met de privacy officer.";
    static final String MALFORMED_REFERENCE = "Dit is geen geldige verwijzing naar een zoekresultaat. Zoek de persoon opnieuw.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ResidentRegister residents;
    private final ProtectedPersons protection;
    private final SearchReferences references;
    private final Duration validity;

    BreakGlassService(JdbcClient jdbc, Clock clock, AuditLog audit, ResidentRegister residents, ProtectedPersons protection,
                      SearchReferences references, @Value("${leefwereld.privacy.break-glass-hours:4}") long hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.residents = residents;
        this.protection = protection;
        this.references = references;
        this.validity = Duration.ofHours(hours);
    }

    @Override
    @Transactional
    public Instant grant(CurrentUser user, UUID householdId, String reason) {
        FieldErrors errors = new FieldErrors().required("reason", reason, "een reden", 500);
        if (!errors.has("reason")) {
            errors.check(visibleLetters(reason) >= MIN_REASON_LETTERS, "reason",
                    "Leg in minstens " + MIN_REASON_LETTERS + " letters uit waarom u dit huishouden nu moet inzien.");
        }
        errors.check(user.doesCasework(), "reason", "Alleen medewerkers die met huishoudens werken kunnen noodtoegang vragen.");
        errors.throwIfAny();
        if (!residents.householdExists(user.municipalityCode(), householdId)) {
            throw new NotFoundException("household");
        }
        if (!protection.protectedHouseholds(user.municipalityCode(), List.of(householdId)).isEmpty()) {
            audit.record(user, AuditAction.BREAK_GLASS, "HOUSEHOLD", householdId.toString(), householdId, null,
                    "geweigerd: afgeschermde persoon");
            errors.add("reason", PROTECTED_MESSAGE).throwIfAny();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(validity);
        String stated = reason.strip();
        jdbc.sql("""
                INSERT INTO break_glass_grant (municipality_code, id, user_id, household_id, reason, granted_at, expires_at)
                VALUES (:m, :id, :u, :h, :reason, :now, :expires)
                """).param("m", user.municipalityCode()).param("id", UUID.randomUUID()).param("u", user.id())
                .param("h", householdId).param("reason", stated).param("now", now).param("expires", expires).update();
        audit.record(user, AuditAction.BREAK_GLASS, "HOUSEHOLD", householdId.toString(), householdId, null, stated);
        return expires.toInstant();
    }

    @Override
    @Transactional
    public Grant grantByReference(CurrentUser user, String reference, String reason) {
        // Malformed (too long, control characters, not the shape of a reference): a field error. Well-formed but unknown,
        // expired or someone else's: not found, as before — the answer tells nothing about other users' references.
        if (!SearchReferenceService.wellFormed(reference)) {
            throw InvalidInputException.of("reference", MALFORMED_REFERENCE);
        }
        UUID household = references.resolve(user, reference).orElseThrow(() -> new NotFoundException("search reference"));
        return new Grant(household, grant(user, household, reason));
    }

    /** Letters only, after removing format and control characters (zero-width spaces and the like). */
    static int visibleLetters(String text) {
        return (int) text.codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL)
                .filter(Character::isLetter)
                .count();
    }
}
