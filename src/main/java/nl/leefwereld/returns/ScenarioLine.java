package nl.leefwereld.returns;

import java.math.BigDecimal;

/**
 * One line of a scenario: a price (from the price list, or entered with a description) × quantity × number of periods.
 * {@code itemCode} and {@code itemVersion} are set when the price came from the price list; the unit price is the one
 * used, so a saved calculation keeps its prices when the list changes later.
 */
public record ScenarioLine(String itemCode, Integer itemVersion, String description, PriceUnit unit, Payer payer, BigDecimal unitPrice,
                           BigDecimal quantity, BigDecimal periods) {

    /** unit price × quantity × periods, in euros and cents (half up). */
    public BigDecimal amount() {
        return ReturnsMath.euros(unitPrice.multiply(quantity).multiply(periods));
    }
}
