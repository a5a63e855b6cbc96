package nl.leefwereld.household.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.PersonSearch;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.OwnerDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 item 2: every kind of search term is answered from an index, never by reading all persons. On 50,000
 * persons of a municipality of their own, the plans of the repository's own search statements (EXPLAIN, with the
 * parameters bound as the application binds them) use the trigram indexes for names and streets and the b-tree
 * indexes for BSN, postcode and birth date; and the answer is bounded.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexPlanTest {

    static final String CODE = "0150";
    static final int PERSONS = 50_000;

    @Autowired
    OwnerDatabase owner;
    @Autowired
    DataSource dataSource;
    @Autowired
    HouseholdRepository repository;
    @Autowired
    nl.leefwereld.household.Households households;

    @BeforeAll
    void fiftyThousandPersons() throws SQLException {
        try (Connection c = owner.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO municipality (code, name) VALUES ('" + CODE + "', 'Zoekstad') ON CONFLICT DO NOTHING");
            if (count(s, "SELECT count(*) FROM person WHERE municipality_code = '" + CODE + "'") >= PERSONS) {
                return;
            }
            s.execute("INSERT INTO district (municipality_code, code, name) VALUES ('" + CODE + "', 'zoek', 'Zoekwijk') ON CONFLICT DO NOTHING");
            // A valid (11-proof) BSN for most persons: 8 digits from i, the check digit from the weighted sum; null where none fits.
            s.execute("""
                    CREATE OR REPLACE FUNCTION pg_temp.bsn(i int) RETURNS char(9) LANGUAGE sql AS $$
                      SELECT CASE WHEN w %% 11 < 10 THEN p || (w %% 11)::text END
                        FROM (SELECT p, (SELECT sum((substr(p, k, 1))::int * (10 - k)) FROM generate_series(1, 8) k)::int AS w
                                FROM (SELECT lpad((10000000 + i)::text, 8, '0') AS p) x) y
                    $$""".formatted());
            // Names and streets with varied letters (so trigrams are as selective as real names), a BSN-like number,
            // a postcode per 20 persons, birth dates over 80 years; each person in a household of their own.
            s.execute("""
                    INSERT INTO person (municipality_code, id, bsn, first_name, last_name, birth_date, street, house_number, postal_code, city,
                                        district_code, created_at)
                    SELECT '%1$s', md5('p' || i)::uuid, pg_temp.bsn(i),
                           (ARRAY['Anna','Bram','Cor','Daan','Eva','Fleur','Gijs','Hanna','Ivo','Jet'])[1 + i %% 10],
                           initcap(translate(substr(md5('l' || i), 1, 9), '0123456789', 'ghijkmnopr')),
                           DATE '1940-01-01' + (i %% 29000),
                           initcap(translate(substr(md5('s' || (i / 20)), 1, 7), '0123456789', 'ghijkmnopr')) || 'straat',
                           (1 + i %% 20)::text, lpad(((1000 + i / 20) %% 10000)::text, 4, '1') || ' ZK', 'Zoekstad', 'zoek', now()
                      FROM generate_series(1, %2$d) i
                    """.formatted(CODE, PERSONS));
            s.execute("ANALYZE person");
            s.execute("""
                    INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at)
                    SELECT municipality_code, id, street, house_number, postal_code, city, district_code, now()
                      FROM person WHERE municipality_code = '%s'
                    """.formatted(CODE));
            // statistics first: the foreign-key checks of the next insert must look households up by key, not scan them
            s.execute("ANALYZE household");
            s.execute("""
                    INSERT INTO household_member (municipality_code, household_id, person_id, relation)
                    SELECT municipality_code, id, id, 'HEAD' FROM person WHERE municipality_code = '%s'
                    """.formatted(CODE));
            // VACUUM moves the bulk-loaded rows out of the GIN indexes' pending lists (as autovacuum soon would), then fresh statistics
            s.execute("VACUUM ANALYZE person");
            s.execute("ANALYZE household_member");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The plan of the repository's statement, as the application role, with JDBC parameters bound in order. */
    private String plan(String where, Object... values) throws SQLException {
        String sql = HouseholdRepository.hitSql(where).replace(":m", "?").replace(":v", "?").replace(":n", "?");
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            p.setString(i++, CODE);
            for (Object v : values) {
                p.setObject(i++, v);
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            return text.toString();
        }
    }

    @Test
    void namesAndStreetsUseTheTrigramIndexes() throws Exception {
        String lastName = lastNameOf(12_345);
        String term = lastName.substring(2, 7);
        String pattern = HouseholdRepository.containsPattern(term);
        String plan = plan(HouseholdRepository.BY_TEXT, pattern, pattern);
        System.out.println("SearchIndexPlanTest: plan for a name/street term:\n" + plan);
        assertThat(plan).contains("person_full_name_trgm_idx").contains("person_street_trgm_idx")
                .doesNotContain("Seq Scan on person");
        // and the search finds the person, bounded
        assertThat(repository.searchByText(CODE, term)).extracting(h -> h.person().lastName()).contains(lastName);
        String street = streetOf(12_345).substring(1, 6);
        assertThat(repository.searchByText(CODE, street)).hasSizeBetween(1, HouseholdRepository.SEARCH_LIMIT);
        String fullName = firstNameOf(12_345) + " " + lastName.substring(0, 4);
        String fullPlan = plan(HouseholdRepository.BY_TEXT, HouseholdRepository.containsPattern(fullName),
                HouseholdRepository.containsPattern(fullName));
        assertThat(fullPlan).contains("person_full_name_trgm_idx").doesNotContain("Seq Scan on person");
    }

    /** The plan of a whole statement of the repository, named parameters bound in order of appearance. */
    private String planOf(String sql, Object... values) throws SQLException {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(":([a-z])\\b").matcher(sql);
        List<String> order = new ArrayList<>();
        while (named.find()) {
            order.add(named.group(1));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("EXPLAIN " + sql.replaceAll(":([a-z])\\b", "?"))) {
            for (int i = 0; i < order.size(); i++) {
                p.setObject(i + 1, values[order.get(i).charAt(0) - 'a']);   // values by letter: a, b, c... (m is CODE)
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            return text.toString();
        }
    }

    @Test
    void aSurnameIsReadInNameOrderFromTheSortNameIndexOnePageOnly() throws Exception {
        Object[] byLetter = new Object[26];
        byLetter['m' - 'a'] = CODE;
        byLetter['t' - 'a'] = "jans";
        String plan = planOf(HouseholdRepository.BY_SORT_NAME_SQL, byLetter);
        System.out.println("SearchIndexPlanTest: plan for a surname prefix:\n" + plan);
        // an ordered index range under the LIMIT: no sort of all bearers of the name, no trigram bitmap
        assertThat(plan).contains("person_sort_name_idx").contains("Limit").doesNotContain("Seq Scan on person")
                .doesNotContain("Bitmap");
        assertThat(plan.indexOf("Limit")).isLessThan(plan.indexOf("person_sort_name_idx"));
        assertThat(plan.substring(0, plan.indexOf("person_sort_name_idx"))).doesNotContain("Sort Key");
    }

    @Test
    void prefixesLikeVanDenAreIgnoredOnBothSidesAndSurnamesComeFirstInNameOrder() throws Exception {
        java.util.Random random = new java.util.Random();
        StringBuilder letters = new StringBuilder("Qx");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String stem = letters.toString();
        String[][] people = {{"Bo", "van den " + stem}, {"Ad", "de " + stem + "a"}, {"Cas", stem}, {"Dirk", "Ter" + stem}};
        try (Connection c = owner.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String[] p : people) {
                String id = UUID.randomUUID().toString();
                s.execute("INSERT INTO person (municipality_code, id, first_name, last_name, birth_date, district_code, created_at) VALUES ('"
                        + CODE + "', '" + id + "', '" + p[0] + "', '" + p[1] + "', DATE '1980-01-01', 'zoek', now())");
                s.execute("INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at) VALUES ('"
                        + CODE + "', '" + id + "', 'Teststraat', '1', '1234 AB', 'Zoekstad', 'zoek', now())");
                s.execute("INSERT INTO household_member (municipality_code, household_id, person_id, relation) VALUES ('"
                        + CODE + "', '" + id + "', '" + id + "', 'HEAD')");
            }
        }
        // "van den Qx.." sorts as "qx..": the prefix step finds the three surnames starting with the stem, in order of
        // sort name, then first name; "TerQx.." (no space: not a prefix) only by the contains step, after them
        assertThat(repository.searchByText(CODE, stem.toLowerCase())).extracting(h -> h.person().firstName())
                .containsExactly("Bo", "Cas", "Ad", "Dirk");
        // typing the prefix too finds the same person
        assertThat(repository.searchByText(CODE, "van den " + stem)).extracting(h -> h.person().firstName()).contains("Bo");
        assertThat(repository.searchByText(CODE, "de " + stem)).extracting(h -> h.person().firstName()).contains("Ad");
        String sortName = JdbcClient.create(dataSource).sql("SELECT person_sort_name('van der de Vries')").query(String.class).single();
        assertThat(sortName).isEqualTo("vries");
    }

    @Test
    void aTermMatchingThousandsReturnsOnePage() {
        // every 10th person is called Anna: 5,000 matches, one page back plus the one row that tells more matched
        assertThat(repository.searchByText(CODE, "anna")).hasSize(HouseholdRepository.SEARCH_LIMIT + 1);
    }

    @Test
    void theSearchSaysMoreMatchedThanAPageAndAuditsThePageInOneBatch() throws Exception {
        CurrentUser searcher = new CurrentUser(UUID.randomUUID(), "zoeker-" + UUID.randomUUID(), "Zoeker", CODE, null, Set.of(Role.CASE_DIRECTOR));
        try (Connection c = owner.postgres().getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO app_user (municipality_code, id, username, display_name, created_at) VALUES (?, ?, ?, 'Zoeker', now())")) {
            s.setString(1, CODE);
            s.setObject(2, searcher.id());
            s.setString(3, searcher.username());
            s.executeUpdate();
        }
        PersonSearch many = households.searchPage(searcher, "anna");
        assertThat(many.more()).isTrue();
        assertThat(many.pageSize()).isEqualTo(HouseholdRepository.SEARCH_LIMIT);
        // no access to these households: each shown once as "known in district", never more than a page
        assertThat(many.matches()).hasSizeBetween(1, HouseholdRepository.SEARCH_LIMIT).allMatch(m -> !m.accessible());
        // every hit of the page is audited (SEARCH, no access), not the row beyond the page
        Integer audited = JdbcClient.create(dataSource).sql("SELECT count(*) FROM audit_event WHERE actor_id = :a AND action = 'SEARCH'")
                .param("a", searcher.id()).query(Integer.class).single();
        assertThat(audited).isEqualTo(HouseholdRepository.SEARCH_LIMIT);

        String bsn = single("SELECT bsn FROM person WHERE municipality_code = '" + CODE + "' AND bsn IS NOT NULL ORDER BY bsn LIMIT 1");
        PersonSearch one = households.searchPage(searcher, bsn);
        assertThat(one.more()).isFalse();
        assertThat(one.matches()).hasSize(1);
    }

    @Test
    void bsnPostcodeAndBirthDateUseTheirExactIndexes() throws Exception {
        String bsn = single("SELECT bsn FROM person WHERE municipality_code = '" + CODE + "' AND bsn IS NOT NULL ORDER BY bsn DESC LIMIT 1");
        assertThat(plan(HouseholdRepository.BY_BSN, bsn)).contains("person_bsn_uq").doesNotContain("Seq Scan on person");
        String postal = postalCodeOf(12_345);
        assertThat(plan(HouseholdRepository.BY_POSTAL_CODE, postal)).contains("person_postal_code_idx").doesNotContain("Seq Scan on person");
        assertThat(plan(HouseholdRepository.BY_ADDRESS, postal, "6")).contains("person_postal_code_idx").doesNotContain("Seq Scan on person");
        assertThat(plan(HouseholdRepository.BY_BIRTH_DATE, LocalDate.of(1970, 5, 6))).contains("person_birth_date_idx")
                .doesNotContain("Seq Scan on person");
        assertThat(repository.searchByBsn(CODE, bsn)).hasSize(1);
        assertThat(repository.searchByPostalCode(CODE, postal, null)).hasSize(20);
    }

    private String lastNameOf(int i) throws SQLException {
        return single("SELECT last_name FROM person WHERE municipality_code = '" + CODE + "' AND id = md5('p" + i + "')::uuid");
    }

    private String firstNameOf(int i) throws SQLException {
        return single("SELECT first_name FROM person WHERE municipality_code = '" + CODE + "' AND id = md5('p" + i + "')::uuid");
    }

    private String streetOf(int i) throws SQLException {
        return single("SELECT street FROM person WHERE municipality_code = '" + CODE + "' AND id = md5('p" + i + "')::uuid");
    }

    private String postalCodeOf(int i) throws SQLException {
        return single("SELECT postal_code FROM person WHERE municipality_code = '" + CODE + "' AND id = md5('p" + i + "')::uuid");
    }

    private String single(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
