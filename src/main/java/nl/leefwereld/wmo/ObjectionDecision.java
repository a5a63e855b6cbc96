package nl.leefwereld.wmo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The decision on an objection (Awb 7:10): within 6 weeks, or 12 when an advisory committee is heard, counted from the day
 * after the objection term ended; the administrative body may postpone it once by at most 6 weeks, with a reason. The
 * Algemene termijnenwet applies. Pure.
 */
public final class ObjectionDecision {

    public static final int MAX_POSTPONEMENT_WEEKS = 6;

    private ObjectionDecision() {
    }

    public enum Outcome {
        WELL_FOUNDED("gegrond"),
        PARTLY_WELL_FOUNDED("gedeeltelijk gegrond"),
        UNFOUNDED("ongegrond"),
        INADMISSIBLE("niet-ontvankelijk");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static TermLength term(boolean advisoryCommittee) {
        return TermLength.weeks(advisoryCommittee ? 12 : 6);
    }

    /** The last day for the decision on the objection, from the last day of the objection term. */
    public static LegalTerms.Due due(LocalDate objectionTermEnd, boolean advisoryCommittee, List<LegalTerms.Extension> postponements,
                                     Map<LocalDate, String> equatedDays, LocalDate today) {
        return LegalTerms.due(objectionTermEnd, term(advisoryCommittee), List.of(), postponements, equatedDays, today);
    }
}
