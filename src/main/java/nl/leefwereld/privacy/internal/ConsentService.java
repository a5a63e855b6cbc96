package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.Consent;
import nl.leefwereld.privacy.ConsentMissingException;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class ConsentService implements Consents {

    private static final String SELECT = """
            SELECT id, person_id, purpose, recipient, scope, given_on, valid_until, withdrawn_on FROM consent
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ResidentRegister residents;
    @org.springframework.beans.factory.annotation.Autowired private org.springframework.context.ApplicationEventPublisher events;

    ConsentService(JdbcClient jdbc, Clock clock, AuditLog audit, ResidentRegister residents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.residents = residents;
    }

    @Override
    public UUID give(CurrentUser by, UUID householdId, UUID personId, String purpose, String recipient, String scope,
                     String givenOn, String validUntil) {
        FieldErrors errors = new FieldErrors();
        if (personId == null || !residents.householdsOf(by.municipalityCode(), personId).contains(householdId)) {
            errors.add("personId", "Kies voor wie de toestemming geldt.");
        }
        ConsentPurpose p = errors.oneOf("purpose", purpose, ConsentPurpose.class, "een doel");
        errors.required("recipient", recipient, "de organisatie die de gegevens krijgt", 150);
        errors.maxLength("scope", scope, "de omschrijving", 500);
        LocalDate given = errors.date("givenOn", givenOn, "de datum van de toestemming", true);
        LocalDate until = errors.date("validUntil", validUntil, "de einddatum", false);
        LocalDate today = LocalDate.now(clock);
        if (given != null) {
            errors.check(!given.isAfter(today), "givenOn", "De datum van de toestemming kan niet in de toekomst liggen.");
        }
        if (given != null && until != null) {
            errors.check(!until.isBefore(given), "validUntil", "De einddatum moet na de datum van de toestemming liggen.");
            errors.check(!until.isAfter(given.plusYears(100)), "validUntil", "Kies een einddatum binnen 100 jaar.");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO consent (municipality_code, id, person_id, purpose, recipient, scope, given_on, valid_until, recorded_by, recorded_at)
                VALUES (:m, :id, :person, :purpose, :recipient, :scope, :given, :until, :by, :now)
                """).param("m", by.municipalityCode()).param("id", id).param("person", personId).param("purpose", p.name())
                .param("recipient", recipient.strip()).param("scope", FieldErrors.trimToNull(scope)).param("given", given)
                .param("until", until).param("by", by.id()).param("now", OffsetDateTime.now(clock)).update();
        audit.record(by, AuditAction.CREATE, "CONSENT", id.toString(), householdId, personId, p.name());
        events.publishEvent(new nl.leefwereld.privacy.ConsentChanged(by, householdId, "CONSENT_GIVEN", "Toestemming vastgelegd: " + p.label() + ", voor " + recipient.strip()));
        return id;
    }

    @Override
    public void withdraw(CurrentUser by, UUID householdId, UUID consentId, String withdrawnOn) {
        Consent c = jdbc.sql(SELECT + " WHERE municipality_code = :m AND id = :id")
                .param("m", by.municipalityCode()).param("id", consentId).query(this::map).optional()
                .filter(x -> residents.householdsOf(by.municipalityCode(), x.personId()).contains(householdId))
                .orElseThrow(() -> new NotFoundException("consent"));
        FieldErrors errors = new FieldErrors();
        LocalDate on = withdrawnOn == null || withdrawnOn.isBlank() ? LocalDate.now(clock)
                : errors.date("withdrawnOn", withdrawnOn, "de datum van intrekken", true);
        if (on != null) {
            errors.check(!on.isBefore(c.givenOn()), "withdrawnOn", "Intrekken kan niet vóór de datum van de toestemming.");
            errors.check(!on.isAfter(LocalDate.now(clock)), "withdrawnOn", "De datum van intrekken kan niet in de toekomst liggen.");
        }
        errors.check(c.withdrawnOn() == null, "withdrawnOn", "Deze toestemming is al ingetrokken.");
        errors.throwIfAny();
        jdbc.sql("UPDATE consent SET withdrawn_on = :on WHERE municipality_code = :m AND id = :id")
                .param("on", on).param("m", by.municipalityCode()).param("id", consentId).update();
        audit.record(by, AuditAction.UPDATE, "CONSENT", consentId.toString(), householdId, c.personId(), "withdrawn");
        events.publishEvent(new nl.leefwereld.privacy.ConsentChanged(by, householdId, "CONSENT_WITHDRAWN", "Toestemming ingetrokken: " + c.purpose().label() + ", voor " + c.recipient()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Consent> of(String m, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND person_id IN (:ids) ORDER BY given_on DESC")
                .param("m", m).param("ids", personIds).query(this::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasValidConsent(String m, UUID personId, ConsentPurpose purpose, String recipient) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND person_id = :p AND purpose = :purpose AND lower(recipient) = lower(:r)")
                .param("m", m).param("p", personId).param("purpose", purpose.name()).param("r", recipient == null ? "" : recipient.strip())
                .query(this::map).list().stream().anyMatch(c -> c.validOn(today));
    }

    @Override
    @Transactional(readOnly = true)
    public void requireConsent(String m, UUID personId, ConsentPurpose purpose, String recipient) {
        if (!hasValidConsent(m, personId, purpose, recipient)) {
            throw new ConsentMissingException(purpose, recipient);
        }
    }

    private Consent map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Consent(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                ConsentPurpose.valueOf(rs.getString("purpose")), rs.getString("recipient"), rs.getString("scope"),
                rs.getObject("given_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class));
    }
}
