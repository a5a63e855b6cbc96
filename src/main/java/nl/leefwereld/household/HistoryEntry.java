package nl.leefwereld.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One earlier state: a move, a correction or a departure, with when, what changed (old values, the BSN masked), why and
 * by whom.
 */
public record HistoryEntry(UUID personId, String personName, Kind kind, OffsetDateTime recordedAt, LocalDate effectiveOn,
                           String change, String reason, String changedBy) {

    public enum Kind {
        MOVE("Verhuizing"), CORRECTION("Correctie"), DEPARTURE("Vertrek uit het huishouden");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
