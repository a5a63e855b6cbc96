package nl.leefwereld.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Finds the Leefwereld account for a local login or an OIDC login.
 *
 * <p>Usernames are unique per municipality. A login name is either {@code name} or {@code name@gemeentecode}. With
 * {@code leefwereld.municipality-code} set (one municipality per deployment), only accounts of that municipality can
 * log in, and a name that exists only in another municipality is as unknown as a name that does not exist at all.
 * Without it, {@code name@code} picks the municipality and a bare {@code name} is accepted only when exactly one
 * municipality has it (otherwise the user must add {@code @code}).
 *
 * <p>OIDC accounts are bound to issuer + subject, never to a username the identity provider sends.
 */
@Service
class AccountLookup implements UserDetailsService {

    private static final Pattern QUALIFIED = Pattern.compile("^(.+)@(\\d{4})$");

    private final UserAccountRepository users;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final String deploymentMunicipality;
    private final OidcUserService oidcDelegate = new OidcUserService();

    AccountLookup(UserAccountRepository users, ObjectProvider<ClientRegistrationRepository> oidcClients,
                  @Value("${leefwereld.municipality-code:}") String deploymentMunicipality) {
        this.users = users;
        this.oidcClients = oidcClients;
        this.deploymentMunicipality = deploymentMunicipality == null || deploymentMunicipality.isBlank() ? null : deploymentMunicipality.strip();
    }

    /** A login name split into username and the municipality it names (or null). */
    record LoginName(String username, String municipalityCode) {

        /** The key failed attempts are counted under: the same for a known and an unknown account. */
        String throttleKey() {
            return municipalityCode == null ? username : username + "@" + municipalityCode;
        }
    }

    LoginName parse(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        Matcher m = QUALIFIED.matcher(name);
        String username = m.matches() ? m.group(1) : name;
        String municipality = m.matches() ? m.group(2) : deploymentMunicipality;
        return new LoginName(username, municipality);
    }

    /** The account a login name means, if any; never one outside the deployment's municipality. */
    Optional<StoredUser> find(LoginName name) {
        if (name.username().isEmpty()) {
            return Optional.empty();
        }
        if (deploymentMunicipality != null && !deploymentMunicipality.equals(name.municipalityCode())) {
            return Optional.empty();
        }
        if (name.municipalityCode() != null) {
            return users.findByUsername(name.municipalityCode(), name.username());
        }
        List<StoredUser> all = users.findAllByUsername(name.username());
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser stored = find(parse(username))
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return details(stored);
    }

    static LeefwereldUserDetails details(StoredUser stored) {
        return new LeefwereldUserDetails(toCurrentUser(stored), stored.passwordHash(), stored.account().active(), stored.securityVersion());
    }

    Optional<StoredUser> byId(String municipalityCode, UUID id) {
        return users.findById(municipalityCode, id);
    }

    /** OIDC: issuer + subject must be bound to an active account (of the deployment's municipality), else refused. */
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return request -> {
            OidcUser oidc = oidcDelegate.loadUser(request);
            StoredUser stored = bound(oidc.getIdToken().getIssuer().toString(), oidc.getSubject())
                    .filter(u -> u.account().active())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                            "Dit account is niet bekend in Leefwereld.", null)));
            return new LeefwereldOidcUser(toCurrentUser(stored), oidc.getIdToken(), oidc.getUserInfo(), stored.securityVersion());
        };
    }

    /**
     * The account bound to this issuer and subject. An account from before issuers were stored (issuer null) is bound
     * to the issuer of its first login, but only while exactly one identity provider is configured and it is that one.
     */
    Optional<StoredUser> bound(String issuer, String subject) {
        List<StoredUser> candidates = users.findByOidcSubject(deploymentMunicipality, subject);
        Optional<StoredUser> exact = candidates.stream().filter(u -> issuer.equals(u.oidcIssuer())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<StoredUser> unbound = candidates.stream().filter(u -> u.oidcIssuer() == null).toList();
        if (unbound.size() == 1 && issuer.equals(defaultOidcIssuer())) {
            StoredUser u = unbound.get(0);
            users.bindOidcIssuer(u.municipalityCode(), u.account().id(), issuer);
            return Optional.of(u);
        }
        return Optional.empty();
    }

    /** The issuer of the one configured identity provider, or null when there is none or more than one. */
    String defaultOidcIssuer() {
        List<String> issuers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> repo) {
            for (Object r : repo) {
                if (r instanceof ClientRegistration registration) {
                    issuers.add(registration.getProviderDetails().getIssuerUri());
                }
            }
        }
        return issuers.size() == 1 ? issuers.get(0) : null;
    }

    static CurrentUser toCurrentUser(StoredUser stored) {
        var a = stored.account();
        return new CurrentUser(a.id(), a.username(), a.displayName(), stored.municipalityCode(), a.teamId(), a.roles());
    }
}
