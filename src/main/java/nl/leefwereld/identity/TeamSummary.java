package nl.leefwereld.identity;

import java.util.Set;
import java.util.UUID;

public record TeamSummary(UUID id, String name, Set<String> districtCodes, long memberCount) {
}
