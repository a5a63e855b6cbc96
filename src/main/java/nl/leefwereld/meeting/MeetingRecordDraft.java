package nl.leefwereld.meeting;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meeting as it was held, as typed: when and where, who attended (participant ids; the resident must be among
 * them), each participant's view and concerns (by participant id), the framework party's lower bound, the decisions
 * (agreements and fallback, which become a new version of the household plan), the result for the resident in words
 * (one result a line), the avoided costs (free text and an optional amount in euros) and whether a next meeting is needed.
 */
public record MeetingRecordDraft(String heldOn, String place, Set<String> attended, Map<String, String> views,
                                 Map<String, String> concerns, String lowerBound, String lowerBoundSetBy,
                                 List<AgreementInput> agreements, String fallback, String resultForResident,
                                 String avoidedCostsNote, String avoidedCostsAmount, boolean followUpNeeded) {
}
