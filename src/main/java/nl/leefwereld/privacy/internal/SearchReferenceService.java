package nl.leefwereld.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.SearchReferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SearchReferenceService implements SearchReferences {

    /** 32 random bytes as base64url without padding: 43 characters. */
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    SearchReferenceService(JdbcClient jdbc, Clock clock,
                           @Value("${leefwereld.privacy.search-reference-minutes:15}") long minutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = Duration.ofMinutes(minutes);
    }

    @Override
    @Transactional
    public String issue(CurrentUser user, UUID householdId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("DELETE FROM search_reference WHERE municipality_code = :m AND user_id = :u AND expires_at <= :now")
                .param("m", user.municipalityCode()).param("u", user.id()).param("now", now).update();
        jdbc.sql("""
                INSERT INTO search_reference (municipality_code, token_hash, user_id, household_id, created_at, expires_at)
                VALUES (:m, :hash, :u, :h, :now, :expires)
                """).param("m", user.municipalityCode()).param("hash", hash(token)).param("u", user.id()).param("h", householdId)
                .param("now", now).param("expires", now.plus(validity)).update();
        return token;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> resolve(CurrentUser user, String reference) {
        if (!wellFormed(reference)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT household_id FROM search_reference
                 WHERE municipality_code = :m AND token_hash = :hash AND user_id = :u AND expires_at > :now
                """).param("m", user.municipalityCode()).param("hash", hash(reference.strip())).param("u", user.id())
                .param("now", OffsetDateTime.now(clock)).query(UUID.class).optional();
    }

    /** Whether the text has the shape of a reference (43 base64url characters, surrounding blanks allowed). */
    static boolean wellFormed(String reference) {
        return reference != null && reference.length() <= 200 && SHAPE.matcher(reference.strip()).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
