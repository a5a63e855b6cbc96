package nl.leefwereld.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the schema promises beyond single tables: a new database sorts text the same on every machine (and as bytes,
 * which keeps index builds cheap), and no unique key of a municipality's data lets one municipality's rows collide
 * with another's, whatever the order of its columns (V38 moved municipality_code behind the lookup column).
 */
@IntegrationTest
class DatabaseSchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewDatabaseHasTheBuiltInCodePointLocale() {
        Map<String, Object> db = jdbc.sql("SELECT datlocprovider::text AS provider, datlocale FROM pg_database WHERE datname = current_database()")
                .query().singleRow();
        assertThat(db).containsEntry("provider", "b").containsEntry("datlocale", "C.UTF-8");
        // Code-point order: capitals before small letters, accented letters after z; as on every machine.
        assertThat(jdbc.sql("SELECT string_agg(w, ' ' ORDER BY w) FROM unnest(ARRAY['zee', 'Émile', 'appel', 'Zoë', 'Ábel', 'eik']) w")
                .query(String.class).single()).isEqualTo("Zoë appel eik zee Ábel Émile");
        // Case and character classes still follow Unicode (the search lower-cases names; trigrams need letters).
        assertThat(jdbc.sql("SELECT lower('ÉMILE ÖZDEMIR Ĳsselstein')").query(String.class).single()).isEqualTo("émile özdemir ĳsselstein");
        // "Öz" is one word of two letters (three trigrams: a letter that is not a letter would leave "z" alone, two).
        assertThat(jdbc.sql("SELECT cardinality(show_trgm('Öz')) = 3 AND show_trgm('Öz') = show_trgm('öz')").query(Boolean.class).single()).isTrue();
    }

    @Test
    void everyUniqueKeyOfAMunicipalitysTableIncludesTheMunicipality() {
        List<String> tenantTables = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'municipality_code'
                """).query(String.class).list();
        assertThat(tenantTables).contains("person", "household_member", "audit_event", "assessment_score", "notification");
        List<String> withoutTenant = jdbc.sql("""
                SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                 WHERE i.indisunique AND c.relname = ANY (:tables)
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_code'
                                      AND a.attnum = ANY (i.indkey))
                """).param("tables", tenantTables.toArray(String[]::new)).query(String.class).list();
        // Global by design: a login identity is unique across municipalities; a survey link's token hash is unguessable.
        assertThat(withoutTenant).containsExactlyInAnyOrder("app_user_oidc_identity_uq", "survey_invitation_token_hash_key");
    }

    @Test
    void theTablesThatGrowWithTheHouseholdsAreKeyedByTheirLookupColumnFirst() {
        Map<String, String> first = Map.of(
                "assessment_score_pkey", "assessment_id", "household_member_pkey", "household_id", "audit_event_pkey", "id",
                "household_member_person_idx", "person_id", "person_birth_date_idx", "birth_date",
                "audit_event_household_page_idx", "household_id", "audit_event_page_idx", "municipality_code",
                "person_sort_name_idx", "municipality_code", "person_pkey", "municipality_code");
        first.forEach((index, column) -> assertThat(jdbc.sql("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indexrelid = CAST(:index AS regclass)
                """).param("index", index).query(String.class).single()).as(index).isEqualTo(column));
    }
}
