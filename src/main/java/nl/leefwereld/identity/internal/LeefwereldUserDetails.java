package nl.leefwereld.identity.internal;

import java.util.Collection;
import java.util.List;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.LeefwereldPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A local account as Spring Security sees it. */
public final class LeefwereldUserDetails implements UserDetails, CredentialsContainer, LeefwereldPrincipal, VersionedPrincipal {

    private final CurrentUser user;
    private final boolean enabled;
    private final long securityVersion;
    private String passwordHash;

    public LeefwereldUserDetails(CurrentUser user, String passwordHash, boolean enabled) {
        this(user, passwordHash, enabled, -1);
    }

    LeefwereldUserDetails(CurrentUser user, String passwordHash, boolean enabled, long securityVersion) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.securityVersion = securityVersion;
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
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(user);
    }

    static List<SimpleGrantedAuthority> authoritiesOf(CurrentUser user) {
        return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LeefwereldUserDetails[" + user.id() + "]";
    }
}
