package nl.leefwereld.household;

/** A network member as typed: kind INFORMAL or PROFESSIONAL. */
public record NetworkDraft(String kind, String name, String relation, String organisation, String function, String role,
                           String phone, String email, boolean informalCarer, String carerLoadNote) {
}
