package nl.leefwereld.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The social map: providers and provisions of a municipality. Holds no personal data. */
public interface Catalog {

    Optional<Provision> provision(String municipalityCode, UUID id);

    Optional<Provider> provider(String municipalityCode, UUID id);

    /** Custom provisions valid on the day (for a decision). */
    List<Provision> customProvisions(String municipalityCode, LocalDate on);

    /** General and custom provisions matching the words (Dutch stemming) in a district (or the whole municipality); blank = all. */
    List<Provision> search(String municipalityCode, String districtCode, String query);

    /**
     * The cheapest adequate in-kind provision for a pgb cap: the lowest tariff among the valid custom provisions of the
     * same product category and unit with a contracted provider.
     */
    Optional<Provision> cheapestInKind(String municipalityCode, ProductCategory category, Unit unit, LocalDate on);
}
