package nl.leefwereld.privacy;

import java.util.UUID;

/** A module's contribution to a resident's inzage export (right of access, AVG art. 15). */
public interface PersonalDataSource {

    /** Section name in the export, e.g. "huishoudens". */
    String section();

    /** The data this module holds about the person, as plain maps and lists (serialised to JSON). */
    Object export(String municipalityCode, UUID personId);
}
