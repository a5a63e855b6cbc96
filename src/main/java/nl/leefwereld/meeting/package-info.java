/**
 * The planning meeting (planbijeenkomst) with the resident's network and the participants' survey. Public API:
 * {@link nl.leefwereld.meeting.RecordingMeeting}; the survey and its report live in {@code internal}.
 */
package nl.leefwereld.meeting;
