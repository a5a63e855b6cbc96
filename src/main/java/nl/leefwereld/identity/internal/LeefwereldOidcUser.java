package nl.leefwereld.identity.internal;

import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** An OIDC login mapped onto a Leefwereld account: roles and team come from Leefwereld, not from the identity provider. */
final class LeefwereldOidcUser extends DefaultOidcUser implements LeefwereldPrincipal {

    private final CurrentUser user;

    LeefwereldOidcUser(CurrentUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(LeefwereldUserDetails.authoritiesOf(user), idToken, userInfo, "sub");
        this.user = user;
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
