package nl.leefwereld.wmo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A complaint (Awb chapter 9) as a professional with access to the household sees it. The municipality handles it within
 * 6 weeks of receipt, extendable once by at most 4 weeks with a reason (Awb 9:11); {@code due} is that last day with
 * the Algemene termijnenwet applied.
 */
public record Complaint(UUID id, UUID householdId, String householdName, Law law, ComplaintCategory category, LocalDate receivedOn,
                        From from, String representative, UUID requestId, String summary, Integer extendedWeeks, String extensionReason,
                        String handledBy, Handling handledHow, String outcome, LocalDate closedOn, LocalDate due, String dueReason,
                        List<String> termHistory, String status) {

    public enum From {
        RESIDENT("De inwoner zelf"),
        REPRESENTATIVE("Een vertegenwoordiger");

        private final String label;

        From(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Handling {
        CONVERSATION("In een gesprek"),
        WRITTEN("Schriftelijk");

        private final String label;

        Handling(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean closed() {
        return closedOn != null;
    }
}
