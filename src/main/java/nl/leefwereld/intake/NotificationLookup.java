package nl.leefwereld.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads registered notifications for modules that start a process from one (the Wmo legal process). No access check: callers check. */
public interface NotificationLookup {

    record NotificationFacts(UUID id, UUID caseId, UUID householdId, UUID teamId, LocalDate receivedOn, String questionAsAsked,
                             String ownStrength, String networkSummary) {
    }

    Optional<NotificationFacts> find(String municipalityCode, UUID notificationId);

    List<NotificationFacts> ofHousehold(String municipalityCode, UUID householdId);
}
