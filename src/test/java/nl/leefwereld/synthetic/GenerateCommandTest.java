package nl.leefwereld.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of {@code generate}: what it accepts and the Dutch message for everything it does not. */
class GenerateCommandTest {

    @Test
    void defaultsAndBothOptionForms() {
        GenerateOptions o = GenerateOptions.parse("--households", "100000", "--seed=7");
        assertThat(o.households()).isEqualTo(100_000);
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.municipality()).isEqualTo("9999");
        assertThat(o.referenceDate()).isNull();
        assertThat(o.springArguments()).isEmpty();

        GenerateOptions p = GenerateOptions.parse("--households=1_000_000", "--municipality", "0363", "--reference-date", "2026-03-01",
                "--leefwereld.database.data-directory=/tmp/x", "--seed", "-3");
        assertThat(p.households()).isEqualTo(1_000_000);
        assertThat(p.municipality()).isEqualTo("0363");
        assertThat(p.referenceDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(p.seed()).isEqualTo(-3);
        assertThat(p.springArguments()).containsExactly("--leefwereld.database.data-directory=/tmp/x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Geef het aantal huishoudens op",
            "--seed 7|Geef het aantal huishoudens op",
            "--households|heeft een waarde nodig",
            "--households --seed 7|heeft een waarde nodig",
            "--households 999|tussen 1000 en 1000000",
            "--households 1000001|tussen 1000 en 1000000",
            "--households 10k|heel getal",
            "--households -5|heel getal",
            "--households 2000 --households 3000|twee keer",
            "--households 2000 --seed zeven|--seed moet een heel getal",
            "--households 2000 --seed 99999999999999999999|--seed moet een heel getal",
            "--households 2000 --municipality 363|vier cijfers",
            "--households 2000 --municipality 03a3|vier cijfers",
            "--households 2000 --reference-date 1-3-2026|een datum",
            "--households 2000 --reference-date 1900-01-01|tussen 2000 en 2200",
            "--households 2000 --size 5|Onbekende optie: --size",
            "--households 2000 extra|Onbekend argument",
            "--households 2000 --|Onbekend argument",
            "--households 2000 --spring.profiles.active|--spring.profiles.active=<waarde>",
    })
    void wrongArgumentsGiveAClearMessage(String line, String message) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThatThrownBy(() -> GenerateOptions.parse(args)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theCommandAnswersWrongArgumentsWithExitCodeTwoAndTheUsageWithoutStartingTheApplication() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.lang.reflect.Method generate = nl.leefwereld.LeefwereldApplication.class.getDeclaredMethod("generate", String[].class,
                java.io.PrintStream.class);
        generate.setAccessible(true);
        int code = (int) generate.invoke(null, new String[] {"--households", "12"}, new java.io.PrintStream(bytes, true, "UTF-8"));
        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString("UTF-8")).contains("tussen 1000 en 1000000", "Gebruik: java -jar leefwereld.jar generate");
        assertThat(List.of(GenerateOptions.USAGE.split("\n"))).hasSizeGreaterThan(3);
    }
}
