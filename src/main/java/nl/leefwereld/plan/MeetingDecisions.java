package nl.leefwereld.plan;

import java.util.List;
import java.util.UUID;

/** What a planning meeting decided: new agreements, the fallback and the framework party's lower bound. */
public record MeetingDecisions(UUID meetingId, String meetingLabel, List<AgreementDraft> agreements,
                               String fallback, String lowerBound, String lowerBoundSetBy) {}
