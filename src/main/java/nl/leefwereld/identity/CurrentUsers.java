package nl.leefwereld.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in user from the security context. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LeefwereldPrincipal p) {
            return Optional.of(p.currentUser());
        }
        return Optional.empty();
    }

    /** The signed-in user; only call behind a secured route. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no Leefwereld user in the security context"));
    }
}
