package nl.leefwereld.outcome.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.outcome.Basis;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and reading life-domain assessments; access checked, every read and change audited. */
@Service
class AssessmentService {

    static final String RECORD = "ASSESSMENT";

    private final AssessmentRepository repository;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ResidentRegister residents;
    private final Clock clock;

    AssessmentService(AssessmentRepository repository, AccessPolicy access, AuditLog audit, ResidentRegister residents, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.residents = residents;
        this.clock = clock;
    }

    /** The form as typed: field name → value (pro_DOMAIN, res_DOMAIN, basis_DOMAIN, assessedOn, personId, ...). */
    record AssessmentInput(Map<String, String> fields) {
        String get(String name) {
            String v = fields.get(name);
            return v == null ? "" : v;
        }
    }

    List<AssessmentRepository.Assessment> assessments(CurrentUser user, UUID householdId, String reason) {
        access.requireHouseholdAccess(user, householdId);
        List<AssessmentRepository.Assessment> list = repository.ofHousehold(user.municipalityCode(), householdId);
        if (!list.isEmpty()) {
            audit.recordAll(user, list.stream().map(a -> new AuditEntry(AuditAction.READ, RECORD, a.id().toString(), householdId,
                    a.personId(), reason)).toList());
        }
        return list;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public UUID record(CurrentUser user, UUID householdId, AssessmentInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("assessedOn", in.get("assessedOn"), "de datum van de meting", true);
        if (on != null && on.isAfter(today())) {
            e.add("assessedOn", "De datum van de meting kan niet in de toekomst liggen.");
        }
        UUID personId = e.optionalId("personId", in.get("personId"), "Kies een lid van het huishouden.");
        if (personId != null && !residents.householdsOf(user.municipalityCode(), personId).contains(householdId)) {
            e.add("personId", "Kies een lid van het huishouden.");
        }
        List<AssessmentRepository.Score> scores = new ArrayList<>();
        for (LifeDomain d : LifeDomain.values()) {
            Integer pro = level(e, "pro_" + d.name(), in.get("pro_" + d.name()), 5);
            Integer res = level(e, "res_" + d.name(), in.get("res_" + d.name()), 5);
            String basisText = in.get("basis_" + d.name()).strip();
            Basis basis = null;
            if (!basisText.isEmpty()) {
                basis = e.oneOf("basis_" + d.name(), basisText, Basis.class, "waar de score op steunt");
                if (pro == null && res == null) {
                    e.add("basis_" + d.name(), "Geef eerst een score voor " + d.label().toLowerCase() + ".");
                }
            }
            if (pro != null || res != null) {
                scores.add(new AssessmentRepository.Score(d.name(), pro, res, basis == null ? null : basis.name()));
            }
        }
        Integer step = level(e, "participationStep", in.get("participationStep"), 6);
        Integer calm = level(e, "calm", in.get("calm"), 5);
        Integer clean = level(e, "cleanliness", in.get("cleanliness"), 5);
        Integer routine = level(e, "routine", in.get("routine"), 5);
        e.maxLength("note", in.get("note"), "de toelichting", 1000);
        if (scores.isEmpty() && !e.has("assessedOn")) {
            e.add("pro_" + LifeDomain.FINANCES.name(), "Geef voor minstens één leefgebied een score.");
        }
        e.throwIfAny();
        UUID id = UUID.randomUUID();
        repository.insert(user.municipalityCode(), new AssessmentRepository.Assessment(id, householdId, personId, on, user.displayName(), step,
                calm, clean, routine, FieldErrors.trimToNull(in.get("note")), scores), user.id());
        audit.record(user, AuditAction.CREATE, RECORD, id.toString(), householdId, personId, "meting leefgebieden");
        return id;
    }

    /** An optional whole number 1..max; an error on the field for anything else. */
    private static Integer level(FieldErrors e, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException ex) {
            // below
        }
        e.add(field, "Kies een score van 1 tot en met " + max + ".");
        return null;
    }
}
