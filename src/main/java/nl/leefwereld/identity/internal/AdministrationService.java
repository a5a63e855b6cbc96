package nl.leefwereld.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.leefwereld.identity.DistrictTeamChanged;
import nl.leefwereld.identity.PendingChange;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.identity.internal.UserAccountRepository.StoredUser;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamSummary;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.identity.UserAccountChanged;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
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
    private final PendingChangeRepository pending;

    AdministrationService(UserAccountRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
                          ApplicationEventPublisher events, AccountLookup accounts, PendingChangeRepository pending) {
        this.users = users;
        this.pending = pending;
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
    public UUID createTeam(String m, String name, Set<String> districtCodes, UUID changedBy, String changedByUsername) {
        FieldErrors errors = new FieldErrors().required("name", name, "een teamnaam", 100);
        if (!errors.has("name") && teams.teamByName(m, name.strip()).isPresent()) {
            errors.add("name", "Er is al een team met deze naam.");
        }
        checkDistricts(m, districtCodes, errors);
        errors.throwIfAny();
        UUID id = teams.insertTeam(m, name.strip());
        moveDistricts(m, new TeamRef(id, name.strip()), districtCodes, changedBy, changedByUsername);
        return id;
    }

    @Override
    public List<DistrictTeamChanged> assignDistricts(String m, UUID teamId, Set<String> districtCodes, UUID changedBy,
                                                     String changedByUsername) {
        TeamRef team = teams.team(m, teamId).orElseThrow(() -> new NotFoundException("team"));
        FieldErrors errors = new FieldErrors();
        checkDistricts(m, districtCodes, errors);
        errors.throwIfAny();
        return moveDistricts(m, team, districtCodes, changedBy, changedByUsername);
    }

    /** Districts that come to this team from another (or from none), and districts it gives up (left without a team). */
    private List<DistrictTeamChanged> moveDistricts(String m, TeamRef team, Set<String> districtCodes, UUID changedBy,
                                                    String changedByUsername) {
        List<DistrictTeamChanged> changes = new ArrayList<>();
        for (String d : new TreeSet<>(districtCodes)) {
            Optional<TeamRef> before = teams.teamServing(m, d);
            if (before.isEmpty() || !before.get().id().equals(team.id())) {
                changes.add(new DistrictTeamChanged(m, d, before.map(TeamRef::id).orElse(null), before.map(TeamRef::name).orElse(null),
                        team.id(), team.name(), changedBy, changedByUsername));
            }
        }
        for (String d : teams.districtsServedBy(m, team.id())) {
            if (!districtCodes.contains(d)) {
                changes.add(new DistrictTeamChanged(m, d, team.id(), team.name(), null, null, changedBy, changedByUsername));
            }
        }
        teams.assignDistricts(m, team.id(), districtCodes);
        changes.forEach(events::publishEvent);
        return changes;
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
        events.publishEvent(new UserAccountChanged(m, id, "CREATE", changedBy, changedByUsername, null,
                describe(m, u.roles(), u.teamId(), true), u.roles().stream().anyMatch(Role.CASEWORK::contains)));
        return id;
    }

    @Override
    public UpdateOutcome updateUser(String m, UUID userId, String displayName, String email, UUID teamId, boolean active,
                                    Set<Role> roles, UUID changedBy, String changedByUsername) {
        StoredUser stored = users.findById(m, userId).orElseThrow(() -> new NotFoundException("user"));
        UserAccount current = stored.account();
        FieldErrors errors = new FieldErrors();
        checkCommon(m, displayName, email, teamId, roles, errors);
        errors.check(!(userId.equals(changedBy) && (!active || !roles.contains(Role.ADMINISTRATOR))), "roles",
                "U kunt uw eigen beheerrechten niet intrekken of uw eigen account niet blokkeren.");
        errors.throwIfAny();
        String before = describe(m, current.roles(), current.teamId(), current.active());
        String after = describe(m, roles, teamId, active);
        if (userId.equals(changedBy) && grantsAccess(current, roles, teamId)) {
            pending.insert(m, userId, changedBy, changedByUsername, stored.securityVersion(), displayName.strip(),
                    FieldErrors.trimToNull(email), teamId, active, roles, before, after);
            events.publishEvent(new UserAccountChanged(m, userId, "REQUEST_CHANGE", changedBy, changedByUsername, before, after, true));
            return UpdateOutcome.PENDING;
        }
        users.update(m, userId, displayName.strip(), FieldErrors.trimToNull(email), teamId, active, roles);
        events.publishEvent(new UserAccountChanged(m, userId, current.active() && !active ? "DEACTIVATE" : "UPDATE", changedBy,
                changedByUsername, before, after, changesAccess(current, roles, teamId, active)));
        return UpdateOutcome.APPLIED;
    }

    /** A casework role the account did not have, or a team it was not in: both can open households to it. */
    private static boolean grantsAccess(UserAccount current, Set<Role> roles, UUID teamId) {
        boolean newCasework = roles.stream().anyMatch(r -> Role.CASEWORK.contains(r) && !current.roles().contains(r));
        boolean newTeam = teamId != null && !teamId.equals(current.teamId());
        return newCasework || newTeam;
    }

    private static boolean changesAccess(UserAccount current, Set<Role> roles, UUID teamId, boolean active) {
        Set<Role> was = EnumSet.noneOf(Role.class);
        current.roles().stream().filter(Role.CASEWORK::contains).forEach(was::add);
        Set<Role> will = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role.CASEWORK::contains).forEach(will::add);
        return !was.equals(will) || !Objects.equals(current.teamId(), teamId) || current.active() != active;
    }

    /** Roles, team and active flag as a short text for the audit trail; no personal data. */
    private String describe(String m, Set<Role> roles, UUID teamId, boolean active) {
        String team = teamId == null ? "geen" : teams.team(m, teamId).map(t -> t.name() + " (" + t.id() + ")").orElse(teamId.toString());
        String text = "rollen: " + (roles.isEmpty() ? "geen" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                + "; team: " + team + "; actief: " + (active ? "ja" : "nee");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PendingChange> pendingChanges(String m) {
        return pending.recent(m);
    }

    @Override
    public ChangeDecision confirmChange(String m, UUID changeId, UUID decidedBy, String decidedByUsername) {
        PendingChangeRepository.Requested r = open(m, changeId);
        if (r.change().requestedBy().equals(decidedBy) || r.change().userId().equals(decidedBy)) {
            throw new InvalidInputException(java.util.Map.of("changeId", "U kunt uw eigen aanvraag niet bevestigen. Vraag een andere beheerder."));
        }
        StoredUser stored = users.findById(m, r.change().userId()).orElseThrow(() -> new NotFoundException("user"));
        if (stored.securityVersion() != r.baseVersion()) {
            pending.decide(m, changeId, "STALE", decidedBy, decidedByUsername);
            return ChangeDecision.STALE;
        }
        FieldErrors errors = new FieldErrors();
        checkCommon(m, r.displayName(), r.email(), r.teamId(), r.roles(), errors);
        if (errors.has("teamId") || errors.has("roles")) {
            pending.decide(m, changeId, "STALE", decidedBy, decidedByUsername);
            return ChangeDecision.STALE;
        }
        UserAccount current = stored.account();
        String before = describe(m, current.roles(), current.teamId(), current.active());
        users.update(m, r.change().userId(), r.displayName(), r.email(), r.teamId(), r.active(), r.roles());
        pending.decide(m, changeId, "CONFIRMED", decidedBy, decidedByUsername);
        events.publishEvent(new UserAccountChanged(m, r.change().userId(), "CONFIRM_CHANGE", decidedBy, decidedByUsername, before,
                describe(m, r.roles(), r.teamId(), r.active()), true));
        return ChangeDecision.CONFIRMED;
    }

    @Override
    public ChangeDecision rejectChange(String m, UUID changeId, UUID decidedBy, String decidedByUsername) {
        PendingChangeRepository.Requested r = open(m, changeId);
        pending.decide(m, changeId, "REJECTED", decidedBy, decidedByUsername);
        events.publishEvent(new UserAccountChanged(m, r.change().userId(), "REJECT_CHANGE", decidedBy, decidedByUsername,
                r.change().before(), r.change().after(), false));
        return ChangeDecision.REJECTED;
    }

    private PendingChangeRepository.Requested open(String m, UUID changeId) {
        return pending.find(m, changeId).filter(r -> r.change().pending())
                .orElseThrow(() -> new InvalidInputException(java.util.Map.of("changeId", "Deze aanvraag wacht niet (meer) op een besluit.")));
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
