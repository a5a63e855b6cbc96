package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident's right of access: all data Leefwereld holds about one person, and who accessed it. */
@Service
class InzageService {

    private final List<PersonalDataSource> sources;
    private final ResidentRegister residents;
    private final AuditQuery auditQuery;
    private final AuditLog audit;
    private final Clock clock;

    InzageService(List<PersonalDataSource> sources, ResidentRegister residents, AuditQuery auditQuery, AuditLog audit, Clock clock) {
        this.sources = sources;
        this.residents = residents;
        this.auditQuery = auditQuery;
        this.audit = audit;
        this.clock = clock;
    }

    UUID personForBsn(String m, String bsn) {
        FieldErrors errors = new FieldErrors().required("bsn", bsn, "het BSN", 20).bsn("bsn", bsn);
        errors.throwIfAny();
        return residents.personByBsn(m, Bsn.parse(bsn).value()).orElseThrow(() -> new NotFoundException("person"));
    }

    @Transactional
    Map<String, Object> export(CurrentUser officer, UUID personId, String request) {
        String m = officer.municipalityCode();
        List<UUID> households = residents.householdsOf(m, personId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("soort", "Inzageverzoek (AVG artikel 15)");
        out.put("gemaakt_op", OffsetDateTime.now(clock).toString());
        out.put("gemaakt_door", officer.displayName());
        for (PersonalDataSource source : sources) {
            out.put(source.section(), source.export(m, personId));
        }
        out.put("wie_heeft_uw_gegevens_bekeken", auditQuery.forResident(m, personId, households).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("wanneer", r.occurredAt().toString());
            row.put("wie", r.actorUsername());
            row.put("wat", r.action());
            row.put("gegeven", r.recordType());
            row.put("waarom", r.reason());
            return row;
        }).toList());
        audit.record(officer, AuditAction.EXPORT, "INZAGE", personId.toString(), null, personId, request);
        return out;
    }
}
