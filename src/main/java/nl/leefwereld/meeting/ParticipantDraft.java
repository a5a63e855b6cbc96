package nl.leefwereld.meeting;

/**
 * A person named in the inventory, as typed. {@code question} is an {@link InventoryQuestion} name; {@code namedBy} the
 * participant who named them (for "who else should think along?"), empty when the resident did; {@code networkMemberId}
 * links to the household's network, {@code personId} to a household member, {@code userId} to a colleague's account.
 */
public record ParticipantDraft(String question, String namedBy, String kind, String name, String relation, String organisation,
                               String email, String networkMemberId, String personId, String userId) {
}
