package nl.leefwereld.identity;

import java.util.UUID;

/**
 * A security-relevant event that is not a read or change of personal data: logins, lockouts, refused requests,
 * revoked sessions. Published by the identity module (and the web layer); the privacy module writes each one to the
 * audit trail, in its own transaction, so a rollback never removes it.
 *
 * @param municipalityCode the account's municipality, or null when the account is unknown
 * @param userId           the account, or null when unknown
 * @param username         as typed or as known (never a password); truncated by the writer
 * @param type             what happened
 * @param source           the client address the request came from, or null
 * @param detail           a short, non-personal description (route, reason code); never a BSN or free text of a resident
 */
public record SecurityEvent(String municipalityCode, UUID userId, String username, Type type, String source, String detail) {

    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        ACCOUNT_LOCKED,
        LOGOUT,
        SESSION_EXPIRED,
        SESSION_REVOKED,
        ACCESS_DENIED,
        RATE_LIMITED
    }
}
