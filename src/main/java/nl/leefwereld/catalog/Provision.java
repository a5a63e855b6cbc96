package nl.leefwereld.catalog;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A provision: general (algemene voorziening: no decision needed, maybe a fee) or custom (maatwerkvoorziening: by
 * decision, with product category, unit and tariff per unit in cents). {@code districtCode} null: the whole municipality.
 */
public record Provision(UUID id, Kind kind, String name, String description, String forWhom, UUID providerId, String providerName,
                        String districtCode, Long feeCents, String feePer, ProductCategory category, String productCode, Unit unit,
                        Long tariffCents, LocalDate validFrom, LocalDate validUntil) {

    public enum Kind {
        GENERAL("Algemene voorziening"),
        CUSTOM("Maatwerkvoorziening");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** "€ 28,50 per uur" for a custom provision, the fee for a general one, or "gratis". */
    public String priceLabel() {
        if (kind == Kind.CUSTOM && tariffCents != null && unit != null) {
            return Money.format(tariffCents) + " per " + unit.label();
        }
        if (feeCents == null || feeCents == 0) {
            return "gratis";
        }
        return Money.format(feeCents) + (feePer == null ? "" : " " + feePer);
    }
}
