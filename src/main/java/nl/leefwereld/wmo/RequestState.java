package nl.leefwereld.wmo;

import java.util.EnumSet;
import java.util.Set;

/**
 * The legal states of a Wmo (or Jeugdwet / Participatiewet) request, and the transitions the law allows. An illegal
 * transition is refused with a Dutch message ({@link IllegalTransitionException}).
 */
public enum RequestState {
    /** The melding is registered and confirmed; the investigation runs (6 weeks). */
    MELDING("Melding ontvangen, onderzoek loopt"),
    /** The investigation report is written (order of support filled in). */
    ONDERZOCHT("Onderzoek afgerond"),
    /** The resident applied; the decision is due within 2 weeks (8 for Jeugdwet/Participatiewet). */
    AANVRAAG("Aanvraag ontvangen"),
    /** The decision is taken and sent; the objection term runs. */
    BESCHIKT("Beschikking verstuurd"),
    /** An objection was lodged; the decision on the objection is due. */
    BEZWAAR("Bezwaar ingediend"),
    /** The decision on the objection is taken. */
    BEZWAAR_BESLIST("Beslissing op bezwaar genomen");

    private final String label;

    RequestState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The states that may follow. An aanvraag may follow the melding directly: after the investigation, or after six
     * weeks without one (Wmo 2015 art. 2.3.2 lid 9) — the service checks the six weeks.
     */
    public Set<RequestState> next() {
        return switch (this) {
            case MELDING -> EnumSet.of(ONDERZOCHT, AANVRAAG);
            case ONDERZOCHT -> EnumSet.of(AANVRAAG);
            case AANVRAAG -> EnumSet.of(BESCHIKT);
            case BESCHIKT -> EnumSet.of(BEZWAAR);
            case BEZWAAR -> EnumSet.of(BEZWAAR_BESLIST);
            case BEZWAAR_BESLIST -> EnumSet.noneOf(RequestState.class);
        };
    }

    /** Returns the target state, or throws with a Dutch message saying why the step is not possible now. */
    public RequestState moveTo(RequestState target) {
        if (!next().contains(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    public static final class IllegalTransitionException extends RuntimeException {

        private final RequestState from;
        private final RequestState to;

        public IllegalTransitionException(RequestState from, RequestState to) {
            super("Dit kan nu niet: het verzoek staat op '" + from.label() + "'; de stap '" + to.label() + "' past daar niet na.");
            this.from = from;
            this.to = to;
        }

        public RequestState from() {
            return from;
        }

        public RequestState to() {
            return to;
        }
    }
}
