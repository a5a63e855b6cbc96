package nl.leefwereld.identity;

import java.util.UUID;

public record UserRef(UUID id, String username, String displayName) {
}
