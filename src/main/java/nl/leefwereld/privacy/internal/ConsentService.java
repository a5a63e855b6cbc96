package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.Consent;
import nl.leefwereld.privacy.ConsentMissingException;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.privacy.ConsentPurpose.RecipientKind;
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
            SELECT id, person_id, purpose, recipient, scope, given_on, valid_until, withdrawn_on, withdrawal_reason FROM consent
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ResidentRegister residents;
    @org.springframework.beans.factory.annotation.Autowired private org.springframework.context.ApplicationEventPublisher events;
    private final Administration organisation;

    /** A reason for withdrawal is a few words at least. */
    static final int MIN_REASON_LENGTH = 10;

    ConsentService(JdbcClient jdbc, Clock clock, AuditLog audit, ResidentRegister residents, Administration organisation) {
        this.organisation = organisation;
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
        if (p != null && !errors.has("recipient") && !errors.has("personId")) {
            RecipientKind kind = recipientKind(by.municipalityCode(), householdId, recipient.strip());
            errors.check(p.allows(kind), "recipient", "Bij \u201c" + p.label() + "\u201d krijgt alleen " + p.allowedDescription()
                    + " de gegevens. " + recipientHint(by.municipalityCode(), householdId, p));
        }
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
    public void withdraw(CurrentUser by, UUID householdId, UUID consentId, String withdrawnOn, String reason) {
        Consent c = find(by, householdId, consentId).orElseThrow(() -> new NotFoundException("consent"));
        FieldErrors errors = new FieldErrors();
        LocalDate on = withdrawnOn == null || withdrawnOn.isBlank() ? LocalDate.now(clock)
                : errors.date("withdrawnOn", withdrawnOn, "de datum van intrekken", true);
        if (on != null) {
            errors.check(!on.isBefore(c.givenOn()), "withdrawnOn", "Intrekken kan niet vóór de datum van de toestemming.");
            errors.check(!on.isAfter(LocalDate.now(clock)), "withdrawnOn", "De datum van intrekken kan niet in de toekomst liggen.");
        }
        errors.required("reason", reason, "de reden van intrekken", 500);
        if (!errors.has("reason")) {
            errors.check(reason.strip().length() >= MIN_REASON_LENGTH, "reason",
                    "Schrijf in een paar woorden waarom de toestemming wordt ingetrokken (minstens " + MIN_REASON_LENGTH + " tekens).");
        }
        errors.check(c.withdrawnOn() == null, "withdrawnOn", "Deze toestemming is al ingetrokken.");
        errors.throwIfAny();
        // The WHERE makes a second, parallel withdrawal a no-op instead of overwriting the first one's date and reason.
        int changed = jdbc.sql("""
                UPDATE consent SET withdrawn_on = :on, withdrawal_reason = :reason, withdrawn_by = :by
                 WHERE municipality_code = :m AND id = :id AND withdrawn_on IS NULL
                """).param("on", on).param("reason", reason.strip()).param("by", by.id())
                .param("m", by.municipalityCode()).param("id", consentId).update();
        if (changed == 0) {
            throw nl.leefwereld.shared.InvalidInputException.of("withdrawnOn", "Deze toestemming is al ingetrokken.");
        }
        audit.record(by, AuditAction.UPDATE, "CONSENT", consentId.toString(), householdId, c.personId(), "withdrawn");
        events.publishEvent(new nl.leefwereld.privacy.ConsentChanged(by, householdId, "CONSENT_WITHDRAWN", "Toestemming ingetrokken: " + c.purpose().label() + ", voor " + c.recipient()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Consent> find(CurrentUser by, UUID householdId, UUID consentId) {
        return jdbc.sql(SELECT + " WHERE municipality_code = :m AND id = :id")
                .param("m", by.municipalityCode()).param("id", consentId).query(this::map).optional()
                .filter(x -> residents.householdsOf(by.municipalityCode(), x.personId()).contains(householdId));
    }

    /** Which kind of recipient this name is, for the purpose rule table in {@link ConsentPurpose}. */
    RecipientKind recipientKind(String m, UUID householdId, String recipient) {
        String r = normalise(recipient);
        boolean team = organisation.teams(m).stream().anyMatch(t -> normalise(t.name()).equals(r));
        if (team) {
            return RecipientKind.MUNICIPAL_TEAM;
        }
        String municipality = normalise(organisation.municipalityName(m));
        if (r.equals(municipality) || r.equals("gemeente " + municipality) || r.startsWith("gemeente ") || r.equals("gemeente")) {
            return RecipientKind.MUNICIPAL_TEAM;   // the municipality as a whole is never "outside", nor an invitee
        }
        if (householdId != null && residents.networkNames(m, householdId).stream().map(ConsentService::normalise).anyMatch(r::equals)) {
            return RecipientKind.INVITED;
        }
        return RecipientKind.ORGANISATION_OUTSIDE;
    }

    /** A concrete hint after the rule: which teams or invitees there are. */
    private String recipientHint(String m, UUID householdId, ConsentPurpose p) {
        if (p.allows(RecipientKind.INVITED)) {
            var names = householdId == null ? java.util.Set.<String>of() : residents.networkNames(m, householdId);
            return names.isEmpty() ? "Zet wie wordt uitgenodigd eerst in het netwerk van het huishouden."
                    : "Kies iemand uit het netwerk: " + String.join(", ", new java.util.TreeSet<>(names)) + ".";
        }
        if (p.allows(RecipientKind.MUNICIPAL_TEAM) && !p.allows(RecipientKind.ORGANISATION_OUTSIDE)) {
            return "Vul de naam van een team in, bijvoorbeeld: " + organisation.teams(m).stream().map(t -> t.name()).sorted()
                    .limit(3).collect(java.util.stream.Collectors.joining(", ")) + ".";
        }
        return "Vul de naam van de organisatie in, niet de gemeente of een team van de gemeente.";
    }

    static String normalise(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
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
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason"));
    }
}
