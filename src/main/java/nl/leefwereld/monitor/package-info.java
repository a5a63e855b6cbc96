/**
 * The council monitor: reach, overlap, concentration, timeliness, outcomes, satisfaction, money and indicators, per
 * year, district and law, over pre-aggregated facts only.
 *
 * <p>How it is put together:
 * <ul>
 *   <li>Modules that own the recorded work (wmo, intake, plan, outcome, meeting, budget, returns, household) contribute
 *       <em>facts</em> through {@link nl.leefwereld.monitor.MonitorSource}: one SQL query each that returns counts and
 *       sums grouped by year, district, team, law and up to two keys. The monitor runs them all in one refresh
 *       ("generation") into its own table {@code monitor_fact} and switches to the new generation at once.</li>
 *   <li>Each of the eight tables is a {@link nl.leefwereld.monitor.MonitorTableDefinition} bean that turns the facts
 *       of the current generation into a {@link nl.leefwereld.monitor.MonitorTable} for a {@link
 *       nl.leefwereld.monitor.MonitorQuery}. It never sees a household or a person.</li>
 *   <li>{@link nl.leefwereld.monitor.Monitor} is the one way out: it applies small-cell suppression (primary and
 *       secondary) before any table leaves the module, for the pages, the exports, the API and the council report.</li>
 * </ul>
 */
package nl.leefwereld.monitor;
