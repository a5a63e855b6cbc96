package nl.leefwereld.household;

/**
 * A correction of a person's data as typed, with the required reason. A null field is left as it is; an empty BSN too
 * (a BSN is corrected, never removed here).
 */
public record CorrectionDraft(String firstName, String lastName, String birthDate, String bsn, String phone, String email, String reason) {
}
