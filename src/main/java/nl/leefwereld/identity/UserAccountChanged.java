package nl.leefwereld.identity;

import java.util.UUID;

/** Published when an administrator creates or changes an account; the privacy module audits it. */
public record UserAccountChanged(String municipalityCode, UUID userId, String action, UUID changedBy, String changedByUsername) {
}
