package nl.leefwereld.synthetic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules that let the generator run parts side by side: a part reads only the facts of the parts it requires
 * (directly or through them), whether or not another part happens to be done, and a part can only require earlier ones.
 */
@IntegrationTest
class ParallelLoadTest {

    @Autowired
    SyntheticMunicipalityGenerator generator;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aPartReadsTheFactsOfThePartsItRequiresDirectlyOrThroughThemAndNoOthers() {
        Map<String, Set<String>> readable = ParallelLoad.readable(generator.parts());
        assertThat(readable.get("identity")).isEmpty();
        assertThat(readable.get("privacy")).containsExactlyInAnyOrder("intake", "person", "household", "identity");
        assertThat(readable.get("outcome")).containsExactlyInAnyOrder("plan", "wmo", "intake", "catalog", "person", "household", "identity");
        // Privacy and the Wmo part may run at the same time: neither requires the other.
        assertThat(readable.get("wmo")).doesNotContain("privacy");
        assertThat(readable.get("privacy")).doesNotContain("wmo", "catalog");
    }

    @Test
    void aPartCanOnlyRequireAnEarlierPart() {
        assertThatThrownBy(() -> ParallelLoad.readable(List.of(part("a", 10, "b"), part("b", 20))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a' requires 'b', which is no earlier part");
        assertThatThrownBy(() -> ParallelLoad.readable(List.of(part("a", 10, "nothing"))))
                .hasMessageContaining("'a' requires 'nothing'");
    }

    @Test
    void aFactOfAPartThatIsNotRequiredCannotBeReadEvenWhenItIsThere() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            GenerationContext run = new GenerationContext(c, "0001", "Gemeente 0001", "Synthstad", 1_000, 1, LocalDate.of(2026, 3, 2), null,
                    null, CopyWriter.Format.BINARY);
            run.forPart("household", Set.of(), c).publish("household.district", new int[] {3});

            assertThat(run.forPart("intake", Set.of("household"), c).fact("household.district", int[].class)).containsExactly(3);
            assertThatThrownBy(() -> run.forPart("catalog", Set.of("identity"), c).fact("household.district", int[].class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("published by 'household', which 'catalog' does not require");
            assertThatThrownBy(() -> run.forPart("intake", Set.of("household"), c).fact("nobody.published", int[].class))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no synthetic fact 'nobody.published'");
        }
    }

    static SyntheticPart part(String name, int order, String... requires) {
        return new SyntheticPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public List<String> requires() {
                return List.of(requires);
            }

            @Override
            public List<String> tables() {
                return List.of();
            }

            @Override
            public void write(GenerationContext ctx) {
            }
        };
    }
}
