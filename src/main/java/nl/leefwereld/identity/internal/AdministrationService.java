package nl.leefwereld.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamSummary;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AdministrationService implements Administration {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,60}$");

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final AccountLookup accounts;

    AdministrationService(UserAccountRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
                          ApplicationEventPublisher events, AccountLookup accounts) {
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    @Override
    public void ensureMunicipality(String code, String name) {
        teams.insertMunicipality(code, name);
    }

    @Override
    public void ensureDistrict(String m, String code, String name) {
        teams.insertDistrict(m, code, name);
    }

    @Override
    public void createDistrict(String m, String code, String name) {
        FieldErrors errors = new FieldErrors().required("districtCode", code, "een code voor de wijk", 40)
                .required("districtName", name, "de naam van de wijk", 100);
        if (!errors.has("districtCode")) {
            errors.check(code.strip().matches("[a-z0-9-]{2,40}"), "districtCode", "Gebruik 2 tot 40 kleine letters, cijfers of streepjes.");
        }
        if (!errors.has("districtCode") && teams.district(m, code.strip()).isPresent()) {
            errors.add("districtCode", "Er is al een wijk met deze code.");
        }
        errors.throwIfAny();
        teams.insertDistrict(m, code.strip(), name.strip());
    }

    @Override
    @Transactional(readOnly = true)
    public String municipalityName(String m) {
        return teams.municipalityName(m).orElse(m);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TeamSummary> teams(String m) {
        return teams.teams(m).stream().map(t -> new TeamSummary(t.id(), t.name(), t.districtCodes(), t.memberCount())).toList();
    }

    @Override
    public UUID createTeam(String m, String name, Set<String> districtCodes) {
        FieldErrors errors = new FieldErrors().required("name", name, "een teamnaam", 100);
        if (!errors.has("name") && teams.teamByName(m, name.strip()).isPresent()) {
            errors.add("name", "Er is al een team met deze naam.");
        }
        checkDistricts(m, districtCodes, errors);
        errors.throwIfAny();
        UUID id = teams.insertTeam(m, name.strip());
        teams.assignDistricts(m, id, districtCodes);
        return id;
    }

    @Override
    public void assignDistricts(String m, UUID teamId, Set<String> districtCodes) {
        teams.team(m, teamId).orElseThrow(() -> new NotFoundException("team"));
        FieldErrors errors = new FieldErrors();
        checkDistricts(m, districtCodes, errors);
        errors.throwIfAny();
        teams.assignDistricts(m, teamId, districtCodes);
    }

    private void checkDistricts(String m, Set<String> districtCodes, FieldErrors errors) {
        for (String d : districtCodes) {
            if (errors.isCode("districts", d, "wijken") && teams.district(m, d).isEmpty()) {
                errors.add("districts", "Kies alleen wijken uit de lijst.");
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserAccount> users(String m) {
        return users.findAll(m);
    }

    @Override
    @Transactional(readOnly = true)
    public UserAccount user(String m, UUID userId) {
        return users.findById(m, userId).orElseThrow(() -> new NotFoundException("user")).account();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean userExists(String username) {
        return !users.findAllByUsername(username).isEmpty();
    }

    @Override
    public UUID createUser(String m, NewUser u, UUID changedBy, String changedByUsername) {
        FieldErrors errors = new FieldErrors();
        errors.required("username", u.username(), "een gebruikersnaam", 60);
        if (!errors.has("username")) {
            errors.check(USERNAME.matcher(u.username()).matches(), "username",
                    "Gebruik 3 tot 60 kleine letters, cijfers, punt, streepje of liggend streepje.");
        }
        if (!errors.has("username") && users.usernameTaken(m, u.username(), null)) {
            errors.add("username", "Deze gebruikersnaam bestaat al.");
        }
        checkCommon(m, u.displayName(), u.email(), u.teamId(), u.roles(), errors);
        errors.maxLength("oidcSubject", u.oidcSubject(), "de koppeling met het organisatie-account", 200);
        String oidcIssuer = u.oidcSubject() == null || u.oidcSubject().isBlank() ? null : accounts.defaultOidcIssuer();
        if (!errors.has("oidcSubject") && u.oidcSubject() != null && !u.oidcSubject().isBlank()
                && users.oidcIdentityTaken(oidcIssuer, u.oidcSubject().strip())) {
            errors.add("oidcSubject", "Dit organisatie-account is al aan een andere gebruiker gekoppeld.");
        }
        if (u.oidcSubject() == null || u.oidcSubject().isBlank()) {
            checkPassword(u.password(), u.username(), errors);
        } else if (u.password() != null && !u.password().isEmpty()) {
            checkPassword(u.password(), u.username(), errors);
        }
        errors.throwIfAny();
        String hash = u.password() == null || u.password().isEmpty() ? null : passwordEncoder.encode(u.password());
        UUID id = users.insert(m, u.username(), u.displayName().strip(), FieldErrors.trimToNull(u.email()), hash,
                oidcIssuer, FieldErrors.trimToNull(u.oidcSubject()), u.teamId(), u.roles());
        events.publishEvent(new UserAccountChanged(m, id, "CREATE", changedBy, changedByUsername));
        return id;
    }

    @Override
    public void updateUser(String m, UUID userId, String displayName, String email, UUID teamId, boolean active,
                           Set<Role> roles, UUID changedBy, String changedByUsername) {
        users.findById(m, userId).orElseThrow(() -> new NotFoundException("user"));
        FieldErrors errors = new FieldErrors();
        checkCommon(m, displayName, email, teamId, roles, errors);
        errors.check(!(userId.equals(changedBy) && (!active || !roles.contains(Role.ADMINISTRATOR))), "roles",
                "U kunt uw eigen beheerrechten niet intrekken of uw eigen account niet blokkeren.");
        errors.throwIfAny();
        users.update(m, userId, displayName.strip(), FieldErrors.trimToNull(email), teamId, active, roles);
        events.publishEvent(new UserAccountChanged(m, userId, "UPDATE", changedBy, changedByUsername));
    }

    @Override
    public void resetPassword(String m, UUID userId, String newPassword, UUID changedBy, String changedByUsername) {
        UserAccount account = users.findById(m, userId).orElseThrow(() -> new NotFoundException("user")).account();
        FieldErrors errors = new FieldErrors();
        checkPassword(newPassword, account.username(), errors);
        errors.throwIfAny();
        users.updatePassword(m, userId, passwordEncoder.encode(newPassword));
        events.publishEvent(new UserAccountChanged(m, userId, "PASSWORD_RESET", changedBy, changedByUsername));
    }

    private void checkCommon(String m, String displayName, String email, UUID teamId, Set<Role> roles, FieldErrors errors) {
        errors.required("displayName", displayName, "een naam", 120);
        errors.email("email", email);
        errors.check(roles != null && !roles.isEmpty(), "roles", "Kies minstens één rol.");
        if (teamId != null && teams.team(m, teamId).isEmpty()) {
            errors.add("teamId", "Kies een team uit de lijst.");
        }
        if (roles != null && roles.stream().anyMatch(Role.CASEWORK::contains) && teamId == null) {
            errors.add("teamId", "Kies een team: regisseurs, teamleiders en procesbegeleiders werken in een team.");
        }
    }

    private static void checkPassword(String password, String username, FieldErrors errors) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add("password", "Kies een wachtwoord van minstens " + MIN_PASSWORD_LENGTH + " tekens.");
        } else if (password.length() > 128) {
            errors.add("password", "Het wachtwoord is te lang (hoogstens 128 tekens).");
        } else if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            errors.add("password", "Het wachtwoord mag uw gebruikersnaam niet bevatten.");
        }
    }
}
