package nl.leefwereld.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Fills the configured database with a synthetic municipality made by every module's {@code SyntheticPart}. */
public interface SyntheticMunicipality {

    /**
     * Generates in one transaction (all or nothing) as the database owner.
     *
     * @throws RefusedException when the target already holds generated or real data, or in the prod profile
     */
    Result generate(GenerateOptions options, Consumer<String> progress);

    /** @param millis wall time of the whole run, including the statistics update after the commit */
    record Result(String municipality, int households, long seed, LocalDate referenceDate, List<String> parts, long millis) {

        public double householdsPerSecond() {
            return millis == 0 ? households : households * 1000.0 / millis;
        }
    }

    /** The generator will not write into this database (the message says why, in Dutch). */
    class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }
}
