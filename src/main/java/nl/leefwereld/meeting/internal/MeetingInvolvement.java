package nl.leefwereld.meeting.internal;

import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.HouseholdInvolvement;
import org.springframework.stereotype.Component;

/** Taking part in a planning meeting grants access to the household: its facilitator, and colleagues invited to or present at it. */
@Component
class MeetingInvolvement implements HouseholdInvolvement {

    private final MeetingRepository meetings;

    MeetingInvolvement(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<String> basis(CurrentUser user, UUID householdId) {
        return meetings.involvement(user.municipalityCode(), user.id(), householdId);
    }

    @Override
    public java.util.Set<UUID> involvedIn(CurrentUser user, java.util.Collection<UUID> householdIds) {
        return householdIds.isEmpty() ? java.util.Set.of() : meetings.involvedIn(user.municipalityCode(), user.id(), householdIds);
    }
}
