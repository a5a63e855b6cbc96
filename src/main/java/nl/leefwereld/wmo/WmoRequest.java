package nl.leefwereld.wmo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A request under a law as a professional with access to the household sees it, with its terms. */
public record WmoRequest(UUID id, UUID householdId, UUID personId, String residentName, UUID notificationId, UUID teamId, Law law,
                         RequestState state, LocalDate meldingOn, LocalDate confirmedOn, String question, LocalDate personalPlanOn,
                         String personalPlan, LocalDate investigatedOn, String ownStrength, String network, String usualHelp,
                         String generalConsidered, String whyNotEnough, boolean customProposed, LocalDate aanvraagOn, LocalDate decidedOn,
                         Outcome outcome, String grounds, Long copaymentCents, String copaymentNote, LocalDate objectionOn,
                         String objectionGrounds, boolean objectionCommittee, LocalDate objectionDecidedOn,
                         ObjectionDecision.Outcome objectionOutcome, String objectionDecisionGrounds, ObjectionTerm objectionTerm,
                         List<DecisionLine> lines, List<TermStatus> terms, List<String> history) {

    /** The term for the decision on the objection (Awb 7:10), once an objection is lodged; with the history of the calculation. */
    public record ObjectionTerm(LocalDate from, String term, LocalDate due, boolean moved, LocalDate doneOn, String status, List<String> history) {
    }

    public enum Outcome {
        GRANTED("toegekend"),
        PARTLY("gedeeltelijk toegekend"),
        REFUSED("afgewezen");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The order of support is filled in: own strength, network, usual help, general provisions, and why they were not enough. */
    public boolean orderOfSupportComplete() {
        return filled(ownStrength) && filled(network) && filled(usualHelp) && filled(generalConsidered) && filled(whyNotEnough);
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }

    /** A provision in the decision. Money in cents. */
    public record DecisionLine(UUID id, UUID provisionId, String provisionName, String categoryCode, String categoryLabel, String form,
                               java.math.BigDecimal volume, String unitLabel, String frequencyLabel, LocalDate startOn, LocalDate endOn,
                               String providerName, long tariffCents, Long pgbAskedCents, Long pgbCapCents, Long pgbAmountCents,
                               String pgbCanManage, String pgbMotivated, String pgbQuality, LocalDate careAgreementOn) {

        /** "3 uur per week". */
        public String extent() {
            return volume.stripTrailingZeros().toPlainString() + " " + unitLabel + " " + frequencyLabel;
        }
    }

    /** A step's term: counts from, due, met (done in time), done late, running, overdue, suspended; with the history of the calculation. */
    public record TermStatus(TermStep step, LocalDate from, LocalDate due, boolean moved, String reason, LocalDate doneOn, String status,
                             boolean suspended, List<String> history) {
    }
}
