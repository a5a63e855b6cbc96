package nl.leefwereld.meeting;

import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;

/**
 * The work of a planning meeting, led by a meeting facilitator: the inventory with the resident, invitations (needing
 * consent for anyone outside the household and the municipality's teams), each participant's preparation, and the
 * meeting itself, whose decisions become a new version of the household plan. Every method checks household access
 * and writes the audit trail; bad input is an {@link nl.leefwereld.shared.InvalidInputException} with Dutch field errors.
 */
public interface RecordingMeeting {

    /**
     * A new meeting (the first, or a 2nd/3rd one that takes over the earlier meeting's participants) for the resident.
     * A facilitator leads it themselves; a case director or team lead names a facilitator of their own team.
     */
    UUID start(CurrentUser user, UUID householdId, String residentPersonId, String facilitatorId);

    UUID addParticipant(CurrentUser user, UUID meetingId, ParticipantDraft draft);

    /**
     * Records the invitation, by or on behalf of the resident. Throws {@link nl.leefwereld.privacy.ConsentMissingException}
     * when the participant is outside the household and the municipality's teams and the resident has not consented to
     * sharing for a planning meeting with that recipient.
     */
    void invite(CurrentUser user, UUID meetingId, UUID participantId, String invitedBy);

    void recordPreparation(CurrentUser user, UUID meetingId, UUID participantId, boolean prepared, String preparedOn, String brings);

    /** Records the meeting and its decisions; the household plan gets a new version; every participant who attended gets a survey link. */
    RecordedMeeting recordMeeting(CurrentUser user, UUID meetingId, MeetingRecordDraft draft);
}
