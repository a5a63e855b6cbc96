package nl.leefwereld.meeting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.meeting.MeetingStage;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import org.springframework.stereotype.Component;

/** Reads meetings for the pages and the API, each read audited (one row per meeting shown, in one statement). */
@Component
class MeetingView {

    private final MeetingRepository meetings;
    private final AuditLog audit;

    MeetingView(MeetingRepository meetings, AuditLog audit) {
        this.meetings = meetings;
        this.audit = audit;
    }

    record Full(MeetingRepository.MeetingRow meeting, MeetingStage stage, List<MeetingRepository.ParticipantRow> participants,
                List<MeetingRepository.AgreementRow> agreements) {

        public List<String> results() {
            return meeting.resultForResident() == null ? List.of()
                    : meeting.resultForResident().lines().map(String::strip).map(l -> l.startsWith("- ") ? l.substring(2) : l)
                    .filter(l -> !l.isEmpty()).toList();
        }
    }

    /** Every meeting of the household (access already checked by the caller), audited as read. */
    List<Full> ofHousehold(CurrentUser user, UUID householdId, String reason) {
        String m = user.municipalityCode();
        List<Full> out = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (MeetingRepository.MeetingRow row : meetings.meetingsOfHousehold(m, householdId)) {
            out.add(full(m, row));
            entries.add(AuditEntry.read("MEETING", row.id(), householdId, row.residentPersonId(), reason));
        }
        if (!entries.isEmpty()) {
            audit.recordAll(user, entries);
        }
        return out;
    }

    Full one(CurrentUser user, MeetingRepository.MeetingRow row, String reason) {
        audit.read(user, "MEETING", row.id(), row.householdId(), row.residentPersonId(), reason);
        return full(user.municipalityCode(), row);
    }

    private Full full(String m, MeetingRepository.MeetingRow row) {
        return new Full(row, row.held() ? MeetingStage.HELD : MeetingStage.PREPARING, meetings.participants(m, row.id()),
                meetings.agreements(m, row.id()));
    }

    static Map<String, String> labels(Class<? extends Enum<?>> type) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Enum<?> e : type.getEnumConstants()) {
            try {
                out.put(e.name(), (String) type.getMethod("label").invoke(e));
            } catch (ReflectiveOperationException ex) {
                out.put(e.name(), e.name());
            }
        }
        return out;
    }
}
