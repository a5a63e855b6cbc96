package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.Consent;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's right of access (AVG art. 15): all data Leefwereld holds about one person, their consents and who
 * accessed their file; co-residents only by name and relation. Every person named gets an audit row, with the
 * request reference (kenmerk) as the reason.
 */
@Service
class InzageService {

    static final int REQUEST_MAX = 200;
    static final String CO_RESIDENT_RECORD = "INZAGE_CO_RESIDENT";

    private final List<PersonalDataSource> sources;
    private final ResidentRegister residents;
    private final InzageAccessHistory history;
    private final Consents consents;
    private final AuditLog audit;
    private final InzagePdf pdf;
    private final Clock clock;

    InzageService(List<PersonalDataSource> sources, ResidentRegister residents, InzageAccessHistory history, Consents consents, AuditLog audit,
                  InzagePdf pdf, Clock clock) {
        this.sources = sources;
        this.residents = residents;
        this.history = history;
        this.consents = consents;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** Checks the BSN and the (required) request reference together, and finds the resident. */
    UUID personFor(String m, String bsn, String request) {
        FieldErrors errors = new FieldErrors().required("bsn", bsn, "het BSN", 20).bsn("bsn", bsn)
                .required("request", request, "het kenmerk van het verzoek", REQUEST_MAX);
        errors.throwIfAny();
        return residents.personByBsn(m, Bsn.parse(bsn).value()).orElseThrow(() -> new NotFoundException("person"));
    }

    /** The machine-readable export (JSON). Writes the audit rows. */
    @Transactional
    Map<String, Object> export(CurrentUser officer, UUID personId, String request) {
        String reference = FieldErrors.trimToNull(request);
        if (reference == null) {
            throw nl.leefwereld.shared.InvalidInputException.of("request", "Vul het kenmerk van het verzoek in.");
        }
        String m = officer.municipalityCode();
        List<UUID> households = residents.householdsOf(m, personId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("soort", "Inzageverzoek (AVG artikel 15)");
        out.put("kenmerk_verzoek", reference);
        out.put("gemaakt_op", OffsetDateTime.now(clock).toString());
        out.put("gemaakt_door", officer.displayName());
        Set<UUID> others = new LinkedHashSet<>();
        for (PersonalDataSource source : sources) {
            out.put(source.section(), source.export(m, personId));
            others.addAll(source.othersNamed(m, personId));
        }
        others.remove(personId);
        out.put("toestemmingen", consents(m, personId));
        out.put("wie_heeft_uw_gegevens_bekeken", accessHistory(m, personId, households));

        audit.record(officer, AuditAction.EXPORT, "INZAGE", personId.toString(), null, personId, reference);
        for (UUID other : others) {
            audit.record(officer, AuditAction.EXPORT, CO_RESIDENT_RECORD, other.toString(), null, other, reference);
        }
        return out;
    }

    /** The readable Dutch version (PDF) of the same export; audited like the JSON. */
    @Transactional
    byte[] exportPdf(CurrentUser officer, UUID personId, String request) {
        return pdf.render(export(officer, personId, request));
    }

    String filename(String extension) {
        return "inzage-" + LocalDate.now(clock) + "." + extension;
    }

    private List<Map<String, Object>> consents(String m, UUID personId) {
        LocalDate today = LocalDate.now(clock);
        return consents.of(m, List.of(personId)).stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("doel", c.purpose().label());
            row.put("ontvanger", c.recipient());
            row.put("waarvoor", c.scope());
            row.put("gegeven_op", c.givenOn().toString());
            row.put("geldig_tot", c.validUntil() == null ? null : c.validUntil().toString());
            row.put("ingetrokken_op", c.withdrawnOn() == null ? null : c.withdrawnOn().toString());
            row.put("stand", status(c, today));
            return row;
        }).toList();
    }

    private static String status(Consent c, LocalDate today) {
        if (c.withdrawnOn() != null && !today.isBefore(c.withdrawnOn())) {
            return "ingetrokken";
        }
        if (c.validUntil() != null && today.isAfter(c.validUntil())) {
            return "verlopen";
        }
        return today.isBefore(c.givenOn()) ? "nog niet ingegaan" : "geldig";
    }

    private Map<String, Object> accessHistory(String m, UUID personId, List<UUID> households) {
        long total = history.count(m, personId, households);
        List<InzageAccessHistory.Access> shown = history.newest(m, personId, households);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("aantal", total);
        out.put("getoond", shown.size());
        if (total > shown.size()) {
            out.put("niet_getoond", total - shown.size());
            out.put("toelichting", "Hier staan de nieuwste " + shown.size() + " van " + total + " keer. De overige " + (total - shown.size())
                    + " (de oudste) staan in het auditlogboek; de privacy officer kan ze opvragen.");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InzageAccessHistory.Access a : shown) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("wanneer", a.occurredAt().toString());
            row.put("wie", a.actorName() != null ? a.actorName() : a.actorUsername());
            row.put("organisatie", organisation(a));
            row.put("rol", roles(a.roles()));
            row.put("wat", action(a.action()));
            row.put("gegeven", recordType(a.recordType()));
            row.put("waarom", a.reason());
            rows.add(row);
        }
        out.put("regels", rows);
        return out;
    }

    private static String organisation(InzageAccessHistory.Access a) {
        String municipality = a.municipalityName() == null ? null : "Gemeente " + a.municipalityName();
        if (a.teamName() == null) {
            return municipality;
        }
        return municipality == null ? a.teamName() : municipality + ", " + a.teamName();
    }

    private static String roles(String roles) {
        if (roles == null || roles.isBlank()) {
            return null;
        }
        return Arrays.stream(roles.split(",")).map(r -> {
            try {
                return Role.valueOf(r).label();
            } catch (IllegalArgumentException e) {
                return r;
            }
        }).collect(Collectors.joining(", "));
    }

    private static String recordType(String type) {
        return switch (type) {
            case "PERSON" -> "persoon";
            case "HOUSEHOLD" -> "huishouden";
            case "HOUSEHOLD_SUMMARY" -> "naam en adres van het huishouden";
            case "NOTIFICATION" -> "melding";
            case "CASE" -> "zaak";
            case "CONSENT" -> "toestemming";
            case "NETWORK_MEMBER", "NETWORK" -> "netwerk";
            case "INZAGE" -> "inzage";
            case CO_RESIDENT_RECORD -> "inzage van een huisgenoot (alleen naam en relatie)";
            default -> type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String action(String action) {
        return switch (action) {
            case "READ" -> "bekeken";
            case "CREATE" -> "vastgelegd";
            case "UPDATE" -> "gewijzigd";
            case "DELETE" -> "verwijderd";
            case "EXPORT" -> "uitgevoerd (inzage of export)";
            case "SEARCH" -> "gevonden bij zoeken";
            case "BREAK_GLASS" -> "noodtoegang";
            default -> action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
