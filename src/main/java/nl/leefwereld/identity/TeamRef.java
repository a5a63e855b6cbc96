package nl.leefwereld.identity;

import java.util.UUID;

public record TeamRef(UUID id, String name) {
}
