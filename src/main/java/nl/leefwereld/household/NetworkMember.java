package nl.leefwereld.household;

import java.util.UUID;

public record NetworkMember(UUID id, String kind, String name, String relation, String organisation, String function, String role,
                            String phone, String email, boolean informalCarer, String carerLoadNote) {

    public boolean professional() {
        return "PROFESSIONAL".equals(kind);
    }
}
