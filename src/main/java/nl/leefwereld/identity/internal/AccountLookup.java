package nl.leefwereld.identity.internal;

import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/** Finds the Leefwereld account for a local login or an OIDC login. */
@Service
class AccountLookup implements UserDetailsService {

    private final UserAccountRepository users;
    private final OidcUserService oidcDelegate = new OidcUserService();

    AccountLookup(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser stored = users.findByUsername(username)
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return new LeefwereldUserDetails(toCurrentUser(stored), stored.passwordHash(), stored.account().active());
    }

    /** OIDC: the subject must be linked to an active account, else the login is refused. */
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return request -> {
            OidcUser oidc = oidcDelegate.loadUser(request);
            StoredUser stored = users.findByOidcSubject(oidc.getSubject())
                    .or(() -> oidc.getPreferredUsername() == null ? java.util.Optional.empty() : users.findByUsername(oidc.getPreferredUsername())
                            .filter(u -> u.account().oidcSubject() == null || u.account().oidcSubject().equals(oidc.getSubject())))
                    .filter(u -> u.account().active())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                            "Dit account is niet bekend in Leefwereld.", null)));
            return new LeefwereldOidcUser(toCurrentUser(stored), oidc.getIdToken(), oidc.getUserInfo());
        };
    }

    private static CurrentUser toCurrentUser(StoredUser stored) {
        var a = stored.account();
        return new CurrentUser(a.id(), a.username(), a.displayName(), stored.municipalityCode(), a.teamId(), a.roles());
    }
}
