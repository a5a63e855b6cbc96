package nl.leefwereld.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * One-time form tokens against double submits. A page issues a token with its form (a hidden field); the handler
 * consumes it in the SAME transaction as the save it guards, so a rolled-back save (an error re-render) leaves the
 * token valid, and a second submit of the same token finds where the first one led instead of saving again.
 * Tokens are bound to the municipality, the user and the form, and expire after 24 hours.
 */
public interface FormTokens {

    /** The name of the hidden field that carries the token. */
    String FIELD = "formToken";

    /** Issues a token for one submission of {@code form} by this user. */
    String issue(String municipalityCode, UUID userId, String form);

    /**
     * Consumes the token; call inside the transaction of the save. Blocks while a concurrent submit of the same token
     * is still saving.
     *
     * @return {@link Use#first()} when this submit may save; {@link Use#repeat(String)} with the first submit's result
     * path when the token was already used; {@link Use#invalid()} when the token is unknown, expired, of another user
     * or of another form.
     */
    Use consume(String municipalityCode, UUID userId, String form, String token);

    /** Records where the first submit led (a path inside the application), in the same transaction as the save. */
    void complete(String municipalityCode, String token, String resultPath);

    record Use(Kind kind, String earlierResult) {
        public enum Kind { FIRST, REPEAT, INVALID }

        public static Use first() {
            return new Use(Kind.FIRST, null);
        }

        public static Use repeat(String earlierResult) {
            return new Use(Kind.REPEAT, earlierResult);
        }

        public static Use invalid() {
            return new Use(Kind.INVALID, null);
        }

        public Optional<String> repeatedResult() {
            return kind == Kind.REPEAT ? Optional.ofNullable(earlierResult) : Optional.empty();
        }
    }
}
