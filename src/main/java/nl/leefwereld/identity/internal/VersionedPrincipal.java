package nl.leefwereld.identity.internal;

/**
 * A principal that remembers the account's security version it was built with. {@link SessionGuard} compares it with
 * the stored version on every request, so a change of roles, team or activation reaches open sessions at once.
 */
interface VersionedPrincipal {

    /** The account's {@code security_version} when this principal was built; -1 when unknown (always rebuilt). */
    long securityVersion();
}
