package nl.leefwereld.privacy.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.TimeConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The privacy officer's audit search: pages, the BSN lookup and the CSV export, each guarded and each audited where it reveals something. */
@Service
class AuditSearchService {

    /** The record type of audit rows about the audit log itself (its export, a search by BSN). */
    static final String RECORD_TYPE = "AUDIT_LOG";

    private static final Logger log = LoggerFactory.getLogger(AuditSearchService.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final AuditQuery query;
    private final AuditSearchGuard guard;
    private final AuditLog audit;
    private final ResidentRegister residents;
    private final Clock clock;
    private final long maxExportRows;

    AuditSearchService(AuditQuery query, AuditSearchGuard guard, AuditLog audit, ResidentRegister residents, Clock clock,
                       @Value("${leefwereld.privacy.audit-search.max-export-rows:1000000}") long maxExportRows) {
        this.query = query;
        this.guard = guard;
        this.audit = audit;
        this.residents = residents;
        this.clock = clock;
        this.maxExportRows = maxExportRows;
    }

    /** A page and the count of the filter (up to {@link AuditQuery#COUNT_CAP}). */
    record Result(AuditQuery.Page page, long count, boolean countCapped) {
    }

    Result search(CurrentUser me, AuditQuery.Filter filter, AuditQuery.Cursor after, int size, boolean withCount) {
        return guard.search(() -> {
            AuditQuery.Page page = query.page(me.municipalityCode(), filter, after, size);
            long count = withCount ? query.countUpTo(me.municipalityCode(), filter, AuditQuery.COUNT_CAP + 1) : -1;
            return new Result(page, Math.min(count, AuditQuery.COUNT_CAP), count > AuditQuery.COUNT_CAP);
        });
    }

    /**
     * The person with this BSN, checked like every BSN field (11-proof); the lookup itself is audited (SEARCH on the
     * audit log, about that person) because it tells the officer that the resident is known. The BSN is never stored.
     */
    Optional<UUID> personByBsn(CurrentUser me, String bsn, FieldErrors errors) {
        errors.maxLength("bsn", bsn, "het BSN", 20).bsn("bsn", bsn);
        if (AuditFilterInput.blank(bsn) || errors.has("bsn")) {
            return Optional.empty();
        }
        Optional<UUID> person = residents.personByBsn(me.municipalityCode(), Bsn.parse(bsn).value());
        if (person.isEmpty()) {
            errors.add("bsn", "Er is geen inwoner met dit BSN bekend in Leefwereld.");
        } else {
            audit.record(me, AuditAction.SEARCH, RECORD_TYPE, null, null, person.get(), "auditlog gezocht op BSN");
        }
        return person;
    }

    int maxConcurrent() {
        return guard.maxConcurrent();
    }

    long maxExportRows() {
        return maxExportRows;
    }

    /** Takes a place for an export before any byte is sent (so "busy" can still be a 503). */
    AuditSearchGuard.Permit reserveExport() {
        return guard.enter();
    }

    String exportFilename(CurrentUser me) {
        return "auditlog-" + me.municipalityCode() + "-" + FILE_TIME.format(OffsetDateTime.now(clock).atZoneSameInstant(TimeConfiguration.ZONE)) + ".csv";
    }

    /**
     * Streams the CSV of the filter to {@code out}, newest first, at most {@link #maxExportRows()} rows; the file says so
     * at the top, and at the end whether it is complete, cut off at the maximum, or broken off (timeout). The export is
     * audited (EXPORT on the audit log, with the filter as reason) before the first row is written. Releases the permit.
     */
    void export(CurrentUser me, AuditQuery.Filter filter, AuditSearchGuard.Permit permit, OutputStream out) throws IOException {
        try (permit) {
            audit.record(me, AuditAction.EXPORT, RECORD_TYPE, null, filter.householdId(), filter.personId(), "export: " + filter.describe());
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            AuditCsv csv = new AuditCsv(w);
            csv.preamble(me, filter, OffsetDateTime.now(clock), maxExportRows);
            long[] written = {0};
            boolean complete;
            try {
                long sent = guard.inTransaction(guard.exportTimeout(), () -> query.stream(me.municipalityCode(), filter, maxExportRows + 1, row -> {
                    if (written[0] < maxExportRows) {
                        csv.row(row);
                        written[0]++;
                    }
                }));
                complete = true;
                csv.end(written[0], sent > maxExportRows, maxExportRows);
            } catch (AuditBusyException e) {
                complete = false;
                csv.brokenOff(written[0], e.dutch());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
            if (!complete) {
                log.warn("Audit export broken off after {} rows (statement timeout)", written[0]);
            }
        }
    }
}
