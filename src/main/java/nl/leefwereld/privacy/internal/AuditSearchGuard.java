package nl.leefwereld.privacy.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the privacy officer's heavy queries from starving casework: at most {@code max-concurrent} audit searches and
 * exports run at once (over that: {@link AuditBusyException} at once, the caller answers "busy, try again"), and each
 * runs in a read-only transaction with its own {@code statement_timeout} ({@code SET LOCAL}: it ends with the
 * transaction, the pooled connection keeps its own setting).
 */
@Component
class AuditSearchGuard {

    /** What the busy answer's Retry-After says. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    private final Semaphore permits;
    private final int maxConcurrent;
    private final Duration searchTimeout;
    private final Duration exportTimeout;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    AuditSearchGuard(PlatformTransactionManager transactions, JdbcClient jdbc,
                     @Value("${leefwereld.privacy.audit-search.max-concurrent:2}") int maxConcurrent,
                     @Value("${leefwereld.privacy.audit-search.statement-timeout:5s}") Duration searchTimeout,
                     @Value("${leefwereld.privacy.audit-search.export-statement-timeout:120s}") Duration exportTimeout) {
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.permits = new Semaphore(this.maxConcurrent, true);
        this.searchTimeout = searchTimeout;
        this.exportTimeout = exportTimeout;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
    }

    /** A place among the running audit searches; close it when done. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A place, or {@link AuditBusyException} when all are taken (waits at most a moment). */
    Permit enter() {
        try {
            if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                throw new AuditBusyException(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditBusyException(false);
        }
        return new Permit() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    permits.release();
                }
            }
        };
    }

    /** A search (a page and its count): a place and the search timeout. */
    <T> T search(Supplier<T> work) {
        try (Permit ignored = enter()) {
            return inTransaction(searchTimeout, work);
        }
    }

    /** Runs {@code work} in a read-only transaction whose statements stop after {@code timeout}. */
    <T> T inTransaction(Duration timeout, Supplier<T> work) {
        try {
            return tx.execute(status -> {
                jdbc.sql("SELECT set_config('statement_timeout', :ms, true)").param("ms", Long.toString(timeout.toMillis()))
                        .query(String.class).single();
                return work.get();
            });
        } catch (DataAccessException e) {
            if (isTimeout(e)) {
                throw new AuditBusyException(true);
            }
            throw e;
        }
    }

    Duration exportTimeout() {
        return exportTimeout;
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
