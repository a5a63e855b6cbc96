package nl.leefwereld.monitor;

/**
 * How one of the eight tables is computed from the facts of the current refresh. One Spring bean per table, in the
 * monitor's {@code internal} package. The result is raw (not suppressed); only {@link Monitor} hands tables out.
 */
public interface MonitorTableDefinition {

    MonitorTableName name();

    /** A short Dutch (B1) explanation shown above the table: what is counted and where it comes from. */
    String explanation();

    /** Computes the table for the query from the facts. */
    MonitorTable compute(MonitorQuery query, MonitorFacts facts);
}
