package nl.leefwereld.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.identity.internal.AccountLookup.LoginName;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username + password, for the login form and HTTP Basic alike, with lockout per login name and per client address.
 *
 * <p>An unknown name, a name of another municipality, an OIDC-only account, a blocked account and a wrong password all
 * give the same answer after the same work (one password hash check, against a dummy hash when there is no account),
 * and they are counted under the name as typed: so neither the answer, its timing nor the lockout tells whether an
 * account exists. While locked, the password is not even checked.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private final AccountLookup accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** A hash of a random password, with the same cost as real ones: checked when there is no account. */
    private final String dummyHash;

    PasswordLogin(AccountLookup accounts, PasswordEncoder passwords, LoginThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String typed = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginName name = accounts.parse(typed);
        String key = name.throttleKey();

        Optional<java.time.Instant> locked = throttle.lockedUntil(key, source);
        if (locked.isPresent()) {
            publish(null, null, key, SecurityEvent.Type.LOGIN_FAILED, source, "locked");
            throw new LockedOutException(locked.get(), clock.instant());
        }

        Optional<StoredUser> account = accounts.find(name).filter(u -> u.passwordHash() != null);
        boolean matches = passwords.matches(password, account.map(StoredUser::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches || !account.get().account().active()) {
            StoredUser known = account.orElse(null);
            String municipality = known == null ? null : known.municipalityCode();
            UUID userId = known == null ? null : known.account().id();
            publish(municipality, userId, key, SecurityEvent.Type.LOGIN_FAILED, source,
                    known == null ? "bad-credentials" : !matches ? "bad-credentials" : "inactive");
            LoginThrottle.Failure failure = throttle.recordFailure(key, source);
            if (failure.accountLockedUntil() != null) {
                publish(municipality, userId, key, SecurityEvent.Type.ACCOUNT_LOCKED, source, "account");
            }
            if (failure.sourceLockedUntil() != null) {
                publish(municipality, userId, key, SecurityEvent.Type.ACCOUNT_LOCKED, source, "source");
            }
            java.time.Instant lock = later(failure.accountLockedUntil(), failure.sourceLockedUntil());
            if (lock != null) {   // this failure reached the threshold: say so now, not only at the next attempt
                throw new LockedOutException(lock, clock.instant());
            }
            throw new BadCredentialsException("bad credentials");
        }

        StoredUser stored = account.get();
        throttle.recordSuccess(key);
        publish(stored.municipalityCode(), stored.account().id(), stored.account().username(), SecurityEvent.Type.LOGIN_SUCCEEDED, source,
                "password");
        LeefwereldUserDetails principal = AccountLookup.details(stored);
        principal.eraseCredentials();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private void publish(String municipality, UUID userId, String username, SecurityEvent.Type type, String source, String detail) {
        events.publishEvent(new SecurityEvent(municipality, userId, username, type, source, detail));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
