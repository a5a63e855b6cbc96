package nl.leefwereld.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.plan.AgreementDraft;
import nl.leefwereld.plan.AgreementForm;
import nl.leefwereld.plan.AgreementStatus;
import nl.leefwereld.plan.HouseholdPlans;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.plan.MeetingDecisions;
import nl.leefwereld.plan.PlanGoals;
import nl.leefwereld.plan.PlanItemRef;
import nl.leefwereld.plan.WhoKind;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household plan: reading (access checked, audited) and every change as a new immutable version. Inputs arrive as
 * typed (strings) and are checked here, so forms and API give the same Dutch errors.
 */
@Service
class PlanService implements HouseholdPlans, PlanGoals {

    static final String RECORD = "HOUSEHOLD_PLAN";
    static final int TEXT = 500;
    static final int LONG_TEXT = 1000;
    static final int NAME = 150;

    private final PlanRepository plans;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    PlanService(PlanRepository plans, AccessPolicy access, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    record GoalInput(String domain, String text, String providerGoal) {
    }

    record AgreementInput(String whoKind, String who, String what, String due, String checkDate, String goalId) {
    }

    record StatusInput(String status, String note, String fallbackUsed, String checkDate) {
    }

    record FrameworkInput(String fallback, String lowerBound, String lowerBoundSetBy, String sequencing, String reviewOn, String reviewNote) {
    }

    record ConsentInput(String agreedBy, String agreedOn, String form, boolean representative, String version) {
    }

    // ---- reading ----

    /** The current version (access checked, audited), or empty when the household has no plan yet. */
    Optional<PlanRepository.Version> current(CurrentUser user, UUID householdId, String reason) {
        access.requireHouseholdAccess(user, householdId);
        Optional<PlanRepository.Version> v = plans.current(user.municipalityCode(), householdId);
        v.ifPresent(p -> audit.record(user, AuditAction.READ, RECORD, p.planId() + ":" + p.version(), householdId, null, reason));
        return v;
    }

    /** A version (the current one when null) for the PDF: access checked, audited as an export. */
    PlanRepository.Version export(CurrentUser user, UUID householdId, Integer version) {
        access.requireHouseholdAccess(user, householdId);
        String m = user.municipalityCode();
        PlanRepository.Version v = (version == null ? plans.current(m, householdId) : plans.version(m, householdId, version))
                .orElseThrow(() -> new NotFoundException("plan"));
        audit.record(user, AuditAction.EXPORT, RECORD, v.planId() + ":" + v.version(), householdId, null, "huishoudplan als PDF");
        return v;
    }

    /** The current version for re-showing a form after an error; the page that follows audits its own read. */
    Optional<PlanRepository.Version> currentUnaudited(CurrentUser user, UUID householdId) {
        access.requireHouseholdAccess(user, householdId);
        return plans.current(user.municipalityCode(), householdId);
    }

    PlanRepository.Version version(CurrentUser user, UUID householdId, int version, String reason) {
        access.requireHouseholdAccess(user, householdId);
        PlanRepository.Version v = plans.version(user.municipalityCode(), householdId, version)
                .orElseThrow(() -> new NotFoundException("plan version"));
        audit.record(user, AuditAction.READ, RECORD, v.planId() + ":" + v.version(), householdId, null, reason);
        return v;
    }

    /** All versions without content (who changed what, when); audited as a read of the plan's history. */
    List<PlanRepository.VersionInfo> versions(CurrentUser user, UUID householdId, String reason) {
        access.requireHouseholdAccess(user, householdId);
        List<PlanRepository.VersionInfo> list = plans.versions(user.municipalityCode(), householdId);
        if (!list.isEmpty()) {
            audit.record(user, AuditAction.READ, "HOUSEHOLD_PLAN_VERSIONS", householdId.toString(), householdId, null, reason);
        }
        return list;
    }

    /** Every version with its content, oldest first (API). */
    List<PlanRepository.Version> allVersions(CurrentUser user, UUID householdId, String reason) {
        access.requireHouseholdAccess(user, householdId);
        List<PlanRepository.Version> out = plans.allVersions(user.municipalityCode(), householdId);
        if (!out.isEmpty()) {
            audit.record(user, AuditAction.READ, "HOUSEHOLD_PLAN_VERSIONS", householdId.toString(), householdId, null, reason);
        }
        return out;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public List<PlanItemRef> linkableItems(CurrentUser user, UUID householdId) {
        return current(user, householdId, "koppelen aan het plan").map(v -> {
            List<PlanItemRef> out = new ArrayList<>();
            for (PlanContent.Goal g : v.content().goals()) {
                out.add(new PlanItemRef("GOAL", g.id(), g.text(), g.domain()));
            }
            for (PlanContent.Agreement a : v.content().agreements()) {
                PlanContent.Goal g = v.content().goal(a.goalId());
                out.add(new PlanItemRef("AGREEMENT", a.id(), a.what(), g == null ? null : g.domain()));
            }
            return out;
        }).orElse(List.of());
    }

    @Override
    public Map<LifeDomain, List<String>> goalsByDomain(CurrentUser user, UUID householdId) {
        Map<LifeDomain, List<String>> out = new LinkedHashMap<>();
        current(user, householdId, "doelen bij de leefgebieden").ifPresent(v -> v.content().goals().forEach(g -> {
            if (g.lifeDomain() != null) {
                out.computeIfAbsent(g.lifeDomain(), d -> new ArrayList<>()).add(g.text());
            }
        }));
        return out;
    }

    // ---- changes: each a new version ----

    @Transactional
    public int addGoal(CurrentUser user, UUID householdId, GoalInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        LifeDomain domain = e.oneOf("goalDomain", in.domain(), LifeDomain.class, "een leefgebied");
        e.required("goalText", in.text(), "het doel in de woorden van de inwoner", TEXT);
        e.maxLength("providerGoal", in.providerGoal(), "het doel van de aanbieder", TEXT);
        e.throwIfAny();
        PlanContent.Goal goal = new PlanContent.Goal(UUID.randomUUID(), domain.name(), in.text().strip(), FieldErrors.trimToNull(in.providerGoal()));
        return save(user, householdId, null, "Doel toegevoegd (" + domain.label() + ")", c -> c.withGoal(goal));
    }

    @Transactional
    public int addAgreement(CurrentUser user, UUID householdId, AgreementInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        WhoKind kind = e.oneOf("whoKind", in.whoKind(), WhoKind.class, "wie het doet (soort)");
        e.required("who", in.who(), "wie het doet", NAME);
        e.required("what", in.what(), "wat er gebeurt", TEXT);
        LocalDate due = e.date("due", in.due(), "de datum waarop het klaar is", true);
        LocalDate check = e.date("checkDate", in.checkDate(), "de datum van de controle", false);
        UUID goalId = e.optionalId("goalId", in.goalId(), "Kies een doel uit de lijst.");
        e.throwIfAny();
        PlanContent.Agreement a = new PlanContent.Agreement(UUID.randomUUID(), kind.name(), in.who().strip(), in.what().strip(), due,
                check == null ? due : check, AgreementStatus.OPEN.name(), null, null, goalId, null);
        return save(user, householdId, null, "Afspraak toegevoegd", c -> {
            if (goalId != null && c.goal(goalId) == null) {
                throw InvalidInputException.of("goalId", "Kies een doel uit de lijst.");
            }
            return c.withAgreements(List.of(a));
        });
    }

    @Transactional
    public int updateAgreement(CurrentUser user, UUID householdId, UUID agreementId, StatusInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        AgreementStatus status = e.oneOf("status", in.status(), AgreementStatus.class, "de stand van de afspraak");
        e.maxLength("note", in.note(), "de toelichting", TEXT);
        LocalDate check = e.date("checkDate", in.checkDate(), "de nieuwe datum van de controle", false);
        Boolean fallbackUsed = null;
        if (status == AgreementStatus.NOT_DONE || status == AgreementStatus.REPLACED) {
            e.required("note", in.note(), "wat er is gebeurd (toelichting)", TEXT);
        }
        if (status == AgreementStatus.NOT_DONE) {
            String f = in.fallbackUsed() == null ? "" : in.fallbackUsed().strip();
            if (f.equals("JA") || f.equals("NEE")) {
                fallbackUsed = f.equals("JA");
            } else {
                e.add("fallbackUsed", "Kies of het terugvalplan is gebruikt.");
            }
        }
        e.throwIfAny();
        Boolean used = fallbackUsed;
        return save(user, householdId, null, "Afspraak bijgewerkt: " + status.label().toLowerCase(), c -> {
            PlanContent.Agreement a = c.agreement(agreementId);
            if (a == null) {
                throw new NotFoundException("agreement");
            }
            return c.withAgreementReplaced(new PlanContent.Agreement(a.id(), a.whoKind(), a.who(), a.what(), a.due(),
                    check != null ? check : a.checkDate(), status.name(), FieldErrors.trimToNull(in.note()), used, a.goalId(), a.origin()));
        });
    }

    @Transactional
    public int setFramework(CurrentUser user, UUID householdId, FrameworkInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        e.maxLength("fallback", in.fallback(), "het terugvalplan", LONG_TEXT);
        e.maxLength("lowerBound", in.lowerBound(), "de ondergrens", LONG_TEXT);
        e.maxLength("lowerBoundSetBy", in.lowerBoundSetBy(), "wie de ondergrens stelde", NAME);
        if (FieldErrors.trimToNull(in.lowerBound()) != null && FieldErrors.trimToNull(in.lowerBoundSetBy()) == null) {
            e.add("lowerBoundSetBy", "Vul in wie de ondergrens stelde, bijvoorbeeld Veilig Thuis.");
        }
        e.maxLength("sequencing", in.sequencing(), "de volgorde", LONG_TEXT);
        LocalDate review = e.date("reviewOn", in.reviewOn(), "de datum van de evaluatie", false);
        e.maxLength("reviewNote", in.reviewNote(), "waarop de evaluatie volgt", TEXT);
        if (review != null && FieldErrors.trimToNull(in.reviewNote()) == null) {
            e.add("reviewNote", "Vul in bij welke voortgang u evalueert, bijvoorbeeld: als de schulden in beeld zijn.");
        }
        e.throwIfAny();
        List<String> steps = in.sequencing() == null ? List.of()
                : Arrays.stream(in.sequencing().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return save(user, householdId, null, "Terugvalplan, ondergrens, volgorde of evaluatie bijgewerkt",
                c -> unchanged(c, c.withFramework(FieldErrors.trimToNull(in.fallback()), FieldErrors.trimToNull(in.lowerBound()),
                        FieldErrors.trimToNull(in.lowerBound()) == null ? null : FieldErrors.trimToNull(in.lowerBoundSetBy()), steps, review,
                        review == null ? null : FieldErrors.trimToNull(in.reviewNote()))));
    }

    /** No version without a change: the same content again is refused. */
    private static PlanContent unchanged(PlanContent current, PlanContent next) {
        if (current.equals(next)) {
            throw InvalidInputException.of("fallback", "Er is niets gewijzigd.");
        }
        return next;
    }

    @Transactional
    public int recordResidentAgreement(CurrentUser user, UUID householdId, ConsentInput in) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        e.required("agreedBy", in.agreedBy(), "wie instemt", NAME);
        LocalDate on = e.date("agreedOn", in.agreedOn(), "de datum van instemming", true);
        if (on != null && on.isAfter(today())) {
            e.add("agreedOn", "De datum van instemming kan niet in de toekomst liggen.");
        }
        AgreementForm form = e.oneOf("agreedForm", in.form(), AgreementForm.class, "hoe is ingestemd");
        Integer version = null;
        if (in.version() != null && !in.version().isBlank()) {
            try {
                version = Integer.valueOf(in.version().strip());
            } catch (NumberFormatException ex) {
                e.add("agreedBy", "Laad de pagina opnieuw: het versienummer van het plan klopt niet.");
            }
        }
        if (plans.current(user.municipalityCode(), householdId).isEmpty()) {
            e.add("agreedBy", "Er is nog geen plan om mee in te stemmen.");
        }
        e.throwIfAny();
        // The version that records the agreement is the one agreed to: the plan as shown, with the agreement added.
        // The version shown (when given) must still be the current one, else the resident agreed to something else.
        return save(user, householdId, null, "Instemming van de inwoner vastgelegd", c -> c, version, (c, next) -> c.withResidentAgreement(
                new PlanContent.ResidentAgreement(in.agreedBy().strip(), on, form.name(), in.representative(), next)));
    }

    @Override
    @Transactional
    public int recordMeetingDecisions(CurrentUser user, UUID householdId, MeetingDecisions d) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors e = new FieldErrors();
        if (d == null) {
            throw InvalidInputException.of("decisions", "Geef de besluiten van de bijeenkomst mee.");
        }
        e.required("meetingLabel", d.meetingLabel(), "de naam van de bijeenkomst", NAME);
        e.maxLength("fallback", d.fallback(), "het terugvalplan", LONG_TEXT);
        e.maxLength("lowerBound", d.lowerBound(), "de ondergrens", LONG_TEXT);
        e.maxLength("lowerBoundSetBy", d.lowerBoundSetBy(), "wie de ondergrens stelde", NAME);
        if (FieldErrors.trimToNull(d.lowerBound()) != null && FieldErrors.trimToNull(d.lowerBoundSetBy()) == null) {
            e.add("lowerBoundSetBy", "Vul in wie de ondergrens stelde, bijvoorbeeld Veilig Thuis.");
        }
        List<AgreementDraft> drafts = d.agreements() == null ? List.of() : d.agreements();
        List<PlanContent.Agreement> added = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AgreementDraft a = drafts.get(i);
            String p = "agreements[" + i + "].";
            if (a == null) {
                e.add(p + "what", "Deze afspraak is leeg.");
                continue;
            }
            WhoKind kind = e.oneOf(p + "whoKind", a.whoKind(), WhoKind.class, "wie het doet (soort)");
            e.required(p + "who", a.who(), "wie het doet", NAME);
            e.required(p + "what", a.what(), "wat er gebeurt", TEXT);
            e.check(a.due() != null, p + "due", "Vul in wanneer het klaar is.");
            if (kind != null && a.who() != null && !a.who().isBlank() && a.what() != null && !a.what().isBlank() && a.due() != null) {
                added.add(new PlanContent.Agreement(UUID.randomUUID(), kind.name(), a.who().strip(), a.what().strip(), a.due(),
                        a.checkDate() == null ? a.due() : a.checkDate(), AgreementStatus.OPEN.name(), null, null, null, d.meetingLabel().strip()));
            }
        }
        e.throwIfAny();
        String summary = "Besluiten van " + d.meetingLabel().strip();
        return save(user, householdId, d.meetingId(), summary.length() > 300 ? summary.substring(0, 300) : summary, c -> {
            PlanContent next = c.withAgreements(added);
            String fallback = FieldErrors.trimToNull(d.fallback()) != null ? d.fallback().strip() : next.fallback();
            boolean newBound = FieldErrors.trimToNull(d.lowerBound()) != null;
            return next.withFramework(fallback, newBound ? d.lowerBound().strip() : next.lowerBound(),
                    newBound ? d.lowerBoundSetBy().strip() : next.lowerBoundSetBy(), next.sequencing(), next.reviewOn(), next.reviewNote());
        });
    }

    private interface Change {
        PlanContent apply(PlanContent current);
    }

    private interface VersionedChange {
        PlanContent apply(PlanContent current, int nextVersion);
    }

    private int save(CurrentUser user, UUID householdId, UUID meetingId, String summary, Change change) {
        return save(user, householdId, meetingId, summary, change, null, (c, next) -> c);
    }

    /** Locks the plan, applies the change to the current content and stores it as the next version; audited after commit. */
    private int save(CurrentUser user, UUID householdId, UUID meetingId, String summary, Change change, Integer expectedVersion,
                     VersionedChange then) {
        String m = user.municipalityCode();
        UUID planId = plans.lockPlan(m, householdId);
        int last = plans.lastVersion(m, planId);
        if (expectedVersion != null && expectedVersion != last) {
            throw InvalidInputException.of("agreedBy", "Het plan is intussen gewijzigd (nu versie " + last
                    + "). Bekijk de nieuwe versie en leg de instemming daarmee vast.");
        }
        PlanContent current = last == 0 ? PlanContent.empty() : plans.version(m, householdId, last).orElseThrow().content();
        int version = last + 1;
        PlanContent next = then.apply(change.apply(current), version);
        plans.insertVersion(m, planId, version, householdId, user.id(), user.displayName(), summary, meetingId, next);
        audit.record(user, version == 1 ? AuditAction.CREATE : AuditAction.UPDATE, RECORD, planId + ":" + version, householdId, null, summary);
        return version;
    }
}
