package nl.leefwereld.monitor;

import java.util.EnumSet;
import java.util.Set;
import nl.leefwereld.identity.Role;

/**
 * The roles that may use the monitor's exports: policy officer, team lead (own team) and the council member.
 */
public final class MonitorTestRoles {

    public static final Set<Role> EXPORT = EnumSet.of(Role.POLICY_OFFICER, Role.TEAM_LEAD, Role.COUNCIL);

    private MonitorTestRoles() {
    }
}
