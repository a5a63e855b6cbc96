package nl.leefwereld.catalog;

import java.time.LocalDate;
import java.util.UUID;

/** A provider on the social map. {@code waitingWeeks} null when unknown; {@code lastCheckedOn} shows how fresh the entry is. */
public record Provider(UUID id, String name, String contact, String phone, String email, boolean contracted, String tariffs,
                       String capacity, Integer waitingWeeks, LocalDate lastCheckedOn) {

    /** An entry not checked for more than half a year is stale: screens say so. */
    public boolean staleOn(LocalDate today) {
        return lastCheckedOn.isBefore(today.minusMonths(6));
    }
}
