package nl.leefwereld.synthetic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import javax.sql.DataSource;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Same seed → byte-identical tables; another seed → other data. Each run goes into a fresh database of its own. */
@IntegrationTest
class GeneratorDeterminismTest {

    @Autowired
    SyntheticMunicipalityGenerator generator;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws Exception {
        DataSource a = GeneratedDatabases.fresh(postgres);
        DataSource b = GeneratedDatabases.fresh(postgres);
        DataSource c = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, a, 2_000, 7, "0001");
        GeneratedDatabases.generate(generator, b, 2_000, 7, "0001");
        GeneratedDatabases.generate(generator, c, 2_000, 8, "0001");

        Map<String, String> first = GeneratedDatabases.fingerprints(a);
        Map<String, String> second = GeneratedDatabases.fingerprints(b);
        Map<String, String> other = GeneratedDatabases.fingerprints(c);

        assertThat(second).isEqualTo(first);
        for (String table : GeneratedDatabases.TABLES) {
            assertThat(first.get(table)).as(table + " has rows").doesNotStartWith("0 ");
            // The municipality and its district codes and names are the fixed layout for a size; the rest depends on the seed.
            if (!table.equals("municipality") && !table.equals("district")) {
                assertThat(other.get(table)).as(table + " differs for another seed").isNotEqualTo(first.get(table));
            }
        }
        assertThat(GeneratedDatabases.number(a, "SELECT count(*) FROM household")).isEqualTo(2_000);
    }

    @Test
    void theBinaryAndTheTextCopyFormatAndOneOrTwoSessionsStoreTheSameRows() throws Exception {
        DataSource binary = GeneratedDatabases.fresh(postgres);
        DataSource text = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, binary, 1_000, 3, "0002", CopyWriter.Format.BINARY);
        GeneratedDatabases.generate(generator, text, 1_000, 3, "0002", CopyWriter.Format.TEXT);
        // Both ran in two sessions (parts side by side, each committed on its own); this one in one transaction.
        DataSource oneTransaction = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, oneTransaction, 1_000, 3, "0002");

        assertThat(GeneratedDatabases.fingerprints(binary)).isEqualTo(GeneratedDatabases.fingerprints(text))
                .isEqualTo(GeneratedDatabases.fingerprints(oneTransaction));
        assertThat(GeneratedDatabases.number(binary, "SELECT count(*) FROM audit_event")).isPositive();
    }
}
