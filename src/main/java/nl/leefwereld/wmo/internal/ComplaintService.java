package nl.leefwereld.wmo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.wmo.Complaint;
import nl.leefwereld.wmo.ComplaintCategory;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.LegalTerms;
import nl.leefwereld.wmo.TermLength;
import nl.leefwereld.wmo.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaints register across Wmo, Jeugdwet and Participatiewet (Awb chapter 9). Every complaint belongs to a
 * household: each read and change checks it through {@link AccessPolicy} and is audited. The figures for the policy
 * officer are counts only.
 */
@Service
class ComplaintService {

    /** Awb 9:11: a complaint is handled within 6 weeks of receipt; the term may be extended once by at most 4 weeks. */
    static final TermLength HANDLING_TERM = TermLength.weeks(6);
    static final int MAX_EXTENSION_WEEKS = 4;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Households households;
    private final Terms terms;

    ComplaintService(JdbcClient jdbc, Clock clock, AccessPolicy access, AuditLog audit, Households households, Terms terms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.households = households;
        this.terms = terms;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What the registration form sends. */
    record Form(String law, String category, String receivedOn, String from, String representative, String requestId, String summary) {
    }

    record Row(UUID id, UUID householdId, UUID teamId, Law law, ComplaintCategory category, LocalDate receivedOn, Complaint.From from,
               String representative, UUID requestId, String summary, Integer extendedWeeks, String extensionReason, String handledBy,
               Complaint.Handling handledHow, String outcome, LocalDate closedOn) {
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        String how = rs.getString("handled_how");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class), rs.getObject("team_id", UUID.class),
                Law.valueOf(rs.getString("law")), ComplaintCategory.valueOf(rs.getString("category")), rs.getObject("received_on", LocalDate.class),
                Complaint.From.valueOf(rs.getString("from_kind")), rs.getString("representative"), rs.getObject("request_id", UUID.class),
                rs.getString("summary"), rs.getObject("extended_weeks", Integer.class), rs.getString("extension_reason"), rs.getString("handled_by"),
                how == null ? null : Complaint.Handling.valueOf(how), rs.getString("outcome"), rs.getObject("closed_on", LocalDate.class));
    }

    /** The handling term of a complaint: 6 weeks from receipt, plus the extension, moved by the Algemene termijnenwet. */
    LegalTerms.Due due(String m, Row r) {
        List<LegalTerms.Extension> extensions = r.extendedWeeks() == null ? List.of()
                : List.of(new LegalTerms.Extension(TermLength.weeks(r.extendedWeeks()), r.extensionReason()));
        return LegalTerms.due(r.receivedOn(), HANDLING_TERM, List.of(), extensions, terms.equatedDays(m), today());
    }

    private Complaint view(String m, Row r, String householdName) {
        LegalTerms.Due due = due(m, r);
        String status;
        if (r.closedOn() != null) {
            status = r.closedOn().isAfter(due.due()) ? "afgehandeld, na de termijn" : "afgehandeld binnen de termijn";
        } else {
            status = today().isAfter(due.due()) ? "over tijd" : "loopt";
        }
        return new Complaint(r.id(), r.householdId(), householdName, r.law(), r.category(), r.receivedOn(), r.from(), r.representative(),
                r.requestId(), r.summary(), r.extendedWeeks(), r.extensionReason(), r.handledBy(), r.handledHow(), r.outcome(), r.closedOn(),
                due.due(), due.reason(), due.history(), status);
    }

    private String householdName(String m, UUID householdId) {
        return households.ref(m, householdId).map(HouseholdRef::name).orElse("?");
    }

    /** One complaint; checks the household and audits the read. Unknown (or another municipality's): 404. */
    Complaint find(CurrentUser me, UUID id) {
        Row r = jdbc.sql("SELECT * FROM wmo_complaint WHERE municipality_code = ? AND id = ?").params(me.municipalityCode(), id)
                .query(ComplaintService::row).optional().orElseThrow(() -> new NotFoundException("complaint"));
        access.requireHouseholdAccess(me, r.householdId());
        audit.read(me, "COMPLAINT", id, r.householdId(), null, "klacht");
        return view(me.municipalityCode(), r, householdName(me.municipalityCode(), r.householdId()));
    }

    /** The complaints of the user's team whose households the user may see, newest first; audited as one batch. */
    List<Complaint> register(CurrentUser me) {
        if (me.teamId() == null) {
            return List.of();
        }
        String m = me.municipalityCode();
        List<Row> rows = jdbc.sql("SELECT * FROM wmo_complaint WHERE municipality_code = ? AND team_id = ? ORDER BY closed_on NULLS FIRST, received_on DESC")
                .params(m, me.teamId()).query(ComplaintService::row).list();
        Set<UUID> visible = access.accessibleHouseholds(me, rows.stream().map(Row::householdId).toList());
        List<Row> shown = rows.stream().filter(r -> visible.contains(r.householdId())).toList();
        if (!shown.isEmpty()) {
            audit.recordAll(me, shown.stream().map(r -> AuditEntry.read("COMPLAINT", r.id(), r.householdId(), null, "klachtenregister")).toList());
        }
        Map<UUID, HouseholdRef> refs = households.refs(m, shown.stream().map(Row::householdId).toList());
        return shown.stream().map(r -> view(m, r, refs.containsKey(r.householdId()) ? refs.get(r.householdId()).name() : "?")).toList();
    }

    /** A count per law and category: no names, no households, no free text. */
    record Count(String law, String category, long received, long open, long closedInTime) {
    }

    List<Count> figures(String m, int year) {
        List<Row> rows = jdbc.sql("SELECT * FROM wmo_complaint WHERE municipality_code = ? AND extract(year FROM received_on) = ?")
                .params(m, year).query(ComplaintService::row).list();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Law law : Law.values()) {
            for (ComplaintCategory c : ComplaintCategory.values()) {
                counts.put(law.name() + "/" + c.name(), new long[3]);
            }
        }
        for (Row r : rows) {
            long[] c = counts.get(r.law().name() + "/" + r.category().name());
            c[0]++;
            if (r.closedOn() == null) {
                c[1]++;
            } else if (!r.closedOn().isAfter(due(m, r).due())) {
                c[2]++;
            }
        }
        List<Count> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] p = k.split("/");
            out.add(new Count(Law.valueOf(p[0]).label(), ComplaintCategory.valueOf(p[1]).label(), c[0], c[1], c[2]));
        });
        return out;
    }

    /** The household's requests a complaint may be about (id → label). */
    Map<String, String> requestOptions(CurrentUser me, UUID householdId) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("", "Geen (de klacht gaat niet over één verzoek)");
        jdbc.sql("SELECT id, law, melding_on FROM wmo_request WHERE municipality_code = ? AND household_id = ? ORDER BY melding_on DESC")
                .params(me.municipalityCode(), householdId)
                .query((rs, i) -> out.put(rs.getObject("id", UUID.class).toString(), Law.valueOf(rs.getString("law")).label() + ", melding van "
                        + Dates.nl(rs.getObject("melding_on", LocalDate.class)))).list();
        return out;
    }

    /** The household the new-complaint form is for: checked and audited (the form shows its name and requests). */
    String householdForForm(CurrentUser me, UUID householdId) {
        access.requireHouseholdAccess(me, householdId);
        String name = households.ref(me.municipalityCode(), householdId).map(HouseholdRef::name).orElseThrow(() -> new NotFoundException("household"));
        audit.read(me, "HOUSEHOLD", householdId, householdId, null, "klacht registreren");
        return name;
    }

    @Transactional
    UUID register(CurrentUser me, UUID householdId, Form f) {
        access.requireHouseholdAccess(me, householdId);
        String m = me.municipalityCode();
        FieldErrors e = new FieldErrors();
        Law law = e.oneOf("law", f.law(), Law.class, "de wet");
        ComplaintCategory category = e.oneOf("category", f.category(), ComplaintCategory.class, "waar de klacht over gaat");
        LocalDate on = e.date("receivedOn", f.receivedOn(), "de datum waarop de klacht binnenkwam", true);
        if (on != null && on.isAfter(today())) {
            e.add("receivedOn", "De datum ligt in de toekomst.");
        }
        Complaint.From from = e.oneOf("from", f.from(), Complaint.From.class, "van wie de klacht komt");
        if (from == Complaint.From.REPRESENTATIVE) {
            e.required("representative", f.representative(), "de naam van de vertegenwoordiger", 200);
        } else {
            e.maxLength("representative", f.representative(), "de naam van de vertegenwoordiger", 200);
        }
        UUID request = null;
        if (f.requestId() != null && !f.requestId().isBlank()) {
            request = e.optionalId("requestId", f.requestId(), "Kies het verzoek uit de lijst.");
            if (request != null && jdbc.sql("SELECT count(*) FROM wmo_request WHERE municipality_code = ? AND id = ? AND household_id = ?")
                    .params(m, request, householdId).query(Long.class).single() == 0) {
                e.add("requestId", "Kies een verzoek van dit huishouden.");
            }
        }
        e.required("summary", f.summary(), "waar de klacht over gaat (kort)", 4000);
        if (me.teamId() == null) {
            e.add("summary", "U hoort niet bij een team; alleen een team kan een klacht in zijn register zetten.");
        }
        e.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_complaint (municipality_code, id, law, category, received_on, from_kind, representative, household_id, team_id,
                                           request_id, summary, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m, id, law.name(), category.name(), on, from.name(),
                        from == Complaint.From.REPRESENTATIVE ? f.representative().strip() : null, householdId, me.teamId(), request,
                        f.summary().strip(), OffsetDateTime.now(clock), me.id()).update();
        audit.record(me, AuditAction.CREATE, "COMPLAINT", id.toString(), householdId, null, "klacht " + category.name());
        return id;
    }

    private Row forChange(CurrentUser me, UUID id) {
        Row r = jdbc.sql("SELECT * FROM wmo_complaint WHERE municipality_code = ? AND id = ? FOR UPDATE").params(me.municipalityCode(), id)
                .query(ComplaintService::row).optional().orElseThrow(() -> new NotFoundException("complaint"));
        access.requireHouseholdAccess(me, r.householdId());
        return r;
    }

    /** Awb 9:11 lid 2: the term extended once, by at most 4 weeks, with a reason (the complainant is told in writing). */
    @Transactional
    void extend(CurrentUser me, UUID id, String weeks, String reason) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        Integer w = null;
        try {
            w = Integer.parseInt(weeks == null ? "" : weeks.strip());
            e.check(w >= 1 && w <= MAX_EXTENSION_WEEKS, "weeks", "Verleng met 1 tot 4 weken (Awb 9:11).");
        } catch (NumberFormatException x) {
            e.add("weeks", "Vul het aantal weken in als een heel getal van 1 tot 4.");
        }
        e.required("reason", reason, "de reden van de verlenging", 500);
        if (r.extendedWeeks() != null) {
            e.add("weeks", "De termijn is al verlengd. Dat kan maar één keer.");
        }
        if (r.closedOn() != null) {
            e.add("weeks", "De klacht is al afgehandeld.");
        }
        e.throwIfAny();
        jdbc.sql("UPDATE wmo_complaint SET extended_weeks = ?, extension_reason = ? WHERE municipality_code = ? AND id = ?")
                .params(w, reason.strip(), me.municipalityCode(), id).update();
        audit.record(me, AuditAction.UPDATE, "COMPLAINT", id.toString(), r.householdId(), null, "klacht verlengd");
    }

    /** The handling: who, how (conversation / written), the outcome and the day it was closed. */
    @Transactional
    void close(CurrentUser me, UUID id, String handledBy, String how, String outcome, String closedOn) {
        Row r = forChange(me, id);
        FieldErrors e = new FieldErrors();
        e.required("handledBy", handledBy, "wie de klacht behandelde", 200);
        Complaint.Handling h = e.oneOf("handledHow", how, Complaint.Handling.class, "hoe de klacht is behandeld");
        e.required("outcome", outcome, "de uitkomst", 4000);
        LocalDate on = e.date("closedOn", closedOn, "de datum van afhandeling", true);
        if (on != null && on.isBefore(r.receivedOn())) {
            e.add("closedOn", "De klacht kan niet voor de ontvangst (" + Dates.nl(r.receivedOn()) + ") zijn afgehandeld.");
        }
        if (on != null && on.isAfter(today())) {
            e.add("closedOn", "De datum ligt in de toekomst.");
        }
        if (r.closedOn() != null) {
            e.add("closedOn", "De klacht is al afgehandeld op " + Dates.nl(r.closedOn()) + ".");
        }
        e.throwIfAny();
        jdbc.sql("UPDATE wmo_complaint SET handled_by = ?, handled_how = ?, outcome = ?, closed_on = ? WHERE municipality_code = ? AND id = ?")
                .params(handledBy.strip(), h.name(), outcome.strip(), on, me.municipalityCode(), id).update();
        audit.record(me, AuditAction.UPDATE, "COMPLAINT", id.toString(), r.householdId(), null, "klacht afgehandeld");
    }

}
