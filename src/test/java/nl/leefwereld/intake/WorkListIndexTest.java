package nl.leefwereld.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work-list queries walk their indexes: on a team of its own with 3,000 cases (inserted by SQL, the summary kept by
 * the V16 trigger in one statement), EXPLAIN of each page query shows an index scan on the keyset index, no sort of the
 * team's cases and no sequential scan of care_case.
 */
@IntegrationTest
class WorkListIndexTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Administration admin;
    @Autowired
    DemoUsers users;

    @Test
    void pageQueriesUseTheKeysetIndexes() {
        String m = users.current("regisseur").municipalityCode();
        String tag = TestHouseholds.letters(8);
        String district = "ix-" + tag;
        admin.createDistrict(m, district, "Indexwijk " + tag);
        UUID team = admin.createTeam(m, "Indexteam " + tag, Set.of(district));
        UUID director = admin.createUser(m, new Administration.NewUser("index." + tag, "Ina Index", null, team, EnumSet.of(Role.CASE_DIRECTOR),
                "Een-lang-wachtwoord-2026", null), null, "index-test");
        int n = 3000;
        jdbc.sql("""
                INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at)
                SELECT :m, md5(:tag || g)::uuid, 'Indexstraat', g::text, '8301 AB', 'Leefstad', :d, now() FROM generate_series(1, :n) g
                """).param("m", m).param("tag", tag).param("d", district).param("n", n).update();
        jdbc.sql("""
                INSERT INTO care_case (municipality_code, id, household_id, team_id, case_director_id, opened_at)
                SELECT :m, md5('c' || :tag || g)::uuid, md5(:tag || g)::uuid, :t, CASE WHEN g % 50 = 0 THEN NULL ELSE :u END, now() - interval '400 days'
                  FROM generate_series(1, :n) g
                """).param("m", m).param("tag", tag).param("t", team).param("u", director).param("n", n).update();
        int rows = jdbc.sql("""
                INSERT INTO notification (municipality_code, id, case_id, channel, received_on, registered_at, registered_by, question_as_asked, picked_up_at, picked_up_by)
                SELECT :m, md5('n' || :tag || g)::uuid, md5('c' || :tag || g)::uuid, 'KCC_PHONE', current_date - (g % 300), now() - g * interval '1 minute',
                       :u, 'Vraag', CASE WHEN g % 3 = 0 THEN NULL ELSE now() END, CASE WHEN g % 3 = 0 THEN NULL ELSE :u END
                  FROM generate_series(1, :n) g
                """).param("m", m).param("tag", tag).param("u", director).param("n", n).update();
        assertThat(rows).isEqualTo(n);
        assertThat(jdbc.sql("SELECT count(*) FROM care_case WHERE team_id = :t AND open_notifications = 1").param("t", team).query(Long.class).single())
                .as("the trigger summarised the bulk insert").isEqualTo(n / 3);
        jdbc.sql("ANALYZE care_case").update();
        jdbc.sql("ANALYZE notification").update();

        OffsetDateTime at = OffsetDateTime.now();
        String lateral = """
                SELECT c.id, c.household_id, n.id FROM care_case c
                  LEFT JOIN LATERAL (SELECT x.id FROM notification x WHERE x.municipality_code = c.municipality_code AND x.case_id = c.id
                                     ORDER BY x.received_on DESC, x.registered_at DESC LIMIT 1) n ON true
                """;
        assertIndex(plan(lateral + """
                 WHERE c.municipality_code = :m AND c.last_received_on IS NOT NULL AND c.team_id = :t
                   AND (c.last_received_on, c.last_registered_at, c.id) < (current_date - 10, CAST(:at AS timestamptz), CAST(:id AS uuid))
                 ORDER BY c.last_received_on DESC, c.last_registered_at DESC, c.id DESC LIMIT 26
                """, m, team, director, at), "care_case_team_recent_idx");
        assertIndex(plan(lateral + """
                 WHERE c.municipality_code = :m AND c.open_notifications > 0 AND c.team_id = :t
                 ORDER BY c.open_received_on DESC, c.open_registered_at DESC, c.id DESC LIMIT 26
                """, m, team, director, at), "care_case_team_open_idx");
        assertIndex(plan(lateral + """
                 WHERE c.municipality_code = :m AND c.last_received_on IS NOT NULL AND c.case_director_id = :u
                 ORDER BY c.last_received_on DESC, c.last_registered_at DESC, c.id DESC LIMIT 26
                """, m, team, director, at), "care_case_director_recent_idx");
        assertIndex(plan(lateral + """
                 WHERE c.municipality_code = :m AND c.last_received_on IS NOT NULL AND c.team_id = :t AND c.case_director_id IS NULL
                 ORDER BY c.last_received_on DESC, c.last_registered_at DESC, c.id DESC LIMIT 26
                """, m, team, director, at), "care_case_team_no_director_idx");
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * The plan, with bitmap scans ruled out for this one transaction: the question is whether the page can be read in
     * key order from the index (no Sort, no sequential scan). With the other tests' rows in the shared database the
     * planner sometimes estimates the fresh team at a handful of rows and prefers bitmap + sort, which is as good for
     * five rows and says nothing about 3,000.
     */
    private String plan(String sql, String m, UUID team, UUID director, OffsetDateTime at) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            List<String> lines = jdbc.sql("EXPLAIN " + sql).param("m", m).param("t", team).param("u", director).param("at", at)
                    .param("id", UUID.randomUUID()).query(String.class).list();
            return String.join("\n", lines);
        });
    }

    private static void assertIndex(String plan, String index) {
        assertThat(plan).as(plan).contains("Index Scan").contains(index).doesNotContain("Seq Scan on care_case").doesNotContain("Sort  ");
        assertThat(plan).as("the newest notification per row comes from an index").containsPattern("Index.*notification");
    }
}
