package nl.leefwereld.budget;

/** What the money is spent on, for the yearly evaluation (counts and amounts per category). */
public enum BudgetCategory {
    HOUSING("Wonen en huur"),
    DEBTS("Schulden en betalingsachterstand"),
    ENERGY("Energie en vaste lasten"),
    MOBILITY("Vervoer"),
    EDUCATION("School en opleiding"),
    WORK("Werk en dagbesteding"),
    HEALTH("Gezondheid en zorg"),
    HOUSEHOLD_GOODS("Inrichting en huishouden"),
    SOCIAL("Meedoen en sociaal netwerk"),
    OTHER("Anders");

    private final String label;

    BudgetCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
