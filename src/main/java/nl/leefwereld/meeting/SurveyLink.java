package nl.leefwereld.meeting;

/** A participant's personal survey link, shown once to the facilitator to send on; only its hash is stored. */
public record SurveyLink(String participantName, String email, String path) {
}
