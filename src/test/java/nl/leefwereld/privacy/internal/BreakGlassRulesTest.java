package nl.leefwereld.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search references expire and are bound to their user; break-the-glass reasons need visible letters. */
@IntegrationTest
class BreakGlassRulesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoUsers users;

    @Test
    void aReferenceExpiresAfterFifteenMinutesAndOnlyItsOwnerCanResolveIt() {
        Instant t = Instant.parse("2031-05-01T10:00:00Z");
        CurrentUser noord = users.current("regisseur.noord");
        UUID household = jdbc.sql("SELECT id FROM household WHERE district_code = 'centrum' ORDER BY created_at LIMIT 1").query(UUID.class).single();
        String reference = service(t).issue(noord, household);
        assertThat(service(t.plus(Duration.ofMinutes(14))).resolve(noord, reference)).contains(household);
        assertThat(service(t.plus(Duration.ofMinutes(15))).resolve(noord, reference)).isEmpty();
        assertThat(service(t).resolve(users.current("regisseur.zuid"), reference)).isEmpty();
        assertThat(service(t).resolve(noord, reference.substring(1) + "A")).isEmpty();
        // Only a hash is stored; the token itself is nowhere in the table.
        assertThat(jdbc.sql("SELECT count(*) FROM search_reference WHERE encode(token_hash, 'escape') LIKE :t")
                .param("t", "%" + reference + "%").query(Long.class).single()).isZero();
        // Two searches give two different references to the same household.
        assertThat(service(t).issue(noord, household)).isNotEqualTo(reference);
    }

    private SearchReferenceService service(Instant now) {
        return new SearchReferenceService(jdbc, Clock.fixed(now, ZoneOffset.UTC), 15);
    }

    @Test
    void invisibleCharactersAreNoReason() {
        assertThat(BreakGlassService.visibleLetters("\u200B".repeat(15))).isZero();
        assertThat(BreakGlassService.visibleLetters("\u200B\u200C\u200D\u2060\uFEFF" + "a".repeat(14))).isEqualTo(14);
        assertThat(BreakGlassService.visibleLetters("Acute zorgen: 112!")).isEqualTo(11);
        assertThat(BreakGlassService.visibleLetters("Zorgen over het kind")).isEqualTo(17);
    }
}
