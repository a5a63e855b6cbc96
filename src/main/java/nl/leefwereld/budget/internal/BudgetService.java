package nl.leefwereld.budget.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.budget.BudgetCategory;
import nl.leefwereld.budget.BudgetStatus;
import nl.leefwereld.budget.Iban;
import nl.leefwereld.budget.Money;
import nl.leefwereld.budget.PayeeKind;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.plan.HouseholdPlans;
import nl.leefwereld.plan.PlanItemRef;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom-budget requests: asked by a case director of the household's team, decided by the team (quorum, the requester
 * never approves their own, one rejection ends it when so configured), paid through a payment batch. Every read and
 * change checks household access and the team, and is audited.
 */
@Service
class BudgetService {

    static final String RECORD = "BUDGET_REQUEST";
    static final Duration PAY_WITHIN = Duration.ofHours(24);

    record Draft(String payeeKind, String payeeName, String payeeIban, String invoiceReference, String residentReason, String amount,
                 String purpose, String category, String problemSolved, String costsPrevented, String preventedAmount,
                 String recurrencePrevention, String reflectionReturn, String reflectionLegitimacy, String reflectionInvolvement,
                 boolean standardTried, String standardOptions, String planItem) {}

    record Request(UUID id, UUID householdId, UUID teamId, UUID requestedBy, String requestedByName, PayeeKind payeeKind, String payeeName,
                   String payeeIban, String invoiceReference, String residentReason, long amountCents, String purpose, BudgetCategory category,
                   String problemSolved, String costsPrevented, Long preventedCents, String recurrencePrevention, String reflectionReturn,
                   String reflectionLegitimacy, String reflectionInvolvement, boolean standardTried, String standardOptions, String planItemKind,
                   UUID planItemId, String planItemLabel, BudgetStatus status, OffsetDateTime requestedAt, OffsetDateTime decidedAt,
                   OffsetDateTime paidAt) {

        public String amount() {
            return Money.format(amountCents);
        }

        public String prevented() {
            return preventedCents == null ? "" : Money.format(preventedCents);
        }

        public boolean paid() {
            return status == BudgetStatus.PAID;
        }

        /** Hours since approval while unpaid (the 24-hour promise); 0 otherwise. */
        public long hoursUnpaid(OffsetDateTime now) {
            // never negative: a clock set back (or a decision recorded ahead of it) is "just now", not minus hours
            return status.committed() && decidedAt != null ? Math.max(0, Duration.between(decidedAt, now).toHours()) : 0;
        }

        public boolean late(OffsetDateTime now) {
            return status.committed() && decidedAt != null && Duration.between(decidedAt, now).compareTo(PAY_WITHIN) > 0;
        }

        /** Age since the request, in whole days. */
        public long ageDays(OffsetDateTime now) {
            return Duration.between(requestedAt, now).toDays();
        }
    }

    record Decision(UUID memberId, String memberName, boolean approve, String remark, OffsetDateTime decidedAt) {}

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final HouseholdPlans plans;
    private final BudgetSettings settings;
    private final Clock clock;

    BudgetService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, HouseholdPlans plans, BudgetSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    int quorum() {
        return settings.quorum;
    }

    /** The team of the household's case; a household without a case has no team that may ask. */
    Optional<UUID> teamOf(String m, UUID householdId) {
        return jdbc.sql("SELECT team_id FROM care_case WHERE municipality_code = :m AND household_id = :h")
                .param("m", m).param("h", householdId).query(UUID.class).optional();
    }

    static boolean decides(CurrentUser user) {
        return user.has(Role.CASE_DIRECTOR) || user.has(Role.TEAM_LEAD);
    }

    /** Household access (audited basis) and membership of the household's team, as case director or team lead. */
    UUID requireTeam(CurrentUser user, UUID householdId) {
        access.requireHouseholdAccess(user, householdId);
        UUID team = teamOf(user.municipalityCode(), householdId).orElse(null);
        if (team == null || !team.equals(user.teamId()) || !decides(user)) {
            throw new NoAccessException(householdId);
        }
        return team;
    }

    boolean isTeamOf(CurrentUser user, UUID householdId) {
        UUID team = teamOf(user.municipalityCode(), householdId).orElse(null);
        return team != null && team.equals(user.teamId()) && decides(user);
    }

    List<PlanItemRef> linkable(CurrentUser user, UUID householdId) {
        return plans.linkableItems(user, householdId);
    }

    @Transactional
    UUID create(CurrentUser user, UUID householdId, Draft d) {
        UUID team = requireTeam(user, householdId);
        List<PlanItemRef> items = plans.linkableItems(user, householdId);
        FieldErrors errors = new FieldErrors();
        PayeeKind kind = null;
        try {
            kind = d.payeeKind() == null || d.payeeKind().isBlank() ? null : PayeeKind.valueOf(d.payeeKind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            errors.add("payeeKind", "Kies aan wie het geld gaat.");
        }
        errors.required("payeeName", d.payeeName(), "de naam van de ontvanger", 140);
        String iban = Iban.normalise(d.payeeIban());
        if (d.payeeIban() == null || d.payeeIban().isBlank()) {
            errors.add("payeeIban", "Vul het IBAN van de ontvanger in.");
        } else if (iban == null) {
            errors.add("payeeIban", "Dit IBAN klopt niet. Controleer de letters en cijfers.");
        }
        errors.required("invoiceReference", d.invoiceReference(), "het factuurnummer of kenmerk", 35);
        if (kind == PayeeKind.RESIDENT) {
            errors.required("residentReason", d.residentReason(), "waarom het geld naar de inwoner gaat", 2000);
        } else {
            errors.maxLength("residentReason", d.residentReason(), "de reden", 2000);
        }
        Long cents = Money.parseCents(d.amount());
        if (d.amount() == null || d.amount().isBlank()) {
            errors.add("amount", "Vul het bedrag in.");
        } else if (cents == null || cents <= 0) {
            errors.add("amount", "Vul een bedrag in euro's in, bijvoorbeeld 245,50.");
        }
        errors.required("purpose", d.purpose(), "waarvoor het geld is", 2000);
        BudgetCategory category = null;
        try {
            category = d.category() == null || d.category().isBlank() ? null : BudgetCategory.valueOf(d.category());
        } catch (IllegalArgumentException e) {
            category = null;
        }
        if (category == null) {
            errors.add("category", "Kies een soort uitgave.");
        }
        errors.required("problemSolved", d.problemSolved(), "welk probleem dit oplost", 2000);
        errors.required("costsPrevented", d.costsPrevented(), "welke maatschappelijke kosten dit voorkomt", 2000);
        Long prevented = null;
        if (d.preventedAmount() != null && !d.preventedAmount().isBlank()) {
            prevented = Money.parseCents(d.preventedAmount());
            if (prevented == null) {
                errors.add("preventedAmount", "Vul een bedrag in euro's in, bijvoorbeeld 12.000,00, of laat het leeg.");
            }
        }
        errors.required("recurrencePrevention", d.recurrencePrevention(), "wat de inwoner doet zodat het niet opnieuw gebeurt", 2000);
        errors.required("reflectionReturn", d.reflectionReturn(), "de reflectie op rendement", 2000);
        errors.required("reflectionLegitimacy", d.reflectionLegitimacy(), "de reflectie op legitimiteit", 2000);
        errors.required("reflectionInvolvement", d.reflectionInvolvement(), "de reflectie op betrokkenheid", 2000);
        if (d.standardTried()) {
            errors.required("standardOptions", d.standardOptions(), "welke gewone mogelijkheden zijn geprobeerd", 2000);
        } else {
            errors.maxLength("standardOptions", d.standardOptions(), "de gewone mogelijkheden", 2000);
        }
        PlanItemRef item = null;
        if (items.isEmpty()) {
            errors.add("planItem", "Dit huishouden heeft nog geen plan. Maak eerst een plan met een doel of afspraak.");
        } else if (d.planItem() == null || d.planItem().isBlank()) {
            errors.add("planItem", "Kies het doel of de afspraak uit het plan waar deze aanvraag bij hoort.");
        } else {
            item = items.stream().filter(i -> i.id().toString().equals(d.planItem())).findFirst().orElse(null);
            if (item == null) {
                errors.add("planItem", "Kies een doel of afspraak uit het huidige plan.");
            }
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO budget_request (municipality_code, id, household_id, team_id, requested_by, payee_kind, payee_name, payee_iban,
                    invoice_reference, resident_reason, amount_cents, purpose, category, problem_solved, costs_prevented, prevented_cents,
                    recurrence_prevention, reflection_return, reflection_legitimacy, reflection_involvement, standard_tried, standard_options,
                    plan_item_kind, plan_item_id, plan_item_label, status, requested_at)
                VALUES (:m, :id, :h, :team, :by, :pk, :pn, :iban, :ref, :reason, :cents, :purpose, :cat, :problem, :costs, :prevented,
                    :recurrence, :rr, :rl, :ri, :tried, :options, :ik, :iid, :il, 'REQUESTED', :at)""")
                .param("m", user.municipalityCode()).param("id", id).param("h", householdId).param("team", team).param("by", user.id())
                .param("pk", kind.name()).param("pn", d.payeeName().strip()).param("iban", iban).param("ref", d.invoiceReference().strip())
                .param("reason", kind == PayeeKind.RESIDENT ? d.residentReason().strip() : null).param("cents", cents)
                .param("purpose", d.purpose().strip()).param("cat", category.name()).param("problem", d.problemSolved().strip())
                .param("costs", d.costsPrevented().strip()).param("prevented", prevented).param("recurrence", d.recurrencePrevention().strip())
                .param("rr", d.reflectionReturn().strip()).param("rl", d.reflectionLegitimacy().strip()).param("ri", d.reflectionInvolvement().strip())
                .param("tried", d.standardTried()).param("options", blankToNull(d.standardOptions()))
                .param("ik", item.kind()).param("iid", item.id()).param("il", truncate(item.label(), 500)).param("at", now())
                .update();
        audit.record(user, AuditAction.CREATE, RECORD, id.toString(), householdId, null, "aanvraag maatwerkbudget");
        return id;
    }

    /** The household's requests the user's team may see (none for anyone outside the team). */
    List<Request> forHousehold(CurrentUser user, UUID householdId) {
        if (!isTeamOf(user, householdId)) {
            return List.of();
        }
        List<Request> list = select("WHERE r.municipality_code = :m AND r.household_id = :h AND r.team_id = :t ORDER BY r.requested_at DESC",
                Map.of("m", user.municipalityCode(), "h", householdId, "t", user.teamId()));
        audit.recordAll(user, list.stream().map(r -> AuditEntry.read(RECORD, r.id(), householdId, null, "huishoudpagina")).toList());
        return list;
    }

    Request read(CurrentUser user, UUID householdId, UUID requestId) {
        requireTeam(user, householdId);
        Request r = find(user.municipalityCode(), requestId).filter(x -> x.householdId().equals(householdId) && x.teamId().equals(user.teamId()))
                .orElseThrow(() -> new NotFoundException("budget request"));
        audit.read(user, RECORD, requestId, householdId, null, "aanvraag bekijken");
        return r;
    }

    List<Decision> decisions(String m, UUID requestId) {
        return jdbc.sql("""
                SELECT d.member_id, u.display_name, d.approve, d.remark, d.decided_at FROM budget_decision d
                LEFT JOIN app_user u ON u.municipality_code = d.municipality_code AND u.id = d.member_id
                WHERE d.municipality_code = :m AND d.request_id = :r ORDER BY d.decided_at""")
                .param("m", m).param("r", requestId)
                .query((rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    /**
     * A team member's decision. The request row is locked for the decision, and (request, member) is unique, so
     * concurrent approvals count once each and the state changes once, when the quorum is reached.
     */
    @Transactional
    BudgetStatus decide(CurrentUser user, UUID householdId, UUID requestId, String decision, String remark) {
        requireTeam(user, householdId);
        FieldErrors errors = new FieldErrors();
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            errors.add("decision", "Kies goedkeuren of afwijzen.");
        }
        errors.required("remark", remark, "een toelichting bij uw besluit", 2000);
        errors.throwIfAny();
        String m = user.municipalityCode();
        Optional<String> locked = jdbc.sql("""
                SELECT status FROM budget_request WHERE municipality_code = :m AND id = :id AND household_id = :h AND team_id = :t FOR UPDATE""")
                .param("m", m).param("id", requestId).param("h", householdId).param("t", user.teamId()).query(String.class).optional();
        if (locked.isEmpty()) {
            throw new NotFoundException("budget request");
        }
        BudgetStatus status = BudgetStatus.valueOf(locked.get());
        Request r = find(m, requestId).orElseThrow();
        if (r.requestedBy().equals(user.id())) {
            throw InvalidInputException.of("decision", "U heeft deze aanvraag zelf gedaan. Twee andere teamleden besluiten erover.");
        }
        if (status != BudgetStatus.REQUESTED) {
            throw InvalidInputException.of("decision", "Over deze aanvraag is al besloten (" + status.label().toLowerCase() + ").");
        }
        boolean approve = "APPROVE".equals(decision);
        int inserted = jdbc.sql("""
                INSERT INTO budget_decision (municipality_code, request_id, member_id, approve, remark, decided_at)
                VALUES (:m, :r, :u, :a, :remark, :at) ON CONFLICT DO NOTHING""")
                .param("m", m).param("r", requestId).param("u", user.id()).param("a", approve).param("remark", remark.strip())
                .param("at", now()).update();
        if (inserted == 0) {
            throw InvalidInputException.of("decision", "U heeft al besloten over deze aanvraag.");
        }
        BudgetStatus next = status;
        if (!approve && settings.rejectionEnds) {
            next = BudgetStatus.REJECTED;
        } else if (approve) {
            long approvals = jdbc.sql("SELECT count(*) FROM budget_decision WHERE municipality_code = :m AND request_id = :r AND approve")
                    .param("m", m).param("r", requestId).query(Long.class).single();
            if (approvals >= settings.quorum) {
                next = BudgetStatus.APPROVED;
            }
        }
        if (next != status) {
            move(m, requestId, status, next);
        }
        audit.record(user, AuditAction.UPDATE, RECORD, requestId.toString(), householdId, null, approve ? "goedgekeurd" : "afgewezen");
        return next;
    }

    /** A state change, only along the allowed transitions and only from the state read under the lock. */
    void move(String m, UUID requestId, BudgetStatus from, BudgetStatus to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("budget request cannot move from " + from + " to " + to);
        }
        String stamp = switch (to) {
            case APPROVED, REJECTED -> ", decided_at = :at";
            case PAID -> ", paid_at = :at";
            default -> "";
        };
        int n = jdbc.sql("UPDATE budget_request SET status = :to" + stamp + " WHERE municipality_code = :m AND id = :id AND status = :from")
                .param("to", to.name()).param("m", m).param("id", requestId).param("from", from.name())
                .param("at", now()).update();
        if (n != 1) {
            throw new IllegalStateException("budget request changed concurrently");
        }
    }

    /** Requests of the user's team still waiting for the user's decision (not their own, not yet decided by them). */
    List<Request> waitingFor(CurrentUser user) {
        if (user.teamId() == null || !decides(user)) {
            return List.of();
        }
        List<Request> list = select("""
                WHERE r.municipality_code = :m AND r.team_id = :t AND r.status = 'REQUESTED' AND r.requested_by <> :u
                  AND NOT EXISTS (SELECT 1 FROM budget_decision d WHERE d.municipality_code = r.municipality_code AND d.request_id = r.id AND d.member_id = :u)
                ORDER BY r.requested_at""", Map.of("m", user.municipalityCode(), "t", user.teamId(), "u", user.id()));
        auditList(user, list, "maatwerkbudget team");
        return list;
    }

    /** All requests of the user's team in one of these states (for the team page). */
    List<Request> teamRequests(CurrentUser user, List<BudgetStatus> states) {
        if (user.teamId() == null || !decides(user)) {
            return List.of();
        }
        List<Request> list = select("WHERE r.municipality_code = :m AND r.team_id = :t AND r.status IN (:s) ORDER BY r.requested_at",
                Map.of("m", user.municipalityCode(), "t", user.teamId(), "s", states.stream().map(Enum::name).toList()));
        auditList(user, list, "maatwerkbudget team");
        return list;
    }

    void auditList(CurrentUser user, List<Request> list, String reason) {
        if (!list.isEmpty()) {
            audit.recordAll(user, list.stream().map(r -> AuditEntry.read(RECORD, r.id(), r.householdId(), null, reason)).toList());
        }
    }

    Optional<Request> find(String m, UUID id) {
        return select("WHERE r.municipality_code = :m AND r.id = :id", Map.of("m", m, "id", id)).stream().findFirst();
    }

    List<Request> select(String where, Map<String, ?> params) {
        return jdbc.sql("""
                SELECT r.id, r.household_id, r.team_id, r.requested_by, u.display_name, r.payee_kind, r.payee_name, r.payee_iban, r.invoice_reference,
                       r.resident_reason, r.amount_cents, r.purpose, r.category, r.problem_solved, r.costs_prevented, r.prevented_cents,
                       r.recurrence_prevention, r.reflection_return, r.reflection_legitimacy, r.reflection_involvement, r.standard_tried,
                       r.standard_options, r.plan_item_kind, r.plan_item_id, r.plan_item_label, r.status, r.requested_at, r.decided_at, r.paid_at
                FROM budget_request r LEFT JOIN app_user u ON u.municipality_code = r.municipality_code AND u.id = r.requested_by
                """ + where).params(params).query(BudgetService::map).list();
    }

    static Request map(ResultSet rs, int n) throws SQLException {
        long prevented = rs.getLong("prevented_cents");
        return new Request(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class), rs.getObject("team_id", UUID.class),
                rs.getObject("requested_by", UUID.class), rs.getString("display_name"), PayeeKind.valueOf(rs.getString("payee_kind")),
                rs.getString("payee_name"), rs.getString("payee_iban"), rs.getString("invoice_reference"), rs.getString("resident_reason"),
                rs.getLong("amount_cents"), rs.getString("purpose"), BudgetCategory.valueOf(rs.getString("category")),
                rs.getString("problem_solved"), rs.getString("costs_prevented"), rs.wasNull() ? null : prevented,
                rs.getString("recurrence_prevention"), rs.getString("reflection_return"), rs.getString("reflection_legitimacy"),
                rs.getString("reflection_involvement"), rs.getBoolean("standard_tried"), rs.getString("standard_options"),
                rs.getString("plan_item_kind"), rs.getObject("plan_item_id", UUID.class), rs.getString("plan_item_label"),
                BudgetStatus.valueOf(rs.getString("status")), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("paid_at", OffsetDateTime.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static List<UUID> ids(List<Request> list) {
        return new ArrayList<>(list.stream().map(Request::id).toList());
    }
}
