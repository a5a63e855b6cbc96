package nl.leefwereld.synthetic.internal;

import static nl.leefwereld.synthetic.internal.GeneratedDatabases.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.leefwereld.intake.Channel;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.synthetic.SyntheticMunicipality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import nl.leefwereld.support.IntegrationTest;

/** The shape of a 5,000-household municipality: distributions within tolerance, consistent links, an intact audit chain. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorShapeTest {

    static final int N = 5_000;
    /** Intended share per channel, in the order of {@link Channel}: phone, desk, digital, team, Wmo, Werkplein, GP, partner, resident. */
    static final double[] CHANNEL_SHARE = {0.20, 0.05, 0.10, 0.20, 0.10, 0.08, 0.10, 0.12, 0.05};

    @Autowired
    SyntheticMunicipalityGenerator generator;
    @Autowired
    EmbeddedPostgres postgres;

    DataSource db;

    @BeforeAll
    void generate() throws Exception {
        db = GeneratedDatabases.fresh(postgres);
        // The command's way: binary COPY, the indexes built after the commit in two sessions.
        GeneratedDatabases.generate(generator, db, N, 11, "0001", nl.leefwereld.shared.CopyWriter.Format.BINARY);
    }

    @Test
    void everyModuleContributesAPartInOrder() {
        assertThat(generator.parts()).extracting(SyntheticPart::name).containsExactly("identity", "household", "person", "members", "intake", "privacy", "catalog", "wmo",
                "plan", "outcome", "meeting", "budget", "returns");
    }

    @Test
    void householdSizesAndAgesFollowTheDutchPattern() throws Exception {
        assertThat(number(db, "SELECT count(*) FROM household")).isEqualTo(N);
        String sizes = "SELECT household_id, count(*) AS n FROM household_member GROUP BY household_id";
        assertThat(number(db, "SELECT avg(n) FROM (" + sizes + ") s")).isCloseTo(2.11, within(0.06));
        assertThat(number(db, "SELECT avg((n = 1)::int) FROM (" + sizes + ") s")).isCloseTo(0.39, within(0.025));
        assertThat(number(db, "SELECT avg((n = 2)::int) FROM (" + sizes + ") s")).isCloseTo(0.33, within(0.025));
        assertThat(number(db, "SELECT avg((n >= 5)::int) FROM (" + sizes + ") s")).isCloseTo(0.05, within(0.015));
        assertThat(number(db, "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM household_member m WHERE m.household_id = h.id "
                + "AND m.relation = 'HEAD') <> 1")).as("exactly one head per household").isZero();
        String age = "date_part('year', age(DATE '" + GeneratedDatabases.REFERENCE + "', birth_date))";
        assertThat(number(db, "SELECT avg((" + age + " < 18)::int) FROM person")).isBetween(0.15, 0.30);
        assertThat(number(db, "SELECT avg((" + age + " >= 65)::int) FROM person")).isBetween(0.10, 0.30);
        assertThat(number(db, "SELECT count(*) FROM person p JOIN household_member m ON m.person_id = p.id WHERE m.relation = 'HEAD' AND "
                + age + " < 18")).as("heads are adults").isZero();
        assertThat(number(db, "SELECT count(*) FROM person WHERE birth_date > DATE '" + GeneratedDatabases.REFERENCE + "'")).isZero();
    }

    @Test
    void everyBsnIsValidAndUniqueAndOutsideTheDemoRange() throws Exception {
        Set<String> seen = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT bsn FROM person")) {
            while (rs.next()) {
                String bsn = rs.getString(1);
                assertThat(Bsn.isValid(bsn)).as(bsn).isTrue();
                assertThat(bsn).doesNotStartWith("9999");
                assertThat(seen.add(bsn)).as("unique " + bsn).isTrue();
            }
        }
        assertThat(seen.size()).isGreaterThan(2 * N);
    }

    @Test
    void districtsDifferInSizeAndEachIsServedByOneTeam() throws Exception {
        String perDistrict = "SELECT d.code, count(h.id) AS n FROM district d LEFT JOIN household h ON h.district_code = d.code GROUP BY d.code";
        assertThat(number(db, "SELECT count(*) FROM district")).isEqualTo(4);
        assertThat(number(db, "SELECT min(n) FROM (" + perDistrict + ") s")).isGreaterThan(N / 4.0 / 3);
        assertThat(number(db, "SELECT max(n)::float / min(n) FROM (" + perDistrict + ") s")).isGreaterThan(1.05).isLessThan(4);
        assertThat(number(db, "SELECT count(*) FROM district d WHERE NOT EXISTS (SELECT 1 FROM team_district t WHERE t.district_code = d.code)"))
                .isZero();
    }

    @Test
    void aFifthIsKnownToTheSocialDomainWithCasesRoutedToTheDistrictsTeam() throws Exception {
        assertThat(number(db, "SELECT count(*)::float / " + N + " FROM care_case")).isCloseTo(0.20, within(0.02));
        assertThat(number(db, "SELECT count(*) FROM care_case c JOIN household h ON h.id = c.household_id "
                + "JOIN team_district td ON td.district_code = h.district_code WHERE td.team_id <> c.team_id")).as("routed to the district's team").isZero();
        assertThat(number(db, "SELECT count(*) FROM care_case c JOIN app_user u ON u.id = c.case_director_id WHERE u.team_id <> c.team_id"))
                .as("the director belongs to the case's team").isZero();
        assertThat(number(db, "SELECT count(*) FROM care_case c JOIN user_role r ON r.user_id = c.case_director_id AND r.role = 'CASE_DIRECTOR'"))
                .isEqualTo(number(db, "SELECT count(*) FROM care_case WHERE case_director_id IS NOT NULL"));
        assertThat(number(db, "SELECT avg((case_director_id IS NULL)::int) FROM care_case")).isBetween(0.0, 0.02);
    }

    @Test
    void directorsCarryEvenLoadsOfAboutThirtyFiveCases() throws Exception {
        String loads = "SELECT u.id, count(c.id) AS n FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'CASE_DIRECTOR' "
                + "LEFT JOIN care_case c ON c.case_director_id = u.id GROUP BY u.id";
        double mean = number(db, "SELECT avg(n) FROM (" + loads + ") s");
        assertThat(mean).isBetween(20.0, 40.0);
        assertThat(number(db, "SELECT max(n) FROM (" + loads + ") s")).isLessThan(mean * 1.6);
        assertThat(number(db, "SELECT min(n) FROM (" + loads + ") s")).isGreaterThan(mean * 0.5);
    }

    @Test
    void everyCaseCarriesTheSummaryTheWorkListsRead() throws Exception {
        // The generator loads with triggers off; the summary must still match the notifications (Mijn werk reads it).
        assertThat(number(db, "SELECT count(*) FROM care_case WHERE last_received_on IS NULL")).isZero();
        assertThat(number(db, """
                SELECT count(*) FROM care_case c
                 WHERE c.open_notifications <> (SELECT count(*) FROM notification n
                                                 WHERE n.municipality_code = c.municipality_code AND n.case_id = c.id AND n.picked_up_at IS NULL)
                    OR c.last_received_on <> (SELECT max(received_on) FROM notification n
                                               WHERE n.municipality_code = c.municipality_code AND n.case_id = c.id)""")).isZero();
        // All five columns, as V16's care_case_summarise computes them (the generator writes them with the cases).
        assertThat(number(db, """
                SELECT count(*) FROM care_case c JOIN (
                       SELECT k.id, max(n.received_on) AS lr, max(n.registered_at) AS lt,
                              max(n.received_on) FILTER (WHERE n.picked_up_at IS NULL) AS orr,
                              max(n.registered_at) FILTER (WHERE n.picked_up_at IS NULL) AS ot,
                              count(n.id) FILTER (WHERE n.picked_up_at IS NULL) AS o
                         FROM care_case k LEFT JOIN notification n ON n.municipality_code = k.municipality_code AND n.case_id = k.id
                        GROUP BY k.id) s ON s.id = c.id
                 WHERE (c.last_received_on, c.last_registered_at, c.open_received_on, c.open_registered_at, c.open_notifications)
                       IS DISTINCT FROM (s.lr, s.lt, s.orr, s.ot, s.o)""")).isZero();
        assertThat(number(db, "SELECT count(*) FROM care_case WHERE open_notifications > 0")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM care_case WHERE open_registered_at IS NULL AND open_notifications = 0")).isPositive();
    }

    @Test
    void notificationsComeInOverEveryChannelInTheirShares() throws Exception {
        double total = number(db, "SELECT count(*) FROM notification");
        assertThat(total / number(db, "SELECT count(*) FROM care_case")).isCloseTo(1.5, within(0.12));
        Channel[] channels = Channel.values();
        for (int i = 0; i < channels.length; i++) {
            double share = number(db, "SELECT count(*) FROM notification WHERE channel = '" + channels[i].name() + "'") / total;
            assertThat(share).as(channels[i].name()).isCloseTo(CHANNEL_SHARE[i], within(0.035));
        }
        double open = number(db, "SELECT avg((picked_up_at IS NULL)::int) FROM notification");
        assertThat(open).as("some wait on the work list, most are picked up").isBetween(0.005, 0.10);
        assertThat(number(db, "SELECT count(*) FROM notification WHERE picked_up_at < registered_at OR registered_at > TIMESTAMPTZ '"
                + GeneratedDatabases.REFERENCE.plusDays(1) + " 00:00+01'")).isZero();
        assertThat(number(db, "SELECT count(*) FROM case_event WHERE type = 'NOTIFICATION_REGISTERED'")).isEqualTo(total);
        assertThat(number(db, "SELECT count(*) FROM case_event WHERE type = 'CASE_OPENED'")).isEqualTo(number(db, "SELECT count(*) FROM care_case"));
    }

    @Test
    void knownHouseholdsHaveANetworkOfAboutThree() throws Exception {
        assertThat(number(db, "SELECT count(*)::float / (SELECT count(*) FROM care_case) FROM network_member")).isCloseTo(3.0, within(0.3));
        assertThat(number(db, "SELECT count(*) FROM network_member n WHERE NOT EXISTS (SELECT 1 FROM care_case c WHERE c.household_id = n.household_id)"))
                .isZero();
        assertThat(number(db, "SELECT avg(informal_carer::int) FROM network_member WHERE kind = 'INFORMAL'")).isCloseTo(0.25, within(0.05));
    }

    @Test
    void theBackdatedAuditHistoryIsAnIntactChain() throws Exception {
        double rows = number(db, "SELECT count(*) FROM audit_event");
        assertThat(rows / number(db, "SELECT count(*) FROM care_case")).isBetween(8.0, 16.0);
        assertThat(number(db, "SELECT count(*) FROM audit_event e WHERE audit_row_hash(e.prev_hash, e) <> e.row_hash")).isZero();
        assertThat(number(db, "SELECT count(*) FROM (SELECT prev_hash, lag(row_hash, 1, repeat('0', 64)) OVER (ORDER BY chain_seq) AS before "
                + "FROM audit_event) s WHERE prev_hash <> before")).isZero();
        assertThat(number(db, "SELECT max(chain_seq) - min(chain_seq) + 1 - count(*) FROM audit_event")).isZero();
        assertThat(number(db, "SELECT min(chain_seq) FROM audit_event")).isEqualTo(1);
        assertThat(number(db, "SELECT count(*) FROM (SELECT occurred_at, id, lag(occurred_at) OVER (ORDER BY chain_seq) AS before, "
                + "lag(id) OVER (ORDER BY chain_seq) AS id_before FROM audit_event) s WHERE occurred_at < before OR id < id_before"))
                .as("the chain and the ids follow time, as in a real audit log").isZero();
        assertThat(number(db, "SELECT count(*) FROM audit_event WHERE occurred_at > TIMESTAMPTZ '" + GeneratedDatabases.REFERENCE.plusDays(1)
                + " 00:00+01'")).as("backdated, not stamped with the database clock").isZero();
        // The trigger is on again: a new row is sealed by the database and continues the chain.
        GeneratedDatabases.execute(db, "INSERT INTO audit_event (municipality_code, actor_username, action, record_type, route) "
                + "VALUES ('0001', 'test', 'READ', 'HOUSEHOLD', 'test')");
        assertThat(number(db, "SELECT count(*) FROM audit_event e WHERE audit_row_hash(e.prev_hash, e) <> e.row_hash")).isZero();
        assertThat(number(db, "SELECT max(chain_seq) FROM audit_event")).isEqualTo(rows + 1);
        assertThat(number(db, "SELECT count(*) FROM consent WHERE given_on > DATE '" + GeneratedDatabases.REFERENCE + "'")).isZero();
    }

    @Test
    void theIndexesDroppedForTheLoadAreAllBuiltAgainAndTheTriggersAreOn() throws Exception {
        String indexes = "SELECT string_agg(indexdef, ';' ORDER BY indexdef) FROM pg_indexes WHERE schemaname = 'public'";
        String triggers = "SELECT string_agg(tgname::text || tgenabled::text, ';' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal";
        // The primary keys dropped for the load (those no foreign key refers to) are constraints again, not bare indexes.
        String constraints = "SELECT string_agg(conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid), ';' "
                + "ORDER BY conrelid::regclass::text, conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace";
        try (Connection app = postgres.getPostgresDatabase().getConnection(); Connection gen = db.getConnection();
             Statement a = app.createStatement(); Statement g = gen.createStatement()) {
            for (String sql : new String[] {indexes, triggers, constraints}) {
                try (ResultSet ra = a.executeQuery(sql); ResultSet rg = g.executeQuery(sql)) {
                    ra.next();
                    rg.next();
                    assertThat(rg.getString(1)).isEqualTo(ra.getString(1))
                            .containsAnyOf("person_bsn_uq", "audit_event_sealO", "assessment_score_pkey PRIMARY KEY");
                }
            }
        }
    }

    /** The load runs without the row-by-row foreign-key checks; every foreign key must hold all the same. */
    @Test
    void everyForeignKeyHolds() throws Exception {
        java.util.List<String> checks = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT k.conname, k.conrelid::regclass::text, k.confrelid::regclass::text,
                       (SELECT string_agg(format('c.%I = p.%I', ca.attname, pa.attname), ' AND ' ORDER BY i)
                          FROM unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(ck, pk, i)
                          JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.ck
                          JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = u.pk),
                       (SELECT string_agg(format('c.%I IS NOT NULL', ca.attname), ' AND ')
                          FROM unnest(k.conkey) AS u(ck) JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.ck)
                  FROM pg_constraint k WHERE k.contype = 'f'""")) {
            while (rs.next()) {
                checks.add(rs.getString(1) + "|SELECT count(*) FROM " + rs.getString(2) + " c WHERE " + rs.getString(5)
                        + " AND NOT EXISTS (SELECT 1 FROM " + rs.getString(3) + " p WHERE " + rs.getString(4) + ")");
            }
        }
        assertThat(checks).hasSizeGreaterThan(15);
        for (String check : checks) {
            String[] parts = check.split("\\|", 2);
            assertThat(number(db, parts[1])).as(parts[0]).isZero();
        }
    }

    @Test
    void aSecondRunIsRefusedAndWritesNothing() throws Exception {
        GeneratedDatabases.assertRefusedWritingNothing(db, "al gegenereerd", () -> GeneratedDatabases.generate(generator, db, 1_000, 12, "0001"));
    }

    @Test
    void aMunicipalityWithRealHouseholdsIsRefused() throws Exception {
        DataSource other = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.execute(other, "INSERT INTO municipality VALUES ('0002', 'Echtstad')",
                "INSERT INTO district VALUES ('0002', 'oost', 'Oost')",
                "INSERT INTO household VALUES ('0002', gen_random_uuid(), 'Straat', '1', '1234 AB', 'Echtstad', 'oost', now())");
        assertThatThrownBy(() -> GeneratedDatabases.generate(generator, other, 1_000, 1, "0002"))
                .isInstanceOf(SyntheticMunicipality.RefusedException.class).hasMessageContaining("niet heeft gemaakt");
        assertThat(number(other, "SELECT count(*) FROM household")).isEqualTo(1);
        assertThat(number(other, "SELECT count(*) FROM synthetic_run")).isZero();
    }
}
