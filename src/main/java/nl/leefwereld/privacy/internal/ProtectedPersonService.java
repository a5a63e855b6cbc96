package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.PersonDirectory;
import nl.leefwereld.privacy.ProtectedPersons;
import nl.leefwereld.privacy.ProtectionCategory;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Protected persons: who is shielded, who is named to see them, and the alerts their access raises. */
@Service
class ProtectedPersonService implements ProtectedPersons {

    static final int ALERT_PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ProtectedPersonService(JdbcClient jdbc, PersonDirectory persons, AuditLog audit, Clock clock, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tx);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------------------------------------ the access gate

    /** Household → the protected persons in it, for the whole municipality (protected persons are few). */
    Map<UUID, Set<UUID>> protectedByHousehold(String m) {
        List<UUID> ids = jdbc.sql("SELECT person_id FROM protected_person WHERE municipality_code = :m").param("m", m)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> out = new HashMap<>();
        persons.householdsOf(m, ids).forEach((person, households) ->
                households.forEach(h -> out.computeIfAbsent(h, x -> new HashSet<>()).add(person)));
        return out;
    }

    /** The protected persons this user is named for. */
    Set<UUID> namedFor(CurrentUser user) {
        return new HashSet<>(jdbc.sql("SELECT person_id FROM protected_person_user WHERE municipality_code = :m AND user_id = :u")
                .param("m", user.municipalityCode()).param("u", user.id()).query(UUID.class).list());
    }

    @Override
    public Set<UUID> hiddenFrom(CurrentUser user, Collection<UUID> householdIds) {
        Map<UUID, Set<UUID>> byHousehold = protectedByHousehold(user.municipalityCode());
        if (byHousehold.isEmpty()) {
            return Set.of();
        }
        Set<UUID> named = namedFor(user);
        Set<UUID> hidden = new LinkedHashSet<>();
        for (UUID h : householdIds) {
            Set<UUID> shielded = byHousehold.get(h);
            if (shielded != null && (!user.doesCasework() || !named.containsAll(shielded))) {
                hidden.add(h);
            }
        }
        return hidden;
    }

    @Override
    public Set<UUID> protectedHouseholds(String m, Collection<UUID> householdIds) {
        Map<UUID, Set<UUID>> byHousehold = protectedByHousehold(m);
        Set<UUID> out = new LinkedHashSet<>();
        householdIds.stream().filter(byHousehold::containsKey).forEach(out::add);
        return out;
    }

    /**
     * Written in its own transaction: what a named user saw is alerted even when their request fails later. Once per
     * household (and person) per request: a page whose panels each check access (plan, meetings, Wmo, …) is one view.
     */
    @Override
    public void alert(CurrentUser user, UUID householdId, UUID personId, String what) {
        if (!firstInThisRequest(householdId + ":" + personId)) {
            return;
        }
        String route = JdbcAuditLog.currentRoute();
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO privacy_alert (municipality_code, occurred_at, user_id, username, person_id, household_id, route, what)
                VALUES (:m, :at, :u, :name, :p, :h, :route, :what)
                """).param("m", user.municipalityCode()).param("at", OffsetDateTime.now(clock)).param("u", user.id())
                .param("name", user.username()).param("p", personId).param("h", householdId)
                .param("route", route.length() > 200 ? route.substring(0, 200) : route)
                .param("what", what.length() > 200 ? what.substring(0, 200) : what).update());
    }

    private static final String ALERTED = ProtectedPersonService.class.getName() + ".alerted";

    @SuppressWarnings("unchecked")
    private static boolean firstInThisRequest(String key) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return true;   // outside a web request (a job): every call is its own view
        }
        var seen = (Set<String>) attributes.getAttribute(ALERTED, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (seen == null) {
            seen = new java.util.HashSet<>();
            attributes.setAttribute(ALERTED, seen, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return seen.add(key);
    }

    // ------------------------------------------------------------------------------------------------ the officer's screen

    record NamedUser(UUID id, String username, String displayName) {
    }

    record Protection(UUID personId, String label, ProtectionCategory category, String note, OffsetDateTime protectedAt,
                      List<NamedUser> namedUsers) {
    }

    @Transactional
    Optional<Protection> protection(CurrentUser officer, UUID personId) {
        String m = officer.municipalityCode();
        return jdbc.sql("SELECT category, note, protected_at FROM protected_person WHERE municipality_code = :m AND person_id = :p")
                .param("m", m).param("p", personId)
                .query((rs, i) -> new Protection(personId, null, ProtectionCategory.valueOf(rs.getString("category")),
                        rs.getString("note"), rs.getObject("protected_at", OffsetDateTime.class), named(m, personId)))
                .optional();
    }

    private List<NamedUser> named(String m, UUID personId) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name FROM protected_person_user n
                  JOIN app_user u ON u.municipality_code = n.municipality_code AND u.id = n.user_id
                 WHERE n.municipality_code = :m AND n.person_id = :p ORDER BY u.display_name
                """).param("m", m).param("p", personId).query(NamedUser.class).list();
    }

    /** Every protected person of the municipality with name and named users; the officer's reading is audited. */
    @Transactional
    List<Protection> all(CurrentUser officer) {
        String m = officer.municipalityCode();
        List<UUID> ids = jdbc.sql("SELECT person_id FROM protected_person WHERE municipality_code = :m ORDER BY protected_at DESC")
                .param("m", m).query(UUID.class).list();
        Map<UUID, String> labels = persons.labels(m, ids);
        return ids.stream().map(id -> {
            audit.read(officer, "PROTECTED_PERSON", id, null, id, "overzicht afgeschermde personen");
            Protection p = protection(officer, id).orElseThrow();
            return new Protection(id, labels.getOrDefault(id, "Onbekende persoon"), p.category(), p.note(), p.protectedAt(), p.namedUsers());
        }).toList();
    }

    String label(String m, UUID personId) {
        return persons.labels(m, List.of(personId)).get(personId);
    }

    @Transactional
    void protect(CurrentUser officer, UUID personId, String category, String note) {
        String m = officer.municipalityCode();
        requirePerson(m, personId);
        FieldErrors errors = new FieldErrors();
        ProtectionCategory c = errors.oneOf("category", category, ProtectionCategory.class, "waarom de persoon wordt afgeschermd");
        errors.maxLength("note", note, "de toelichting", 1000);
        errors.throwIfAny();
        jdbc.sql("""
                INSERT INTO protected_person (municipality_code, person_id, category, note, protected_by, protected_at)
                VALUES (:m, :p, :c, :note, :by, :now)
                ON CONFLICT (municipality_code, person_id) DO UPDATE SET category = EXCLUDED.category, note = EXCLUDED.note
                """).param("m", m).param("p", personId).param("c", c.name()).param("note", FieldErrors.trimToNull(note))
                .param("by", officer.id()).param("now", OffsetDateTime.now(clock)).update();
        audit.record(officer, AuditAction.UPDATE, "PROTECTED_PERSON", personId.toString(), null, personId, "afgeschermd: " + c.name());
    }

    @Transactional
    void unprotect(CurrentUser officer, UUID personId) {
        String m = officer.municipalityCode();
        requirePerson(m, personId);
        jdbc.sql("DELETE FROM protected_person WHERE municipality_code = :m AND person_id = :p").param("m", m).param("p", personId).update();
        audit.record(officer, AuditAction.UPDATE, "PROTECTED_PERSON", personId.toString(), null, personId, "afscherming opgeheven");
    }

    @Transactional
    void addUser(CurrentUser officer, UUID personId, String username) {
        String m = officer.municipalityCode();
        requirePerson(m, personId);
        FieldErrors errors = new FieldErrors().required("username", username, "de gebruikersnaam", 60);
        errors.throwIfAny();
        if (protection(officer, personId).isEmpty()) {
            errors.add("username", "Scherm de persoon eerst af; daarna kunt u medewerkers aanwijzen.");
            errors.throwIfAny();
        }
        Optional<UUID> user = jdbc.sql("""
                SELECT u.id FROM app_user u
                 WHERE u.municipality_code = :m AND lower(u.username) = lower(:name) AND u.active
                   AND EXISTS (SELECT 1 FROM user_role r WHERE r.municipality_code = u.municipality_code AND r.user_id = u.id
                                AND r.role IN (:casework))
                """).param("m", m).param("name", username.strip())
                .param("casework", Role.CASEWORK.stream().map(Role::name).toList()).query(UUID.class).optional();
        if (user.isEmpty()) {
            errors.add("username", "Er is geen actieve medewerker met deze gebruikersnaam die met huishoudens werkt.");
            errors.throwIfAny();
        }
        jdbc.sql("""
                INSERT INTO protected_person_user (municipality_code, person_id, user_id, added_by, added_at)
                VALUES (:m, :p, :u, :by, :now) ON CONFLICT DO NOTHING
                """).param("m", m).param("p", personId).param("u", user.get()).param("by", officer.id())
                .param("now", OffsetDateTime.now(clock)).update();
        audit.record(officer, AuditAction.UPDATE, "PROTECTED_PERSON", personId.toString(), null, personId,
                "medewerker aangewezen: " + user.get());
    }

    @Transactional
    void removeUser(CurrentUser officer, UUID personId, UUID userId) {
        String m = officer.municipalityCode();
        requirePerson(m, personId);
        jdbc.sql("DELETE FROM protected_person_user WHERE municipality_code = :m AND person_id = :p AND user_id = :u")
                .param("m", m).param("p", personId).param("u", userId).update();
        audit.record(officer, AuditAction.UPDATE, "PROTECTED_PERSON", personId.toString(), null, personId,
                "medewerker niet meer aangewezen: " + userId);
    }

    private void requirePerson(String m, UUID personId) {
        if (personId == null || persons.labels(m, List.of(personId)).isEmpty()) {
            throw new NotFoundException("person");
        }
    }

    // ------------------------------------------------------------------------------------------------ alerts

    record AlertRow(long id, OffsetDateTime occurredAt, String username, UUID personId, UUID householdId, String route, String what,
                    OffsetDateTime seenAt) {
    }

    List<AlertRow> alerts(String m, int page) {
        return jdbc.sql("""
                SELECT id, occurred_at, username, person_id, household_id, route, what, seen_at FROM privacy_alert
                 WHERE municipality_code = :m ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("m", m).param("limit", ALERT_PAGE_SIZE + 1).param("offset", (long) page * ALERT_PAGE_SIZE)
                .query(AlertRow.class).list();
    }

    long unseen(String m) {
        return jdbc.sql("SELECT count(*) FROM privacy_alert WHERE municipality_code = :m AND seen_at IS NULL").param("m", m)
                .query(Long.class).single();
    }

    @Transactional
    void markSeen(CurrentUser officer, long id) {
        int n = jdbc.sql("""
                UPDATE privacy_alert SET seen_at = :now, seen_by = :by
                 WHERE municipality_code = :m AND id = :id AND seen_at IS NULL
                """).param("now", OffsetDateTime.now(clock)).param("by", officer.id()).param("m", officer.municipalityCode())
                .param("id", id).update();
        if (n == 0 && jdbc.sql("SELECT count(*) FROM privacy_alert WHERE municipality_code = :m AND id = :id")
                .param("m", officer.municipalityCode()).param("id", id).query(Long.class).single() == 0) {
            throw new NotFoundException("privacy alert");
        }
    }
}
