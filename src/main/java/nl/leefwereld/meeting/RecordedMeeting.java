package nl.leefwereld.meeting;

import java.util.List;

/** The outcome of recording a meeting: the household plan's new version and the survey links to send. */
public record RecordedMeeting(int planVersion, List<SurveyLink> surveyLinks) {
}
