package nl.leefwereld.budget;

import java.util.EnumSet;
import java.util.Set;

/** Where a custom-budget request stands. Only the transitions listed here are possible. */
public enum BudgetStatus {
    REQUESTED("Aangevraagd"),
    APPROVED("Goedgekeurd, nog niet betaald"),
    REJECTED("Afgewezen"),
    IN_BATCH("In betaalbestand, nog niet betaald"),
    PAID("Betaald");

    private final String label;

    BudgetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to. */
    public Set<BudgetStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(IN_BATCH);
            case IN_BATCH -> EnumSet.of(PAID);
            case REJECTED, PAID -> EnumSet.noneOf(BudgetStatus.class);
        };
    }

    public boolean canMoveTo(BudgetStatus target) {
        return next().contains(target);
    }

    /** Approved and not yet paid: the money is committed. */
    public boolean committed() {
        return this == APPROVED || this == IN_BATCH;
    }
}
