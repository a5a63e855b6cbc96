package nl.leefwereld.wmo;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import nl.leefwereld.catalog.ProductCategory;

/**
 * The co-payment (eigen bijdrage) for custom provisions: the flat monthly subscription rate (abonnementstarief, Wmo
 * 2015 art. 2.1.4a, since 2019) — once per household per month however many custom provisions it has — unless an
 * exemption applies. The rate per year is configuration (the municipality may ask less than the maximum); pure.
 *
 * <p>Exempt by law (Uitvoeringsbesluit Wmo 2015 art. 3.8): wheelchairs (WMO020 category 11); a resident under 18.
 * Beschermd wonen and opvang (categories 15–18) have an income-dependent co-payment, not the subscription rate: this rule
 * does not compute it and says so. The municipality may exempt further (e.g. a minima regulation): {@link Exemption}.
 */
public final class CoPayment {

    /** The maximum subscription rate per month in cents, per year (2025 and 2026: € 21,80). */
    public static final Map<Integer, Long> NATIONAL_MAXIMUM = Map.of(2019, 1750L, 2020, 1900L, 2021, 1900L, 2022, 1900L, 2023, 2000L,
            2024, 2100L, 2025, 2180L, 2026, 2180L);

    private CoPayment() {
    }

    public enum Exemption {
        NONE("geen vrijstelling"),
        MINIMA("vrijgesteld: inkomen op of onder de grens van de minimaregeling van de gemeente"),
        MUNICIPAL_OTHER("vrijgesteld door de gemeente (reden in de beschikking)");

        private final String label;

        Exemption(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The monthly amount in cents and why. */
    public record Outcome(long monthlyCents, String explanation) {
    }

    /** The rate for a day's year: the municipality's configured rate, else the national maximum of that (or the latest) year. */
    public static long rateFor(LocalDate day, Optional<Long> configuredCents) {
        if (configuredCents.isPresent()) {
            return configuredCents.get();
        }
        int year = day.getYear();
        while (year >= 2019) {
            Long rate = NATIONAL_MAXIMUM.get(year);
            if (rate != null) {
                return rate;
            }
            year--;
        }
        return NATIONAL_MAXIMUM.get(2026);
    }

    /**
     * The co-payment for a household's custom provisions (their product categories) for a resident of the given age,
     * at the monthly rate in cents.
     */
    public static Outcome apply(Collection<ProductCategory> provisions, int residentAge, Exemption exemption, long monthlyRateCents) {
        if (provisions.isEmpty()) {
            return new Outcome(0, "geen maatwerkvoorziening: geen eigen bijdrage");
        }
        if (residentAge < 18) {
            return new Outcome(0, "geen eigen bijdrage: de inwoner is jonger dan 18 jaar");
        }
        if (exemption != null && exemption != Exemption.NONE) {
            return new Outcome(0, "geen eigen bijdrage: " + exemption.label());
        }
        boolean onlyExempt = provisions.stream().allMatch(c -> c == ProductCategory.C11);
        if (onlyExempt) {
            return new Outcome(0, "geen eigen bijdrage: voor een rolstoel vraagt de gemeente geen eigen bijdrage");
        }
        boolean shelter = provisions.stream().anyMatch(c -> c.code().compareTo("15") >= 0);
        if (shelter && provisions.stream().allMatch(c -> c.code().compareTo("15") >= 0)) {
            return new Outcome(0, "beschermd wonen of opvang: de eigen bijdrage hangt af van het inkomen en wordt apart berekend (CAK)");
        }
        return new Outcome(monthlyRateCents, "abonnementstarief: " + nl.leefwereld.catalog.Money.format(monthlyRateCents)
                + " per maand per huishouden, hoeveel maatwerkvoorzieningen er ook zijn (te betalen aan het CAK)");
    }
}
