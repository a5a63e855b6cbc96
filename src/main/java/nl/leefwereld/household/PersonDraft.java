package nl.leefwereld.household;

/** A person as typed in a form or API body; checked by {@link Households}. Fields are strings so nothing typed is lost. */
public record PersonDraft(String firstName, String lastName, String birthDate, String bsn, String phone, String email) {
}
