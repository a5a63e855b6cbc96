package nl.leefwereld.wmo.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.catalog.Catalog;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.catalog.ProductCategory;
import nl.leefwereld.catalog.Provision;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.Relation;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.intake.NotificationLookup;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.wmo.CoPayment;
import nl.leefwereld.wmo.LegalTerms;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.ObjectionDecision;
import nl.leefwereld.wmo.Pgb;
import nl.leefwereld.wmo.RequestState;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.Terms;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal process per request: melding (confirmed), persoonlijk plan, onderzoek with the order of support, aanvraag,
 * beschikking (with provisions, co-payment, pgb), bezwaar; suspension and extension of the running term. Every read
 * checks the household through {@link AccessPolicy} and is audited; every change is audited and in the request's history.
 */
@Service
class WmoService {

    static final Map<String, String> FREQUENCIES = new LinkedHashMap<>();

    static {
        FREQUENCIES.put("1", "per dag");
        FREQUENCIES.put("2", "per week");
        FREQUENCIES.put("4", "per maand");
        FREQUENCIES.put("6", "in totaal");
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Households households;
    private final NotificationLookup notifications;
    private final Catalog catalog;
    private final Terms terms;

    WmoService(JdbcClient jdbc, Clock clock, AccessPolicy access, AuditLog audit, Households households, NotificationLookup notifications,
               Catalog catalog, Terms terms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.households = households;
        this.notifications = notifications;
        this.catalog = catalog;
        this.terms = terms;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------------------------------ reads

    /** The request with its terms; checks access to its household and audits the read. Unknown (or another municipality's): 404. */
    WmoRequest find(CurrentUser me, UUID id, String reason) {
        Row row = row(me.municipalityCode(), id).orElseThrow(() -> new NotFoundException("wmo request"));
        access.requireHouseholdAccess(me, row.householdId());
        audit.read(me, "WMO_REQUEST", id, row.householdId(), row.personId(), reason);
        return view(me.municipalityCode(), row, residentName(me, row));
    }

    List<WmoRequest> ofHousehold(CurrentUser me, UUID householdId, String reason) {
        access.requireHouseholdAccess(me, householdId);
        List<Row> rows = jdbc.sql("SELECT * FROM wmo_request WHERE municipality_code = ? AND household_id = ? ORDER BY melding_on DESC, created_at DESC")
                .params(me.municipalityCode(), householdId).query(WmoService::row).list();
        if (!rows.isEmpty()) {
            audit.recordAll(me, rows.stream().map(r -> AuditEntry.read("WMO_REQUEST", r.id(), r.householdId(), r.personId(), reason)).toList());
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        return rows.stream().map(r -> view(me.municipalityCode(), r, names.computeIfAbsent(r.personId(), p -> nameOf(me, r)))).toList();
    }

    private String residentName(CurrentUser me, Row row) {
        return nameOf(me, row);
    }

    private String nameOf(CurrentUser me, Row row) {
        return jdbc.sql("SELECT first_name || ' ' || last_name FROM person WHERE municipality_code = ? AND id = ?")
                .params(me.municipalityCode(), row.personId()).query(String.class).optional().orElse("?");
    }

    Optional<Row> row(String m, UUID id) {
        return jdbc.sql("SELECT * FROM wmo_request WHERE municipality_code = ? AND id = ?").params(m, id).query(WmoService::row).optional();
    }

    record Row(UUID id, UUID householdId, UUID personId, UUID notificationId, UUID teamId, Law law, RequestState state, LocalDate meldingOn,
               LocalDate confirmedOn, String question, LocalDate personalPlanOn, String personalPlan, LocalDate investigatedOn,
               String ownStrength, String network, String usualHelp, String generalConsidered, String whyNotEnough, boolean customProposed,
               LocalDate aanvraagOn, LocalDate decidedOn, String outcome, String grounds, Long copaymentCents, String copaymentNote,
               LocalDate objectionOn, String objectionGrounds, boolean objectionCommittee, LocalDate objectionDecidedOn,
               String objectionOutcome, String objectionDecisionGrounds) {
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("notification_id", UUID.class), rs.getObject("team_id", UUID.class), Law.valueOf(rs.getString("law")),
                RequestState.valueOf(rs.getString("state")), date(rs, "melding_on"), date(rs, "confirmed_on"), rs.getString("question"),
                date(rs, "personal_plan_on"), rs.getString("personal_plan"), date(rs, "investigated_on"), rs.getString("own_strength"),
                rs.getString("network"), rs.getString("usual_help"), rs.getString("general_considered"), rs.getString("why_not_enough"),
                rs.getBoolean("custom_proposed"), date(rs, "aanvraag_on"), date(rs, "decided_on"), rs.getString("outcome"), rs.getString("grounds"),
                rs.getObject("copayment_cents", Long.class), rs.getString("copayment_note"), date(rs, "objection_on"), rs.getString("objection_grounds"),
                rs.getBoolean("objection_committee"), date(rs, "objection_decided_on"), rs.getString("objection_outcome"),
                rs.getString("objection_decision_grounds"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private WmoRequest view(String m, Row r, String residentName) {
        List<WmoRequest.DecisionLine> lines = jdbc.sql("""
                        SELECT l.*, v.name AS provision_name, v.product_category, p.name AS provider_name FROM wmo_decision_line l
                        JOIN provision v ON v.municipality_code = l.municipality_code AND v.id = l.provision_id
                        LEFT JOIN provider p ON p.municipality_code = l.municipality_code AND p.id = l.provider_id
                        WHERE l.municipality_code = ? AND l.request_id = ? ORDER BY l.start_on""")
                .params(m, r.id()).query((rs, i) -> {
                    ProductCategory c = ProductCategory.ofCode(rs.getString("product_category")).orElse(null);
                    nl.leefwereld.catalog.Unit u = nl.leefwereld.catalog.Unit.ofCode(rs.getString("unit")).orElseThrow();
                    return new WmoRequest.DecisionLine(rs.getObject("id", UUID.class), rs.getObject("provision_id", UUID.class),
                            rs.getString("provision_name"), c == null ? null : c.code(), c == null ? null : c.label(), rs.getString("form"),
                            rs.getBigDecimal("volume"), u.plural(), FREQUENCIES.get(rs.getString("frequency")), date(rs, "start_on"), date(rs, "end_on"),
                            rs.getString("provider_name"), rs.getLong("tariff_cents"), rs.getObject("pgb_asked_cents", Long.class),
                            rs.getObject("pgb_cap_cents", Long.class), rs.getObject("pgb_amount_cents", Long.class), rs.getString("pgb_can_manage"),
                            rs.getString("pgb_motivated"), rs.getString("pgb_quality"), date(rs, "care_agreement_on"));
                }).list();
        List<String> history = jdbc.sql("""
                        SELECT to_char(occurred_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI') || ' – ' || actor_name || ': ' || summary
                        FROM wmo_request_event WHERE municipality_code = ? AND request_id = ? ORDER BY id""")
                .params(m, r.id()).query(String.class).list();
        List<Change> changes = changes(m, r.id());
        return new WmoRequest(r.id(), r.householdId(), r.personId(), residentName, r.notificationId(), r.teamId(), r.law(), r.state(),
                r.meldingOn(), r.confirmedOn(), r.question(), r.personalPlanOn(), r.personalPlan(), r.investigatedOn(), r.ownStrength(),
                r.network(), r.usualHelp(), r.generalConsidered(), r.whyNotEnough(), r.customProposed(), r.aanvraagOn(), r.decidedOn(),
                r.outcome() == null ? null : WmoRequest.Outcome.valueOf(r.outcome()), r.grounds(), r.copaymentCents(), r.copaymentNote(),
                r.objectionOn(), r.objectionGrounds(), r.objectionCommittee(), r.objectionDecidedOn(),
                r.objectionOutcome() == null ? null : ObjectionDecision.Outcome.valueOf(r.objectionOutcome()), r.objectionDecisionGrounds(),
                objectionTerm(m, r, changes), lines, termStatuses(m, r, changes, terms), history);
    }

    record Change(String step, String kind, LocalDate fromOn, LocalDate untilOn, Integer weeks, String reason) {
    }

    private List<Change> changes(String m, UUID requestId) {
        return changes(m, List.of(requestId)).getOrDefault(requestId, List.of());
    }

    /** The suspensions and extensions of several requests in one query, per request in the order they were recorded. */
    Map<UUID, List<Change>> changes(String m, Collection<UUID> requestIds) {
        Map<UUID, List<Change>> out = new HashMap<>();
        jdbc.sql("""
                SELECT request_id, step, kind, from_on, until_on, weeks, reason FROM wmo_term_change
                 WHERE municipality_code = ? AND request_id = ANY (?) ORDER BY request_id, created_at""")
                .params(m, requestIds.toArray(UUID[]::new)).query(rs -> {
                    out.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>()).add(new Change(rs.getString("step"),
                            rs.getString("kind"), date(rs, "from_on"), date(rs, "until_on"), rs.getObject("weeks", Integer.class), rs.getString("reason")));
                });
        return out;
    }

    /** The terms of the steps that have started: when due, whether met, running, overdue or suspended. */
    List<WmoRequest.TermStatus> termStatuses(String m, Row r) {
        return termStatuses(m, r, changes(m, r.id()), terms);
    }

    /**
     * The same, with the request's term changes already read ({@link #changes(String, Collection)}) and the
     * municipality's terms as given (a page of many requests passes {@code TermSettings.snapshot}).
     */
    List<WmoRequest.TermStatus> termStatuses(String m, Row r, List<Change> changes, Terms terms) {
        List<WmoRequest.TermStatus> out = new ArrayList<>();
        out.add(status(m, r, TermStep.PERSOONLIJK_PLAN, r.meldingOn(), r.personalPlanOn(), changes, false, terms));
        out.add(status(m, r, TermStep.ONDERZOEK, r.meldingOn(), r.investigatedOn(), changes,
                r.state() != RequestState.MELDING && r.investigatedOn() == null, terms));
        if (r.aanvraagOn() != null) {
            out.add(status(m, r, TermStep.BESCHIKKING, r.aanvraagOn(), r.decidedOn(), changes, false, terms));
        }
        if (r.decidedOn() != null) {
            out.add(status(m, r, TermStep.BEZWAAR, r.decidedOn(), r.objectionOn(), changes,
                    r.state() == RequestState.BESCHIKT ? false : r.objectionOn() == null, terms));
        }
        return out;
    }

    /** The step name under which a postponement of the decision on the objection is stored (not a configurable TermStep). */
    static final String OBJECTION_DECISION = "BESLISSING_BEZWAAR";

    /** Awb 7:10: the term for the decision on the objection, from the end of the objection term; null before an objection. */
    WmoRequest.ObjectionTerm objectionTerm(String m, Row r) {
        return objectionTerm(m, r, changes(m, r.id()));
    }

    private WmoRequest.ObjectionTerm objectionTerm(String m, Row r, List<Change> changes) {
        if (r.objectionOn() == null || r.decidedOn() == null) {
            return null;
        }
        LocalDate from = terms.due(m, r.law(), TermStep.BEZWAAR, r.decidedOn()).due();
        List<LegalTerms.Extension> postponements = changes.stream().filter(c -> c.step().equals(OBJECTION_DECISION))
                .map(c -> new LegalTerms.Extension(nl.leefwereld.wmo.TermLength.weeks(c.weeks()), c.reason())).toList();
        LocalDate today = today();
        LegalTerms.Due due = ObjectionDecision.due(from, r.objectionCommittee(), postponements, terms.equatedDays(m), today);
        LocalDate done = r.objectionDecidedOn();
        String status = done != null ? (done.isAfter(due.due()) ? "te laat" : "op tijd") : today.isAfter(due.due()) ? "over tijd" : "loopt";
        List<String> history = new ArrayList<>();
        history.add("De bezwaartermijn eindigde op " + LegalTerms.day(from) + "; de beslistermijn telt vanaf de dag erna (Awb 7:10)"
                + (r.objectionCommittee() ? ", 12 weken omdat een adviescommissie wordt gehoord." : "."));
        history.addAll(due.history());
        return new WmoRequest.ObjectionTerm(from, ObjectionDecision.term(r.objectionCommittee()).label(), due.due(), due.moved(), done, status,
                List.copyOf(history));
    }

    private WmoRequest.TermStatus status(String m, Row r, TermStep step, LocalDate from, LocalDate doneOn, List<Change> changes, boolean skipped,
                                         Terms terms) {
        List<LegalTerms.Suspension> suspensions = new ArrayList<>();
        List<LegalTerms.Extension> extensions = new ArrayList<>();
        for (Change c : changes) {
            if (!c.step().equals(step.name())) {
                continue;
            }
            if (c.kind().equals("SUSPENSION")) {
                suspensions.add(new LegalTerms.Suspension(c.fromOn(), c.untilOn(), c.reason()));
            } else {
                extensions.add(new LegalTerms.Extension(nl.leefwereld.wmo.TermLength.weeks(c.weeks()), c.reason()));
            }
        }
        LocalDate today = today();
        LegalTerms.Due due = terms.due(m, r.law(), step, from, suspensions, extensions, doneOn != null ? doneOn : today);
        String status;
        if (step == TermStep.PERSOONLIJK_PLAN) {
            status = doneOn != null ? "ontvangen op tijd".replace("op tijd", doneOn.isAfter(due.due()) ? "na de termijn" : "op tijd")
                    : today.isAfter(due.due()) ? "termijn voorbij (niet ingediend)" : "loopt";
        } else if (step == TermStep.BEZWAAR) {
            status = doneOn != null ? (doneOn.isAfter(due.due()) ? "bezwaar na de termijn" : "bezwaar op tijd")
                    : today.isAfter(due.due()) ? "termijn voorbij, geen bezwaar" : "bezwaartermijn loopt";
        } else if (doneOn != null) {
            status = doneOn.isAfter(due.due()) ? "te laat" : "op tijd";
        } else if (skipped) {
            status = "overgeslagen (aanvraag zonder onderzoek)";
        } else if (due.suspended()) {
            status = "opgeschort";
        } else {
            status = today.isAfter(due.due()) ? "over tijd" : "loopt";
        }
        return new WmoRequest.TermStatus(step, from, due.due(), due.moved(), due.reason(), doneOn, status, due.suspended(), due.history());
    }

    // ------------------------------------------------------------------------------------------------------ changes

    private void event(CurrentUser me, UUID requestId, String summary) {
        jdbc.sql("INSERT INTO wmo_request_event (municipality_code, request_id, occurred_at, actor_name, summary) VALUES (?, ?, ?, ?, ?)")
                .params(me.municipalityCode(), requestId, OffsetDateTime.now(clock), me.displayName(), summary).update();
    }

    private Row forChange(CurrentUser me, UUID id) {
        Row row = jdbc.sql("SELECT * FROM wmo_request WHERE municipality_code = ? AND id = ? FOR UPDATE").params(me.municipalityCode(), id)
                .query(WmoService::row).optional().orElseThrow(() -> new NotFoundException("wmo request"));
        access.requireHouseholdAccess(me, row.householdId());
        return row;
    }

    private static RequestState move(RequestState from, RequestState to) {
        try {
            return from.moveTo(to);
        } catch (RequestState.IllegalTransitionException e) {
            throw InvalidInputException.of("stap", e.getMessage());
        }
    }

    private static String lawLabel(Law law) {
        return law.label();
    }

    /** Starts the legal process from a notification of the household: the melding with its date, confirmed today. */
    @Transactional
    UUID start(CurrentUser me, UUID householdId, String notificationId, String law) {
        access.requireHouseholdAccess(me, householdId);
        FieldErrors e = new FieldErrors();
        UUID nid = e.optionalId("notificationId", notificationId, "Kies de melding uit de lijst.");
        if (notificationId == null || notificationId.isBlank()) {
            e.add("notificationId", "Kies de melding uit de lijst.");
        }
        Law l = e.oneOf("law", law, Law.class, "de wet");
        NotificationLookup.NotificationFacts n = null;
        if (nid != null) {
            n = notifications.find(me.municipalityCode(), nid).filter(x -> x.householdId().equals(householdId)).orElse(null);
            if (n == null) {
                e.add("notificationId", "Kies een melding van dit huishouden.");
            }
        }
        if (n != null && l != null && jdbc.sql("SELECT count(*) FROM wmo_request WHERE municipality_code = ? AND notification_id = ? AND law = ?")
                .params(me.municipalityCode(), nid, l.name()).query(Long.class).single() > 0) {
            e.add("notificationId", "Voor deze melding loopt al een verzoek onder de " + l.label() + ".");
        }
        e.throwIfAny();
        Household h = households.view(me, householdId);
        UUID person = h.members().stream().filter(x -> x.relation() == Relation.HEAD).findFirst().or(() -> h.members().stream().findFirst())
                .map(Member::person).orElseThrow().id();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_request (municipality_code, id, household_id, person_id, notification_id, team_id, law, state, melding_on,
                                         confirmed_on, question, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'MELDING', ?, ?, ?, ?, ?)""")
                .params(me.municipalityCode(), id, householdId, person, nid, n.teamId(), l.name(), n.receivedOn(), today(),
                        n.questionAsAsked(), OffsetDateTime.now(clock), me.id()).update();
        event(me, id, "Melding onder de " + lawLabel(l) + " vastgelegd (ontvangen " + Dates.nl(n.receivedOn()) + "); ontvangstbevestiging verstuurd op "
                + Dates.nl(today()) + ".");
        audit.record(me, AuditAction.CREATE, "WMO_REQUEST", id.toString(), householdId, person, "melding " + l.name());
        return id;
    }

    @Transactional
    void personalPlan(CurrentUser me, UUID id, String receivedOn, String plan) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("receivedOn", receivedOn, "de datum van ontvangst", true);
        e.required("personalPlan", plan, "wat in het persoonlijk plan staat", 4000);
        if (on != null && on.isBefore(r.meldingOn())) {
            e.add("receivedOn", "Het persoonlijk plan kan niet voor de melding (" + Dates.nl(r.meldingOn()) + ") zijn ontvangen.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("receivedOn", "De datum ligt in de toekomst.");
        }
        if (r.state() != RequestState.MELDING) {
            e.add("stap", "Een persoonlijk plan hoort bij het onderzoek; het onderzoek is al afgerond.");
        }
        e.throwIfAny();
        jdbc.sql("UPDATE wmo_request SET personal_plan_on = ?, personal_plan = ? WHERE municipality_code = ? AND id = ?")
                .params(on, plan.strip(), me.municipalityCode(), id).update();
        event(me, id, "Persoonlijk plan ontvangen op " + Dates.nl(on) + ".");
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "persoonlijk plan");
    }

    record Investigation(String investigatedOn, String ownStrength, String network, String usualHelp, String generalConsidered,
                         String whyNotEnough, String customProposed) {
    }

    /**
     * The investigation report with the order of support. Proposing a custom provision needs every step filled in,
     * including why the general provisions were not enough.
     */
    @Transactional
    void investigate(CurrentUser me, UUID id, Investigation f) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("investigatedOn", f.investigatedOn(), "de datum van het verslag", true);
        e.required("ownStrength", f.ownStrength(), "wat de inwoner zelf kan (eigen kracht)", 4000);
        e.required("network", f.network(), "wat het netwerk kan", 4000);
        e.required("usualHelp", f.usualHelp(), "de gebruikelijke hulp van huisgenoten", 4000);
        e.required("generalConsidered", f.generalConsidered(), "welke algemene voorzieningen zijn bekeken", 4000);
        boolean custom = "true".equals(f.customProposed());
        e.check(f.customProposed() == null || f.customProposed().isEmpty() || "true".equals(f.customProposed()) || "false".equals(f.customProposed()),
                "customProposed", "Kies of u een maatwerkvoorziening voorstelt.");
        if (custom) {
            e.required("whyNotEnough", f.whyNotEnough(), "waarom eigen kracht, netwerk en algemene voorzieningen niet genoeg zijn", 4000);
        } else {
            e.maxLength("whyNotEnough", f.whyNotEnough(), "waarom het niet genoeg is", 4000);
        }
        if (on != null && on.isBefore(r.meldingOn())) {
            e.add("investigatedOn", "Het verslag kan niet van voor de melding (" + Dates.nl(r.meldingOn()) + ") zijn.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("investigatedOn", "De datum ligt in de toekomst.");
        }
        RequestState next = r.state();
        if (r.state() == RequestState.MELDING) {
            next = move(r.state(), RequestState.ONDERZOCHT);
        } else if (r.state() != RequestState.AANVRAAG) {
            e.add("stap", "Het onderzoek kan nu niet meer worden aangepast: het verzoek staat op '" + r.state().label() + "'.");
        }
        e.throwIfAny();
        jdbc.sql("""
                UPDATE wmo_request SET state = ?, investigated_on = ?, own_strength = ?, network = ?, usual_help = ?, general_considered = ?,
                       why_not_enough = ?, custom_proposed = ? WHERE municipality_code = ? AND id = ?""")
                .params(next.name(), on, f.ownStrength().strip(), f.network().strip(), f.usualHelp().strip(), f.generalConsidered().strip(),
                        FieldErrors.trimToNull(f.whyNotEnough()), custom, me.municipalityCode(), id).update();
        event(me, id, "Verslag van het onderzoek vastgelegd (" + Dates.nl(on) + ")" + (custom ? "; maatwerkvoorziening voorgesteld." : "."));
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "onderzoek");
    }

    @Transactional
    void apply(CurrentUser me, UUID id, String aanvraagOn) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("aanvraagOn", aanvraagOn, "de datum van de aanvraag", true);
        if (on != null && on.isAfter(today())) {
            e.add("aanvraagOn", "De datum ligt in de toekomst.");
        }
        if (on != null && on.isBefore(r.meldingOn())) {
            e.add("aanvraagOn", "De aanvraag kan niet van voor de melding zijn.");
        }
        RequestState next = move(r.state(), RequestState.AANVRAAG);
        if (r.state() == RequestState.MELDING && on != null) {
            // Without an investigation the resident may apply once the six weeks (with suspensions and extensions) have passed.
            LocalDate due = termStatuses(me.municipalityCode(), r).stream().filter(t -> t.step() == TermStep.ONDERZOEK).findFirst().orElseThrow().due();
            if (!on.isAfter(due)) {
                e.add("aanvraagOn", "Zonder onderzoek kan de aanvraag pas na de onderzoekstermijn (tot en met " + Dates.nl(due)
                        + "). Leg eerst het verslag van het onderzoek vast.");
            }
        }
        e.throwIfAny();
        jdbc.sql("UPDATE wmo_request SET state = ?, aanvraag_on = ? WHERE municipality_code = ? AND id = ?")
                .params(next.name(), on, me.municipalityCode(), id).update();
        event(me, id, "Aanvraag ontvangen op " + Dates.nl(on) + ".");
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "aanvraag");
    }

    record Decision(String decidedOn, String outcome, String grounds, String provisionId, String form, String volume, String frequency,
                    String startOn, String endOn, String exemption, String pgbTariff, String pgbCanManage, String pgbMotivated,
                    String pgbQuality, String careAgreementOn) {
    }

    /** The decision within the term: granted / partly / refused; a custom provision only after the order of support. */
    @Transactional
    void decide(CurrentUser me, UUID id, Decision f) {
        String m = me.municipalityCode();
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("decidedOn", f.decidedOn(), "de datum van de beschikking", true);
        WmoRequest.Outcome outcome = e.oneOf("outcome", f.outcome(), WmoRequest.Outcome.class, "de uitkomst");
        e.required("grounds", f.grounds(), "de motivering", 4000);
        if (on != null && r.aanvraagOn() != null && on.isBefore(r.aanvraagOn())) {
            e.add("decidedOn", "De beschikking kan niet van voor de aanvraag (" + Dates.nl(r.aanvraagOn()) + ") zijn.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("decidedOn", "De datum ligt in de toekomst.");
        }
        RequestState next = move(r.state(), RequestState.BESCHIKT);
        boolean grants = outcome == WmoRequest.Outcome.GRANTED || outcome == WmoRequest.Outcome.PARTLY;
        Provision provision = null;
        BigDecimal volume = null;
        LocalDate start = null;
        LocalDate end = null;
        String form = null;
        Pgb.Budget budget = null;
        LocalDate careAgreement = null;
        if (grants) {
            if (!r.customProposed() || !orderComplete(r)) {
                e.add("provisionId", "Vul eerst in het onderzoek de volgorde van ondersteuning in: eigen kracht, netwerk, gebruikelijke hulp, "
                        + "algemene voorzieningen en waarom die niet genoeg zijn. Pas dan kan een maatwerkvoorziening.");
            }
            UUID pid = e.optionalId("provisionId", f.provisionId(), "Kies de maatwerkvoorziening uit de lijst.");
            if (pid == null && !e.has("provisionId")) {
                e.add("provisionId", "Kies de maatwerkvoorziening uit de lijst.");
            }
            if (pid != null) {
                provision = catalog.provision(m, pid).filter(p -> p.kind() == Provision.Kind.CUSTOM).orElse(null);
                if (provision == null && !e.has("provisionId")) {
                    e.add("provisionId", "Kies de maatwerkvoorziening uit de lijst.");
                }
            }
            form = f.form();
            e.check("NATURA".equals(form) || "PGB".equals(form), "form", "Kies zorg in natura of een pgb.");
            volume = decimal(e, "volume", f.volume());
            e.check(f.frequency() != null && FREQUENCIES.containsKey(f.frequency()), "frequency", "Kies hoe vaak (per dag, week, maand of in totaal).");
            start = e.date("startOn", f.startOn(), "de ingangsdatum", true);
            end = e.date("endOn", f.endOn(), "de einddatum", true);
            if (start != null && end != null && end.isBefore(start)) {
                e.add("endOn", "De einddatum ligt voor de ingangsdatum.");
            }
            if (provision != null && start != null && !provision.validOn(start)) {
                e.add("startOn", "De voorziening geldt niet op de ingangsdatum.");
            }
            if ("PGB".equals(form) && provision != null) {
                Long asked = f.pgbTariff() == null ? null : Money.parse(f.pgbTariff()).orElse(null);
                e.check(asked != null, "pgbTariff", "Vul het tarief per eenheid in dat de inwoner met het pgb betaalt, bijvoorbeeld 27,00.");
                e.required("pgbCanManage", f.pgbCanManage(), "waarom de inwoner het pgb aankan (voorwaarde 1)", 1000);
                e.required("pgbMotivated", f.pgbMotivated(), "waarom de inwoner een pgb wil (voorwaarde 2)", 1000);
                e.required("pgbQuality", f.pgbQuality(), "waarom de zorg veilig, doeltreffend en cliëntgericht is (voorwaarde 3)", 1000);
                careAgreement = e.date("careAgreementOn", f.careAgreementOn(), "de datum waarop de zorgovereenkomst is goedgekeurd", false);
                Provision cheapest = catalog.cheapestInKind(m, provision.category(), provision.unit(), start == null ? today() : start).orElse(provision);
                if (asked != null && volume != null) {
                    budget = Pgb.budget(asked, cheapest.tariffCents(), volume);
                }
            } else {
                e.maxLength("pgbCanManage", f.pgbCanManage(), "voorwaarde 1", 1000);
                e.maxLength("pgbMotivated", f.pgbMotivated(), "voorwaarde 2", 1000);
                e.maxLength("pgbQuality", f.pgbQuality(), "voorwaarde 3", 1000);
                e.maxLength("pgbTariff", f.pgbTariff(), "het pgb-tarief", 20);
                e.date("careAgreementOn", f.careAgreementOn(), "de datum van de zorgovereenkomst", false);
            }
        } else {
            e.maxLength("provisionId", f.provisionId(), "de voorziening", 64);
        }
        CoPayment.Exemption exemption = f.exemption() == null || f.exemption().isBlank() ? CoPayment.Exemption.NONE
                : e.oneOf("exemption", f.exemption(), CoPayment.Exemption.class, "de vrijstelling");
        e.throwIfAny();

        CoPayment.Outcome copay = CoPayment.apply(provision == null ? List.of() : List.of(provision.category()), ageOf(m, r.personId(), on),
                exemption, CoPayment.rateFor(on, configuredRate(m, on.getYear())));
        jdbc.sql("""
                UPDATE wmo_request SET state = ?, decided_on = ?, outcome = ?, grounds = ?, copayment_cents = ?, copayment_note = ?, decided_by = ?
                WHERE municipality_code = ? AND id = ?""")
                .params(next.name(), on, outcome.name(), f.grounds().strip(), copay.monthlyCents(), copay.explanation(), me.id(), m, id).update();
        if (provision != null) {
            jdbc.sql("""
                    INSERT INTO wmo_decision_line (municipality_code, id, request_id, provision_id, form, volume, unit, frequency, start_on, end_on,
                                                   provider_id, tariff_cents, pgb_asked_cents, pgb_cap_cents, pgb_amount_cents, pgb_can_manage,
                                                   pgb_motivated, pgb_quality, care_agreement_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(m, UUID.randomUUID(), id, provision.id(), form, volume, provision.unit().code(), f.frequency(), start, end,
                            provision.providerId(), provision.tariffCents(), budget == null ? null : budget.askedTariffCents(),
                            budget == null ? null : budget.capTariffCents(), budget == null ? null : budget.amountCents(),
                            "PGB".equals(form) ? f.pgbCanManage().strip() : null, "PGB".equals(form) ? f.pgbMotivated().strip() : null,
                            "PGB".equals(form) ? f.pgbQuality().strip() : null, careAgreement).update();
        }
        event(me, id, "Beschikking " + outcome.label() + " op " + Dates.nl(on) + (provision == null ? "" : ": " + provision.name()
                + ("PGB".equals(form) ? " als pgb (" + budget.explanation() + ")" : " in natura")) + "; eigen bijdrage "
                + Money.format(copay.monthlyCents()) + " per maand.");
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "beschikking");
    }

    private static boolean orderComplete(Row r) {
        return r.investigatedOn() != null && filled(r.ownStrength()) && filled(r.network()) && filled(r.usualHelp())
                && filled(r.generalConsidered()) && filled(r.whyNotEnough());
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }

    private static BigDecimal decimal(FieldErrors e, String field, String value) {
        try {
            BigDecimal v = new BigDecimal(value == null ? "" : value.strip().replace(',', '.'));
            if (v.signum() <= 0 || v.scale() > 2 || v.compareTo(BigDecimal.valueOf(100000)) > 0) {
                e.add(field, "Vul de omvang in als een getal groter dan 0, bijvoorbeeld 3 of 2,5.");
                return null;
            }
            return v;
        } catch (NumberFormatException x) {
            e.add(field, "Vul de omvang in als een getal, bijvoorbeeld 3 of 2,5.");
            return null;
        }
    }

    private int ageOf(String m, UUID person, LocalDate on) {
        LocalDate birth = jdbc.sql("SELECT birth_date FROM person WHERE municipality_code = ? AND id = ?").params(m, person)
                .query(LocalDate.class).optional().orElse(null);
        return birth == null ? 99 : java.time.Period.between(birth, on).getYears();
    }

    private Optional<Long> configuredRate(String m, int year) {
        return jdbc.sql("SELECT monthly_cents FROM wmo_copayment_rate WHERE municipality_code = ? AND year = ?").params(m, year)
                .query(Long.class).optional();
    }

    @Transactional
    void object(CurrentUser me, UUID id, String receivedOn, String grounds, String committee) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        e.check(committee == null || committee.isBlank() || committee.equals("true") || committee.equals("false"), "committee",
                "Kies of een adviescommissie het bezwaar behandelt.");
        LocalDate on = e.date("receivedOn", receivedOn, "de datum waarop het bezwaar binnenkwam", true);
        e.required("grounds", grounds, "de gronden van het bezwaar", 4000);
        if (on != null && r.decidedOn() != null && on.isBefore(r.decidedOn())) {
            e.add("receivedOn", "Het bezwaar kan niet van voor de beschikking zijn.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("receivedOn", "De datum ligt in de toekomst.");
        }
        RequestState next = move(r.state(), RequestState.BEZWAAR);
        e.throwIfAny();
        boolean withCommittee = "true".equals(committee);
        jdbc.sql("UPDATE wmo_request SET state = ?, objection_on = ?, objection_grounds = ?, objection_committee = ? WHERE municipality_code = ? AND id = ?")
                .params(next.name(), on, grounds.strip(), withCommittee, me.municipalityCode(), id).update();
        LocalDate due = terms.due(me.municipalityCode(), r.law(), TermStep.BEZWAAR, r.decidedOn()).due();
        event(me, id, "Bezwaar ontvangen op " + Dates.nl(on) + (on.isAfter(due) ? " – na de bezwaartermijn (tot en met " + Dates.nl(due)
                + "): beoordeel of de termijnoverschrijding verschoonbaar is (Awb 6:11)." : " – binnen de bezwaartermijn.")
                + (withCommittee ? " Een adviescommissie behandelt het bezwaar: de beslistermijn is 12 weken." : ""));
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "bezwaar");
    }

    /** The decision on the objection (Awb 7:10, 7:11): well-founded, partly, unfounded or inadmissible, with grounds and date. */
    @Transactional
    void decideObjection(CurrentUser me, UUID id, String decidedOn, String outcome, String grounds) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        LocalDate on = e.date("objectionDecidedOn", decidedOn, "de datum van de beslissing op bezwaar", true);
        ObjectionDecision.Outcome o = e.oneOf("objectionOutcome", outcome, ObjectionDecision.Outcome.class, "de uitkomst van het bezwaar");
        e.required("objectionDecisionGrounds", grounds, "de motivering van de beslissing op bezwaar", 4000);
        if (on != null && r.objectionOn() != null && on.isBefore(r.objectionOn())) {
            e.add("objectionDecidedOn", "De beslissing kan niet van voor het bezwaar (" + Dates.nl(r.objectionOn()) + ") zijn.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("objectionDecidedOn", "De datum ligt in de toekomst.");
        }
        RequestState next = move(r.state(), RequestState.BEZWAAR_BESLIST);
        e.throwIfAny();
        jdbc.sql("""
                UPDATE wmo_request SET state = ?, objection_decided_on = ?, objection_outcome = ?, objection_decision_grounds = ?, objection_decided_by = ?
                WHERE municipality_code = ? AND id = ?""")
                .params(next.name(), on, o.name(), grounds.strip(), me.id(), me.municipalityCode(), id).update();
        WmoRequest.ObjectionTerm term = objectionTerm(me.municipalityCode(), r);
        event(me, id, "Beslissing op bezwaar: " + o.label() + " (" + Dates.nl(on) + ")" + (term == null ? "." : on.isAfter(term.due())
                ? " – na de beslistermijn (tot en met " + Dates.nl(term.due()) + ")." : " – binnen de beslistermijn (tot en met " + Dates.nl(term.due()) + ")."));
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "beslissing op bezwaar");
    }

    /** The step whose term runs now (suspension and extension apply to it). */
    static Optional<TermStep> runningStep(RequestState s) {
        return switch (s) {
            case MELDING -> Optional.of(TermStep.ONDERZOEK);
            case ONDERZOCHT -> Optional.empty();
            case AANVRAAG -> Optional.of(TermStep.BESCHIKKING);
            default -> Optional.empty();
        };
    }

    /** Suspension (Awb 4:15), its end, or an extension of the running term — each with a reason in the history. */
    @Transactional
    void changeTerm(CurrentUser me, UUID id, String kind, String on, String weeks, String reason) {
        Row r = forChange(me, id);
        String m = me.municipalityCode();
        FieldErrors e = new FieldErrors();
        e.check("SUSPEND".equals(kind) || "RESUME".equals(kind) || "EXTEND".equals(kind), "kind", "Kies opschorten, hervatten of verlengen.");
        LocalDate day = e.date("changeOn", on, "de datum", true);
        if (day != null && day.isAfter(today())) {
            e.add("changeOn", "De datum ligt in de toekomst.");
        }
        Optional<TermStep> step = runningStep(r.state());
        boolean objectionPhase = r.state() == RequestState.BEZWAAR;
        if (objectionPhase && !"EXTEND".equals(kind)) {
            e.add("kind", "In de bezwaarfase kunt u de beslissing alleen verdagen (Awb 7:10 lid 3): kies verlengen.");
        } else if (objectionPhase && changes(m, id).stream().anyMatch(c -> c.step().equals(OBJECTION_DECISION))) {
            e.add("kind", "De beslissing op het bezwaar is al verdaagd. Dat kan maar één keer.");
        } else if (step.isEmpty() && !objectionPhase) {
            e.add("kind", "Er loopt nu geen termijn die u kunt opschorten of verlengen.");
        }
        Optional<Change> open = changes(m, id).stream().filter(c -> c.kind().equals("SUSPENSION") && c.untilOn() == null).findFirst();
        Integer w = null;
        if ("EXTEND".equals(kind)) {
            try {
                w = Integer.parseInt(weeks == null ? "" : weeks.strip());
                if (objectionPhase) {
                    e.check(w >= 1 && w <= ObjectionDecision.MAX_POSTPONEMENT_WEEKS, "weeks", "Verdaag met 1 tot 6 weken (Awb 7:10 lid 3).");
                } else {
                    e.check(w >= 1 && w <= 52, "weeks", "Verleng met 1 tot 52 weken.");
                }
            } catch (NumberFormatException x) {
                e.add("weeks", "Vul het aantal weken in als een heel getal.");
            }
        } else {
            e.maxLength("weeks", weeks, "het aantal weken", 3);
        }
        if (!"RESUME".equals(kind)) {
            e.required("reason", reason, "de reden", 500);
        } else {
            e.maxLength("reason", reason, "de reden", 500);
        }
        if ("SUSPEND".equals(kind) && open.isPresent()) {
            e.add("kind", "De termijn is al opgeschort sinds " + Dates.nl(open.get().fromOn()) + ".");
        }
        if ("RESUME".equals(kind) && open.isEmpty()) {
            e.add("kind", "De termijn is niet opgeschort.");
        }
        if ("RESUME".equals(kind) && open.isPresent() && day != null && day.isBefore(open.get().fromOn())) {
            e.add("changeOn", "Hervatten kan niet voor de opschorting (" + Dates.nl(open.get().fromOn()) + ").");
        }
        e.throwIfAny();
        if (objectionPhase) {
            jdbc.sql("""
                    INSERT INTO wmo_term_change (municipality_code, id, request_id, step, kind, from_on, weeks, reason, created_at, created_by)
                    VALUES (?, ?, ?, ?, 'EXTENSION', ?, ?, ?, ?, ?)""")
                    .params(m, UUID.randomUUID(), id, OBJECTION_DECISION, day, w, reason.strip(), OffsetDateTime.now(clock), me.id()).update();
            event(me, id, "Beslissing op bezwaar verdaagd met " + w + " weken (Awb 7:10 lid 3): " + reason.strip());
            audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "termijn " + kind);
            return;
        }
        String s = step.get().name();
        switch (kind) {
            case "SUSPEND" -> {
                jdbc.sql("""
                        INSERT INTO wmo_term_change (municipality_code, id, request_id, step, kind, from_on, reason, created_at, created_by)
                        VALUES (?, ?, ?, ?, 'SUSPENSION', ?, ?, ?, ?)""")
                        .params(m, UUID.randomUUID(), id, s, day, reason.strip(), OffsetDateTime.now(clock), me.id()).update();
                event(me, id, "Termijn " + step.get().label().toLowerCase() + " opgeschort vanaf " + Dates.nl(day) + " (Awb 4:15): " + reason.strip());
            }
            case "RESUME" -> {
                jdbc.sql("UPDATE wmo_term_change SET until_on = ? WHERE municipality_code = ? AND request_id = ? AND kind = 'SUSPENSION' AND until_on IS NULL")
                        .params(day, m, id).update();
                event(me, id, "Termijn " + step.get().label().toLowerCase() + " loopt weer vanaf " + Dates.nl(day)
                        + (reason == null || reason.isBlank() ? "." : ": " + reason.strip()));
            }
            default -> {
                jdbc.sql("""
                        INSERT INTO wmo_term_change (municipality_code, id, request_id, step, kind, from_on, weeks, reason, created_at, created_by)
                        VALUES (?, ?, ?, ?, 'EXTENSION', ?, ?, ?, ?, ?)""")
                        .params(m, UUID.randomUUID(), id, s, day, w, reason.strip(), OffsetDateTime.now(clock), me.id()).update();
                event(me, id, "Termijn " + step.get().label().toLowerCase() + " verlengd met " + w + " weken: " + reason.strip());
            }
        }
        audit.record(me, AuditAction.UPDATE, "WMO_REQUEST", id.toString(), r.householdId(), r.personId(), "termijn " + kind);
    }

    /** The notifications of a household a request can start from (id → label). */
    Map<String, String> notificationOptions(CurrentUser me, UUID householdId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NotificationLookup.NotificationFacts n : notifications.ofHousehold(me.municipalityCode(), householdId)) {
            String q = n.questionAsAsked();
            out.put(n.id().toString(), "Melding van " + Dates.nl(n.receivedOn()) + ": " + (q.length() > 60 ? q.substring(0, 60) + "…" : q));
        }
        return out;
    }
}
