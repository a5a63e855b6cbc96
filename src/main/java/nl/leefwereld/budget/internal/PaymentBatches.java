package nl.leefwereld.budget.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.budget.BudgetStatus;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment batches: every approved, unpaid request of a team goes into exactly one batch (the rows are locked while the
 * batch is made, skipped by a concurrent run, and (request) is unique in budget_batch_item), with a pain.001.001.03
 * file and a CSV whose group header (count, control sum) matches the transactions.
 */
@Service
class PaymentBatches {

    static final String RECORD = "PAYMENT_BATCH";

    record Batch(UUID id, UUID teamId, String messageId, OffsetDateTime createdAt, String createdBy, int transactions, long controlCents,
                 OffsetDateTime paidAt) {
        public String controlSum() {
            return nl.leefwereld.budget.Money.format(controlCents);
        }

        public boolean paid() {
            return paidAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final BudgetService budget;
    private final BudgetSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    PaymentBatches(JdbcClient jdbc, BudgetService budget, BudgetSettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.budget = budget;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The team lead makes the batch of their own team now. Empty when nothing is waiting to be paid. */
    @Transactional
    Optional<UUID> makeFor(CurrentUser user) {
        requireTeamLead(user);
        Optional<UUID> id = make(user.municipalityCode(), user.teamId(), user.username());
        id.ifPresent(b -> audit.record(user, AuditAction.CREATE, RECORD, b.toString(), null, null, "betaalbestand gemaakt"));
        return id;
    }

    /** One batch of all approved, unpaid requests of the team (rows another run holds are skipped; it pays them). */
    @Transactional
    Optional<UUID> make(String m, UUID teamId, String createdBy) {
        List<BudgetService.Request> requests = budget.select("""
                WHERE r.municipality_code = :m AND r.team_id = :t AND r.status = 'APPROVED'
                  AND r.id IN (SELECT id FROM budget_request WHERE municipality_code = :m AND team_id = :t AND status = 'APPROVED'
                               ORDER BY decided_at, id FOR UPDATE SKIP LOCKED)
                ORDER BY r.decided_at, r.id""", java.util.Map.of("m", m, "t", teamId));
        if (requests.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        String messageId = "LW" + now.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + id.toString().replace("-", "").substring(0, 12);
        List<PaymentFiles.Transfer> transfers = requests.stream().map(r -> new PaymentFiles.Transfer(endToEnd(r.id()),
                r.payeeName(), r.payeeIban(), r.amountCents(), r.invoiceReference())).toList();
        LocalDate execution = LocalDate.now(clock);
        String xml = PaymentFiles.pain001(messageId, now, execution, new PaymentFiles.Debtor(settings.debtorName, settings.debtorIban), transfers);
        String csv = PaymentFiles.csv(transfers);
        jdbc.sql("""
                INSERT INTO budget_batch (municipality_code, id, team_id, message_id, created_at, created_by, transactions, control_cents, pain_xml, csv)
                VALUES (:m, :id, :t, :msg, :at, :by, :n, :sum, :xml, :csv)""")
                .param("m", m).param("id", id).param("t", teamId).param("msg", messageId).param("at", now).param("by", createdBy)
                .param("n", transfers.size()).param("sum", PaymentFiles.controlCents(transfers)).param("xml", xml).param("csv", csv).update();
        for (BudgetService.Request r : requests) {
            jdbc.sql("INSERT INTO budget_batch_item (municipality_code, batch_id, request_id) VALUES (:m, :b, :r)")
                    .param("m", m).param("b", id).param("r", r.id()).update();
            budget.move(m, r.id(), BudgetStatus.APPROVED, BudgetStatus.IN_BATCH);
        }
        return Optional.of(id);
    }

    /** The end-to-end id the bank returns on the statement: the request id without dashes (32 characters). */
    static String endToEnd(UUID requestId) {
        return requestId.toString().replace("-", "").toUpperCase();
    }

    /** Every team with approved, unpaid requests gets its batch (the scheduled run). */
    List<UUID> makeAll(String createdBy) {
        List<Object[]> teams = jdbc.sql("SELECT DISTINCT municipality_code, team_id FROM budget_request WHERE status = 'APPROVED'")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)}).list();
        return teams.stream().map(t -> make((String) t[0], (UUID) t[1], createdBy)).flatMap(Optional::stream).toList();
    }

    List<Batch> ofTeam(CurrentUser user) {
        if (user.teamId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, team_id, message_id, created_at, created_by, transactions, control_cents, paid_at FROM budget_batch
                WHERE municipality_code = :m AND team_id = :t ORDER BY created_at DESC LIMIT 50""")
                .param("m", user.municipalityCode()).param("t", user.teamId()).query(PaymentBatches::mapBatch).list();
    }

    private static Batch mapBatch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class), rs.getString("message_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getInt("transactions"), rs.getLong("control_cents"),
                rs.getObject("paid_at", OffsetDateTime.class));
    }

    /** The file of a batch of the team lead's own team (another team's batch id is "not found"); audited as an export per request. */
    String file(CurrentUser user, UUID batchId, boolean xml) {
        requireTeamLead(user);
        String content = jdbc.sql("SELECT " + (xml ? "pain_xml" : "csv") + " FROM budget_batch WHERE municipality_code = :m AND id = :id AND team_id = :t")
                .param("m", user.municipalityCode()).param("id", batchId).param("t", user.teamId()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("payment batch"));
        List<AuditEntry> entries = new java.util.ArrayList<>();
        entries.add(new AuditEntry(AuditAction.EXPORT, RECORD, batchId.toString(), null, null, xml ? "pain.001 gedownload" : "csv gedownload"));
        for (Object[] r : requestsOf(user.municipalityCode(), batchId)) {
            entries.add(new AuditEntry(AuditAction.EXPORT, BudgetService.RECORD, r[0].toString(), (UUID) r[1], null, "in betaalbestand"));
        }
        audit.recordAll(user, entries);
        return content;
    }

    private List<Object[]> requestsOf(String m, UUID batchId) {
        return jdbc.sql("""
                SELECT r.id, r.household_id FROM budget_batch_item i JOIN budget_request r ON r.municipality_code = i.municipality_code AND r.id = i.request_id
                WHERE i.municipality_code = :m AND i.batch_id = :b""").param("m", m).param("b", batchId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** The team lead confirms the batch was sent and paid: every request in it becomes PAID (once). */
    @Transactional
    int markPaid(CurrentUser user, UUID batchId) {
        requireTeamLead(user);
        String m = user.municipalityCode();
        Optional<OffsetDateTime> paid = jdbc.sql("SELECT paid_at FROM budget_batch WHERE municipality_code = :m AND id = :id AND team_id = :t FOR UPDATE")
                .param("m", m).param("id", batchId).param("t", user.teamId())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).optional()
                .orElseThrow(() -> new NotFoundException("payment batch"));
        if (paid.isPresent()) {
            throw InvalidInputException.of("batch", "Dit betaalbestand is al als betaald gemarkeerd.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("UPDATE budget_batch SET paid_at = :at, paid_by = :u WHERE municipality_code = :m AND id = :id")
                .param("at", now).param("u", user.id()).param("m", m).param("id", batchId).update();
        List<Object[]> requests = requestsOf(m, batchId);
        for (Object[] r : requests) {
            budget.move(m, (UUID) r[0], BudgetStatus.IN_BATCH, BudgetStatus.PAID);
            audit.record(user, AuditAction.UPDATE, BudgetService.RECORD, r[0].toString(), (UUID) r[1], null, "betaald");
        }
        return requests.size();
    }

    static void requireTeamLead(CurrentUser user) {
        if (!user.has(Role.TEAM_LEAD) || user.teamId() == null) {
            throw new nl.leefwereld.privacy.NoAccessException(null);
        }
    }
}
