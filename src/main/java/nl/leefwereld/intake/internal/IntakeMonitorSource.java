package nl.leefwereld.intake.internal;

import java.util.Set;
import nl.leefwereld.monitor.MonitorSource;
import org.springframework.stereotype.Component;

/**
 * Lead time notification → first contact, for the monitor's timeliness table: per notification that a team member
 * picked up, the days from the day it came in ({@code received_on}) to the day it was picked up ({@code picked_up_at},
 * Dutch time), as a histogram (key1 = days) per year of the pick-up, district and the case's team. A notification is not
 * bound to one law, so law is ''.
 */
@Component
class IntakeMonitorSource implements MonitorSource {

    static final String FIRST_CONTACT = "timeliness.days.first_contact";

    @Override
    public String name() {
        return "meldingen";
    }

    @Override
    public Set<String> measures() {
        return Set.of(FIRST_CONTACT);
    }

    @Override
    public String factsQuery() {
        return """
                SELECT 'timeliness.days.first_contact'::text AS measure, extract(year FROM d.picked_on)::int AS year, d.district_code,
                       d.team_id, ''::text AS law, d.days::text AS key1, ''::text AS key2, count(*)::bigint AS n, NULL::numeric AS amount
                  FROM (SELECT (n.picked_up_at AT TIME ZONE 'Europe/Amsterdam')::date AS picked_on,
                               greatest(0, (n.picked_up_at AT TIME ZONE 'Europe/Amsterdam')::date - n.received_on) AS days,
                               mh.district_code, c.team_id
                          FROM notification n
                          JOIN care_case c ON c.municipality_code = n.municipality_code AND c.id = n.case_id
                          JOIN monitor_household mh ON mh.household_id = c.household_id
                         WHERE n.municipality_code = ? AND n.picked_up_at IS NOT NULL) d
                 GROUP BY 2, 3, 4, 6
                """;
    }
}
