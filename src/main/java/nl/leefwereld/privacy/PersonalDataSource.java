package nl.leefwereld.privacy;

import java.util.UUID;

/** A module's contribution to a resident's inzage export (right of access, AVG art. 15). */
public interface PersonalDataSource {

    /** Section name in the export, e.g. "huishoudens". */
    String section();

    /**
     * The data this module holds about the person, as plain maps and lists (serialised to JSON and rendered in the
     * readable PDF). Only the person's own data: other people (co-residents) at most by name and relation, never their
     * BSN, contact details or birth date.
     */
    Object export(String municipalityCode, UUID personId);

    /** The other registered persons this section names (e.g. co-residents); each gets an audit row of its own. */
    default java.util.Set<UUID> othersNamed(String municipalityCode, UUID personId) {
        return java.util.Set.of();
    }
}
