package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One version of a price-list item; {@code validTo} null means it is the current price. */
public record PriceItem(UUID id, String code, int version, String name, PriceUnit unit, BigDecimal price, Payer payer, String sourceDocument,
                        String sourceLine, String note, LocalDate validFrom, LocalDate validTo) {

    public String source() {
        return sourceDocument + ", " + sourceLine;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
