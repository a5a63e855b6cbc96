package nl.leefwereld.identity;

import java.util.UUID;

/**
 * Published when an administrator moves a district to another team, or leaves it without one. Every member of the
 * new team gains access to the district's households and every member of the old team loses it: the privacy module
 * audits it as an access change with before and after, visible to the privacy officer.
 */
public record DistrictTeamChanged(String municipalityCode, String districtCode, UUID teamBefore, String teamBeforeName,
                                  UUID teamAfter, String teamAfterName, UUID changedBy, String changedByUsername) {
}
