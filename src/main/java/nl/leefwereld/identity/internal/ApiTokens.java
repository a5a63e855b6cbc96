package nl.leefwereld.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.identity.internal.ApiTokenRepository.StoredToken;
import nl.leefwereld.identity.internal.ApiTokenRepository.TokenRow;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code lw_<municipality>_<id>_<secret>}. The token is shown once; the database keeps only the
 * SHA-256 of the secret. A request finds the row by municipality + id (primary key) and compares the hashes in constant
 * time ({@link MessageDigest#isEqual}), so checking costs one indexed lookup and one hash: microseconds, where BCrypt
 * costs ~100 ms. A token acts as its user: the account must be active (checked again on every request by
 * {@link SessionGuard}), and a token never outlives its expiry or a revocation.
 */
@Service
class ApiTokens {

    /** The one shape a token has; anything else is refused before the database is asked. */
    static final Pattern FORMAT = Pattern.compile("^lw_(\\d{4})_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int MAX_DAYS = 366;
    static final int LIST_LIMIT = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String deploymentMunicipality;
    /** Compared against when no row exists, so an unknown id costs the same hash and compare as a known one. */
    private final byte[] dummyHash = sha256("no-such-token-" + UUID.randomUUID());

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, ApplicationEventPublisher events, Clock clock,
              @Value("${leefwereld.municipality-code:}") String deploymentMunicipality) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.deploymentMunicipality = deploymentMunicipality == null || deploymentMunicipality.isBlank() ? null : deploymentMunicipality.strip();
    }

    /** A token just made: the only moment its text exists outside the client. */
    record Issued(UUID id, String token, Instant expiresAt) {
    }

    /**
     * Makes a token for an account of the municipality. Field errors: {@code name}, {@code expiresOn}, {@code userId}.
     *
     * @param by the user creating it (an administrator, or the account itself)
     */
    @Transactional
    Issued create(String municipality, UUID userId, String name, String expiresOn, CurrentUser by) {
        FieldErrors errors = new FieldErrors();
        Optional<StoredUser> owner = userId == null ? Optional.empty() : users.findById(municipality, userId);
        if (owner.isEmpty()) {
            errors.add("userId", "Kies een gebruiker uit de lijst.");
        } else if (!owner.get().account().active()) {
            errors.add("userId", "Dit account is geblokkeerd; het kan geen token krijgen.");
        }
        errors.required("name", name, "een naam voor het token", 100);
        LocalDate until = errors.date("expiresOn", expiresOn, "de einddatum", true);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (until != null) {
            errors.check(until.isAfter(today), "expiresOn", "Kies een einddatum na vandaag.");
            errors.check(!until.isAfter(today.plusDays(MAX_DAYS)), "expiresOn", "Een token geldt hoogstens een jaar. Kies een eerdere einddatum.");
        }
        errors.throwIfAny();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = until.plusDays(1).atStartOfDay(ZONE).toInstant();   // valid through the chosen day
        tokens.insert(municipality, id, userId, name.strip(), sha256(secretText), now, by.id(), expiresAt);
        events.publishEvent(new UserAccountChanged(municipality, userId, "API_TOKEN_CREATED", by.id(), by.username(), null,
                "API-token " + id + " geldig tot en met " + until, true));
        return new Issued(id, "lw_" + municipality + "_" + HexFormat.of().formatHex(uuidBytes(id)) + "_" + secretText, expiresAt);
    }

    /** Revokes a token of the municipality (of {@code onlyOfUser} when given). Not found when there is no such active token. */
    @Transactional
    void revoke(String municipality, UUID id, UUID onlyOfUser, CurrentUser by) {
        if (!tokens.revoke(municipality, id, onlyOfUser, by.id(), clock.instant())) {
            throw new NotFoundException("API_TOKEN");
        }
        UUID owner = tokens.find(municipality, id).map(StoredToken::userId).orElse(onlyOfUser);
        events.publishEvent(new UserAccountChanged(municipality, owner, "API_TOKEN_REVOKED", by.id(), by.username(), "API-token " + id,
                "ingetrokken", true));
    }

    List<TokenRow> list(String municipality, UUID onlyOfUser) {
        return tokens.list(municipality, onlyOfUser, LIST_LIMIT);
    }

    /**
     * The account a presented token stands for, or empty when the token is malformed, unknown, of another municipality
     * than this deployment's, revoked, expired, or its account is blocked. Never logs or keeps the token.
     */
    Optional<StoredUser> authenticate(String presented) {
        Matcher m = presented == null ? null : FORMAT.matcher(presented);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String municipality = m.group(1);
        if (deploymentMunicipality != null && !deploymentMunicipality.equals(municipality)) {
            return Optional.empty();
        }
        UUID id = uuid(HexFormat.of().parseHex(m.group(2)));
        Optional<StoredToken> stored = tokens.find(municipality, id);
        byte[] presentedHash = sha256(m.group(3));
        boolean same = MessageDigest.isEqual(presentedHash, stored.map(StoredToken::secretSha256).orElse(dummyHash));
        if (stored.isEmpty() || !same) {
            return Optional.empty();
        }
        StoredToken t = stored.get();
        Instant now = clock.instant();
        if (t.revokedAt() != null || !now.isBefore(t.expiresAt())) {
            return Optional.empty();
        }
        Optional<StoredUser> user = users.findById(municipality, t.userId()).filter(u -> u.account().active());
        if (user.isPresent() && (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60)))) {
            tokens.touch(municipality, id, now);   // at most one write a minute per token
        }
        return user;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID uuid(byte[] bytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
