package nl.leefwereld.monitor;

import java.util.EnumSet;
import java.util.Set;
import nl.leefwereld.identity.Role;

/**
 * The roles that may use the monitor's exports: policy officer, team lead (own team) and the council member. The
 * council role is looked up by name, so this compiles before and after the role is added to {@link Role}.
 */
public final class MonitorTestRoles {

    public static final Set<Role> EXPORT = exportRoles();

    private MonitorTestRoles() {
    }

    private static Set<Role> exportRoles() {
        Set<Role> roles = EnumSet.of(Role.POLICY_OFFICER, Role.TEAM_LEAD);
        for (Role r : Role.values()) {
            if (r.name().equals("COUNCIL")) {
                roles.add(r);
            }
        }
        return roles;
    }
}
