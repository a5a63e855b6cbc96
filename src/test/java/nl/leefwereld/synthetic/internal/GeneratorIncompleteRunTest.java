package nl.leefwereld.synthetic.internal;

import static nl.leefwereld.synthetic.internal.GeneratedDatabases.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.time.Clock;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import javax.sql.DataSource;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.synthetic.GenerateOptions;
import nl.leefwereld.synthetic.SyntheticMunicipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The generator commits its rows before it builds the indexes (in parallel sessions). A run stopped in between is
 * incomplete: the application refuses to start on it, and the next generator run builds the missing indexes first.
 */
@IntegrationTest
class GeneratorIncompleteRunTest {

    static final List<String> LOST = List.of("person_full_name_trgm_idx", "person_bsn_uq", "audit_event_chain_idx");

    @Autowired
    SyntheticMunicipalityGenerator generator;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    ObjectProvider<Flyway> flyway;
    @Autowired
    Clock clock;
    @Autowired
    Environment environment;

    @Test
    void aRunStoppedBeforeItsIndexesIsRefusedByTheAppAndFinishedByTheNextRun() throws Exception {
        DataSource db = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, db, 1_000, 5, "0003", CopyWriter.Format.BINARY);
        assertThatCode(() -> IncompleteRunGuard.check(db)).doesNotThrowAnyException();
        assertThat(number(db, "SELECT count(*) FROM synthetic_run WHERE finished_at IS NOT NULL AND pending_indexes IS NULL")).isEqualTo(1);

        // As if the generator stopped right after its commit: three indexes still to build.
        List<String> definitions = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ANY (?) ORDER BY indexname")) {
            s.setArray(1, c.createArrayOf("text", LOST.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    definitions.add(rs.getString(1));
                }
            }
        }
        assertThat(definitions).hasSize(3);
        GeneratedDatabases.execute(db, "DROP INDEX " + String.join(", ", LOST));
        // A primary key no foreign key refers to is dropped for the load too, and is pending as a constraint.
        String key = "ALTER TABLE public.assessment_score ADD CONSTRAINT assessment_score_pkey PRIMARY KEY (assessment_id, domain, municipality_code)";
        GeneratedDatabases.execute(db, "ALTER TABLE assessment_score DROP CONSTRAINT assessment_score_pkey");
        definitions.add(key);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE synthetic_run SET finished_at = NULL, pending_indexes = ?")) {
            s.setString(1, String.join("\n", definitions));
            s.executeUpdate();
        }
        assertThatThrownBy(() -> IncompleteRunGuard.check(db)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("De synthetische gemeente 0003 is niet af")
                .hasMessageContaining("generate --households 1000 --seed 5 --municipality 0003");

        // The next run (asked for another municipality) finishes this one first, and only that.
        SyntheticMunicipality.Result finished;
        List<String> said = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            finished = generator.generate(c, db, GenerateOptions.parse("--households", "2000", "--seed", "9", "--municipality", "0004"),
                    GeneratedDatabases.REFERENCE, GeneratedDatabases.PASSWORD, said::add, CopyWriter.Format.BINARY);
        }
        assertThat(finished.municipality()).isEqualTo("0003");
        assertThat(finished.households()).isEqualTo(1_000);
        assertThat(String.join("\n", said)).contains("niet afgemaakt", "start daarna de generator opnieuw voor gemeente 0004", "4 indexen");
        assertThat(number(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'assessment_score_pkey' AND contype = 'p'")).isEqualTo(1);
        assertThat(number(db, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('" + String.join("', '", LOST) + "')")).isEqualTo(3);
        assertThat(number(db, "SELECT count(*) FROM household WHERE municipality_code = '0004'")).isZero();
        assertThatCode(() -> IncompleteRunGuard.check(db)).doesNotThrowAnyException();
        assertThat(number(db, "SELECT count(*) FROM person p WHERE EXISTS (SELECT 1 FROM person q WHERE q.bsn = p.bsn AND q.id <> p.id)"))
                .isZero();

        // Complete now: a run into the same municipality is refused as before.
        assertThatThrownBy(() -> GeneratedDatabases.generate(generator, db, 1_000, 5, "0003", CopyWriter.Format.BINARY))
                .isInstanceOf(SyntheticMunicipality.RefusedException.class).hasMessageContaining("al gegenereerd");
    }

    /**
     * With more sessions each part commits on its own. A part that fails stops the run: the parts committed before it
     * stay, the run is recorded as stopped while writing, and neither the application nor the generator goes on with it.
     */
    @Test
    void aRunStoppedWhileWritingItsPartsIsRefusedByTheAppAndByTheNextRunWithWhatToDo() throws Exception {
        DataSource db = GeneratedDatabases.fresh(postgres);
        SyntheticMunicipalityGenerator failing = failingAfterPlan();

        assertThatThrownBy(() -> GeneratedDatabases.generate(failing, db, 1_000, 5, "0006", CopyWriter.Format.BINARY))
                .hasMessageContaining("stopped on purpose");
        // The failing part's own work is rolled back; the parts committed before it stay.
        assertThat(number(db, "SELECT count(*) FROM household WHERE municipality_code = '0006'")).isEqualTo(1_000);
        assertThat(number(db, "SELECT count(*) FROM synthetic_run WHERE municipality_code = '0006' AND rows_committed_at IS NULL "
                + "AND finished_at IS NULL")).isEqualTo(1);
        assertThatThrownBy(() -> IncompleteRunGuard.check(db)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("De synthetische gemeente 0006 (seed 5, 1000 huishoudens) is niet af")
                .hasMessageContaining("stopte terwijl hij de gegevens schreef").hasMessageContaining("verwijder de datamap");

        GeneratedDatabases.assertRefusedWritingNothing(db, "stopte terwijl hij de gegevens schreef",
                () -> GeneratedDatabases.generate(generator, db, 1_000, 9, "0007", CopyWriter.Format.BINARY));
        GeneratedDatabases.assertRefusedWritingNothing(db, "Begin opnieuw met een lege database",
                () -> GeneratedDatabases.generate(generator, db, 1_000, 9, "0008"));
    }

    /** Beside another municipality's data the run stays one transaction: a failure leaves nothing behind. */
    @Test
    void besideAnotherMunicipalityAFailingRunLeavesNothingBehind() throws Exception {
        DataSource db = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, db, 1_000, 5, "0009", CopyWriter.Format.BINARY);
        Map<String, String> before = GeneratedDatabases.fingerprints(db);
        double indexes = number(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'");
        SyntheticMunicipalityGenerator failing = failingAfterPlan();
        List<String> said = new ArrayList<>();

        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> failing.generate(c, db, GenerateOptions.parse("--households", "1000", "--seed", "6", "--municipality", "0010"),
                    GeneratedDatabases.REFERENCE, GeneratedDatabases.PASSWORD, said::add, CopyWriter.Format.BINARY))
                    .hasMessageContaining("stopped on purpose");
        }
        assertThat(String.join("\n", said)).contains("in één transactie");
        assertThat(GeneratedDatabases.fingerprints(db)).isEqualTo(before);
        assertThat(number(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")).isEqualTo(indexes);
        assertThat(number(db, "SELECT count(*) FROM synthetic_run WHERE municipality_code = '0010'")).isZero();
        assertThatCode(() -> IncompleteRunGuard.check(db)).doesNotThrowAnyException();
    }

    @Test
    void anIncompleteRunCannotHideItsPendingIndexes() throws Exception {
        DataSource db = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.execute(db, "INSERT INTO municipality VALUES ('0005', 'Gemeente 0005')");
        assertThatThrownBy(() -> GeneratedDatabases.execute(db, "INSERT INTO synthetic_run (municipality_code, seed, households, reference_date, "
                + "parts, started_at, finished_at, pending_indexes) VALUES ('0005', 1, 1000, DATE '2026-03-02', 'identity', now(), NULL, NULL)"))
                .hasMessageContaining("synthetic_run_complete_check");
    }

    /** The generator with one more part after the plan part, which deletes the run's households and then fails. */
    private SyntheticMunicipalityGenerator failingAfterPlan() {
        List<SyntheticPart> parts = new ArrayList<>(generator.parts());
        parts.add(new SyntheticPart() {
            @Override
            public String name() {
                return "kapot";
            }

            @Override
            public int order() {
                return 95;
            }

            @Override
            public List<String> requires() {
                return List.of("plan");
            }

            @Override
            public List<String> tables() {
                return List.of("household");
            }

            @Override
            public void write(GenerationContext ctx) throws SQLException {
                try (java.sql.Statement s = ctx.connection().createStatement()) {
                    s.execute("DELETE FROM household WHERE municipality_code = '" + ctx.municipalityCode() + "'");
                }
                throw new IllegalStateException("stopped on purpose");
            }
        });
        return new SyntheticMunicipalityGenerator(parts, flyway, clock, environment, false, "", CopyWriter.Format.BINARY, 2);
    }
}
