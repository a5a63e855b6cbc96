package nl.leefwereld.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do. The Dutch label is what screens show. */
public enum Role {
    CASE_DIRECTOR("Regisseur"),
    TEAM_LEAD("Teamleider"),
    MEETING_FACILITATOR("Procesbegeleider"),
    POLICY_OFFICER("Beleidsmedewerker"),
    ADMINISTRATOR("Functioneel beheerder"),
    PRIVACY_OFFICER("Privacy officer"),
    RESIDENT("Inwoner"),
    /** A council member: the monitor's aggregates only (never casework, never a household). */
    COUNCIL("Raadslid");

    /** The roles that work with households (casework); the others never see a household's personal data. */
    public static final Set<Role> CASEWORK = EnumSet.of(CASE_DIRECTOR, TEAM_LEAD, MEETING_FACILITATOR);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
