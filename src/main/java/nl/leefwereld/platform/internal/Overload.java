package nl.leefwereld.platform.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What kind of trouble an exception is, for answering it without a 500: the database is too busy right now (no pooled
 * connection within {@code spring.datasource.hikari.connection-timeout}, or a statement cancelled by
 * {@code statement_timeout}), or the client went away before the answer was written.
 */
enum Overload {

    /** The pool gave no connection in time, or a statement ran past its timeout: 503 with Retry-After. */
    BUSY,
    /** The client closed the connection (a closed tab, a timed-out load balancer): nothing to answer, nothing to alarm. */
    CLIENT_GONE;

    /** SQLSTATE query_canceled: statement_timeout (or a cancel request). */
    static final String QUERY_CANCELED = "57014";
    /** Seconds the client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The kind of {@code e} (looking through its causes), or null for an ordinary error. */
    static Overload of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
                return BUSY;
            }
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return BUSY;
            }
            String type = t.getClass().getName();
            if (type.equals("org.apache.catalina.connector.ClientAbortException")
                    || type.equals("org.springframework.web.context.request.async.AsyncRequestNotUsableException")) {
                return CLIENT_GONE;
            }
            if (t instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe") || io.getMessage().contains("Connection reset by peer"))) {
                return CLIENT_GONE;
            }
        }
        return null;
    }
}
