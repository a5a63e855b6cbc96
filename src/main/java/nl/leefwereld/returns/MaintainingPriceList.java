package nl.leefwereld.returns;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.leefwereld.identity.CurrentUser;

/**
 * The societal price list of the user's municipality. Versioned: a new price closes the current version the day
 * before it takes effect; saved calculations keep the price they used.
 */
public interface MaintainingPriceList {

    /** The items valid on the day, by code. */
    List<PriceItem> validOn(String municipalityCode, LocalDate day);

    Optional<PriceItem> item(String municipalityCode, String code, LocalDate day);

    /** Every version of every item, newest first per code. */
    List<PriceItem> history(String municipalityCode);

    /** Sets a new price (and name, unit, payer, source) from {@code validFrom}; returns the new version. Administrators only. */
    PriceItem setPrice(CurrentUser admin, PriceChange change);

    record PriceChange(String code, String name, String unit, String price, String payer, String sourceDocument, String sourceLine,
                       String note, String validFrom) {
    }
}
