package nl.leefwereld.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code java -jar leefwereld.jar generate}. Spring properties ({@code --name.with.dots=value}, e.g.
 * {@code --leefwereld.database.data-directory=...}) pass through to the application unchanged.
 *
 * @param households    1,000 to 1,000,000
 * @param seed          same seed (and reference date) → the same data, byte for byte
 * @param municipality  CBS code, four digits; default the demo municipality 9999
 * @param referenceDate "today" of the generated history; null: today by the application's clock
 * @param springArguments the pass-through properties
 */
public record GenerateOptions(int households, long seed, String municipality, LocalDate referenceDate, List<String> springArguments) {

    public static final int MIN_HOUSEHOLDS = 1_000;
    public static final int MAX_HOUSEHOLDS = 1_000_000;
    public static final String DEMO_MUNICIPALITY = "9999";

    public static final String USAGE = """
            Gebruik: java -jar leefwereld.jar generate --households <1000..1000000> [--seed <getal>] [--municipality <4 cijfers>]
                                                       [--reference-date <jjjj-mm-dd>] [--<spring.eigenschap>=<waarde> ...]
              --households      aantal huishoudens (verplicht)
              --seed            zelfde seed en peildatum geven precies dezelfde gegevens (standaard 1)
              --municipality    CBS-gemeentecode (standaard 9999, de demogemeente Leefstad)
              --reference-date  'vandaag' van de gegenereerde geschiedenis (standaard: vandaag)""";

    public GenerateOptions {
        springArguments = List.copyOf(springArguments);
    }

    /** Parses the arguments after {@code generate}; an {@link IllegalArgumentException} carries a Dutch message. */
    public static GenerateOptions parse(String... args) {
        Integer households = null;
        long seed = 1;
        String municipality = DEMO_MUNICIPALITY;
        LocalDate referenceDate = null;
        List<String> spring = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i] == null ? "" : args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Onbekend argument: '" + arg + "'.");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.contains(".")) {
                if (value == null) {
                    throw new IllegalArgumentException("Een Spring-eigenschap schrijft u als --" + name + "=<waarde>.");
                }
                spring.add(arg);
                continue;
            }
            if (!Set.of("households", "seed", "municipality", "reference-date").contains(name)) {
                throw new IllegalArgumentException("Onbekende optie: --" + name + ".");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("De optie --" + name + " staat er twee keer.");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1] == null || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("De optie --" + name + " heeft een waarde nodig.");
                }
                value = args[++i];
            }
            value = value.strip();
            switch (name) {
                case "households" -> households = householdCount(value);
                case "seed" -> seed = seed(value);
                case "municipality" -> municipality = municipality(value);
                default -> referenceDate = date(value);
            }
        }
        if (households == null) {
            throw new IllegalArgumentException("Geef het aantal huishoudens op met --households (1000 tot en met 1000000).");
        }
        return new GenerateOptions(households, seed, municipality, referenceDate, spring);
    }

    private static int householdCount(String value) {
        String digits = value.replace("_", "");
        if (!digits.matches("\\d{1,7}")) {
            throw new IllegalArgumentException("--households moet een heel getal zijn van 1000 tot en met 1000000.");
        }
        int n = Integer.parseInt(digits);
        if (n < MIN_HOUSEHOLDS || n > MAX_HOUSEHOLDS) {
            throw new IllegalArgumentException("--households moet tussen 1000 en 1000000 liggen (was " + n + ").");
        }
        return n;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed moet een heel getal zijn.");
        }
    }

    private static String municipality(String value) {
        if (!value.matches("\\d{4}")) {
            throw new IllegalArgumentException("--municipality moet een CBS-gemeentecode van vier cijfers zijn, bijvoorbeeld 0363.");
        }
        return value;
    }

    private static LocalDate date(String value) {
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw new IllegalArgumentException("--reference-date moet tussen 2000 en 2200 liggen.");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--reference-date moet een datum zijn als 2026-03-01.");
        }
    }

    /** The place name in generated addresses. */
    public String city() {
        return DEMO_MUNICIPALITY.equals(municipality) ? "Leefstad" : "Synthstad " + municipality;
    }

    /** The municipality's name when the generator creates it. */
    public String municipalityName() {
        return DEMO_MUNICIPALITY.equals(municipality) ? "Leefstad (demo)" : "Gemeente " + municipality;
    }
}
