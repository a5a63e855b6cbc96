package nl.leefwereld.identity.internal;

import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** An OIDC login mapped onto a Leefwereld account: roles and team come from Leefwereld, not from the identity provider. */
final class LeefwereldOidcUser extends DefaultOidcUser implements LeefwereldPrincipal, VersionedPrincipal {

    private final CurrentUser user;
    private final long securityVersion;

    LeefwereldOidcUser(CurrentUser user, OidcIdToken idToken, OidcUserInfo userInfo, long securityVersion) {
        super(LeefwereldUserDetails.authoritiesOf(user), idToken, userInfo, "sub");
        this.user = user;
        this.securityVersion = securityVersion;
    }

    /** The same login with the account as it is now (new roles or team). */
    LeefwereldOidcUser withUser(CurrentUser current, long version) {
        return new LeefwereldOidcUser(current, getIdToken(), getUserInfo(), version);
    }

    @Override
    public long securityVersion() {
        return securityVersion;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
