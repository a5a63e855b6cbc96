package nl.leefwereld.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.DistrictTeamChanged;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users and teams (functioneel beheer). */
@Controller
class AdminController {

    private final Administration admin;
    private final Directory directory;
    private final SessionDirectory sessions;
    private final List<nl.leefwereld.identity.DistrictOccupancy> occupancy;

    AdminController(Administration admin, Directory directory, SessionDirectory sessions,
                    List<nl.leefwereld.identity.DistrictOccupancy> occupancy) {
        this.occupancy = occupancy;
        this.admin = admin;
        this.directory = directory;
        this.sessions = sessions;
    }

    /** What the user form carries; strings, so nothing typed is lost when it is shown again. */
    static class UserForm {
        public String username = "";
        public String displayName = "";
        public String email = "";
        public String teamId = "";
        public List<String> roles = List.of();
        public String password = "";
        public String oidcSubject = "";
        public boolean active = true;

        public void setUsername(String v) { username = v; }
        public void setDisplayName(String v) { displayName = v; }
        public void setEmail(String v) { email = v; }
        public void setTeamId(String v) { teamId = v; }
        public void setRoles(List<String> v) { roles = v == null ? List.of() : v; }
        public void setPassword(String v) { password = v; }
        public void setOidcSubject(String v) { oidcSubject = v; }
        public void setActive(boolean v) { active = v; }
        public String getUsername() { return username; }
        public String getDisplayName() { return displayName; }
        public String getEmail() { return email; }
        public String getTeamId() { return teamId; }
        public List<String> getRoles() { return roles; }
        public String getOidcSubject() { return oidcSubject; }
        public boolean isActive() { return active; }

        /** The form as the stored account fills it (never with a password). */
        static UserForm of(UserAccount u) {
            UserForm form = new UserForm();
            form.username = u.username();
            form.displayName = u.displayName();
            form.email = u.email() == null ? "" : u.email();
            form.teamId = u.teamId() == null ? "" : u.teamId().toString();
            form.roles = u.roles().stream().map(Role::name).toList();
            form.active = u.active();
            return form;
        }
    }

    @GetMapping("/beheer/gebruikers")
    String users(Model model) {
        return usersPage(model, new UserForm(), null);
    }

    private String usersPage(Model model, UserForm form, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "gebruikers");
        model.addAttribute("users", admin.users(me.municipalityCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        addOptions(model, me);
        return "identity/users";
    }

    private void addOptions(Model model, CurrentUser me) {
        Map<String, String> teams = new LinkedHashMap<>();
        admin.teams(me.municipalityCode()).forEach(t -> teams.put(t.id().toString(), t.name()));
        model.addAttribute("teamOptions", teams);
        Map<String, String> roles = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            roles.put(r.name(), r.label());
        }
        model.addAttribute("roleOptions", roles);
    }

    @PostMapping("/beheer/gebruikers")
    String createUser(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            FieldErrors parseErrors = new FieldErrors();
            Set<Role> roles = parseRoles(form.roles, parseErrors);
            UUID teamId = parseTeam(form.teamId, parseErrors);
            parseErrors.throwIfAny();
            admin.createUser(me.municipalityCode(), new Administration.NewUser(form.username.strip().toLowerCase(), form.displayName,
                    form.email, teamId, roles, form.password, form.oidcSubject), me.id(), me.username());
            redirect.addFlashAttribute("message", "Het account is aangemaakt.");
            return "redirect:/beheer/gebruikers";
        } catch (InvalidInputException e) {
            form.password = "";
            return usersPage(model, form, e.fieldErrors());
        }
    }

    @GetMapping("/beheer/gebruikers/{id}")
    String editUser(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUsers.get();
        UserAccount u = admin.user(me.municipalityCode(), id);
        return editPage(model, u, UserForm.of(u), null);
    }

    private String editPage(Model model, UserAccount u, UserForm form, Map<String, String> errors) {
        model.addAttribute("nav", "gebruikers");
        model.addAttribute("account", u);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        addOptions(model, CurrentUsers.get());
        return "identity/user-edit";
    }

    @PostMapping("/beheer/gebruikers/{id}")
    String updateUser(@PathVariable UUID id, @ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        UserAccount u = admin.user(me.municipalityCode(), id);
        try {
            FieldErrors parseErrors = new FieldErrors();
            Set<Role> roles = parseRoles(form.roles, parseErrors);
            UUID teamId = parseTeam(form.teamId, parseErrors);
            parseErrors.throwIfAny();
            Administration.UpdateOutcome outcome = admin.updateUser(me.municipalityCode(), id, form.displayName, form.email, teamId,
                    form.active, roles, me.id(), me.username());
            redirect.addFlashAttribute("message", outcome == Administration.UpdateOutcome.PENDING
                    ? "U geeft uzelf toegang tot huishoudens (een rol of een team). Een andere beheerder moet dat eerst bevestigen; "
                      + "uw aanvraag staat bij Wijzigingen. Tot dan blijft uw account zoals het was."
                    : "De wijzigingen zijn opgeslagen.");
            return "redirect:/beheer/gebruikers/" + id;
        } catch (InvalidInputException e) {
            form.username = u.username();
            return editPage(model, u, form, e.fieldErrors());
        }
    }

    @PostMapping("/beheer/gebruikers/{id}/wachtwoord")
    String resetPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        UserAccount u = admin.user(me.municipalityCode(), id);
        try {
            admin.resetPassword(me.municipalityCode(), id, password, me.id(), me.username());
            redirect.addFlashAttribute("message", "Het nieuwe wachtwoord is ingesteld.");
            return "redirect:/beheer/gebruikers/" + id;
        } catch (InvalidInputException e) {
            return editPage(model, u, UserForm.of(u), e.fieldErrors());
        }
    }

    @GetMapping("/beheer/teams")
    String teams(Model model) {
        return teamsPage(model, "", List.of(), null);
    }

    private String teamsPage(Model model, String name, List<String> districts, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "teams");
        model.addAttribute("teams", admin.teams(me.municipalityCode()));
        model.addAttribute("districts", directory.districts(me.municipalityCode()));
        Map<String, String> districtOptions = new LinkedHashMap<>();
        directory.districts(me.municipalityCode()).forEach(d -> districtOptions.put(d.code(), d.name()));
        model.addAttribute("districtOptions", districtOptions);
        model.addAttribute("name", name);
        model.addAttribute("selectedDistricts", districts);
        model.addAttribute("errors", errors);
        return "identity/teams";
    }

    @PostMapping("/beheer/teams")
    String createTeam(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> districts,
                      @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        List<String> chosen = districts == null ? List.of() : districts;
        try {
            List<DistrictImpact> impacts = preview(me.municipalityCode(), null, name == null ? "" : name.strip(), new TreeSet<>(chosen));
            // Only districts another team serves today need a confirmation: someone loses access there.
            if (!confirmed && impacts.stream().anyMatch(i -> i.teamBefore() != null) && name != null && !name.isBlank()) {
                return confirmPage(model, impacts, "/beheer/teams", name, chosen);
            }
            admin.createTeam(me.municipalityCode(), name, new TreeSet<>(chosen), me.id(), me.username());
            redirect.addFlashAttribute("message", "Het team is aangemaakt.");
            return "redirect:/beheer/teams";
        } catch (InvalidInputException e) {
            return teamsPage(model, name, chosen, e.fieldErrors());
        }
    }

    @PostMapping("/beheer/wijken")
    String createDistrict(@RequestParam(defaultValue = "") String districtCode, @RequestParam(defaultValue = "") String districtName,
                          Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            admin.createDistrict(me.municipalityCode(), districtCode, districtName);
            redirect.addFlashAttribute("message", "De wijk is toegevoegd. Kies hierboven welk team de wijk bedient.");
            return "redirect:/beheer/teams";
        } catch (InvalidInputException e) {
            model.addAttribute("districtCode", districtCode);
            model.addAttribute("districtName", districtName);
            return teamsPage(model, "", List.of(), e.fieldErrors());
        }
    }

    /**
     * A district that changes team, or is left without one, changes who may open its households. The first post shows
     * the consequences (team names, staff and households per district) and asks for confirmation; only a post with
     * confirmed=true applies it. A change that moves no district is applied at once.
     */
    @PostMapping("/beheer/teams/{id}/wijken")
    String assignDistricts(@PathVariable UUID id, @RequestParam(required = false) List<String> districts,
                           @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        List<String> chosen = districts == null ? List.of() : districts;
        try {
            var team = directory.team(me.municipalityCode(), id).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("team"));
            List<DistrictImpact> impacts = preview(me.municipalityCode(), id, team.name(), new TreeSet<>(chosen));
            if (!confirmed && !impacts.isEmpty()) {
                return confirmPage(model, impacts, "/beheer/teams/" + id + "/wijken", null, chosen);
            }
            List<DistrictTeamChanged> moved = admin.assignDistricts(me.municipalityCode(), id, new TreeSet<>(chosen), me.id(), me.username());
            redirect.addFlashAttribute("message", "De wijken van het team zijn opgeslagen." + accessConsequences(moved));
            return "redirect:/beheer/teams";
        } catch (InvalidInputException e) {
            return teamsPage(model, "", List.of(), e.fieldErrors());
        }
    }

    /** One district that would change team: who loses access, who gains it, and to how many households. */
    record DistrictImpact(String districtName, String teamBefore, long staffBefore, String teamAfter, long staffAfter, long households) {
    }

    /**
     * The districts whose team would change if this team (null: a new one) served exactly these districts. Unknown
     * codes are left out: the service refuses them with a field error.
     */
    private List<DistrictImpact> preview(String m, UUID teamId, String teamName, Set<String> chosen) {
        Map<UUID, Long> staff = new java.util.HashMap<>();
        admin.teams(m).forEach(t -> staff.put(t.id(), t.memberCount()));
        Map<String, Long> households = new java.util.HashMap<>();
        occupancy.forEach(o -> o.householdsPerDistrict(m).forEach((d, n) -> households.merge(d, n, Long::sum)));
        List<DistrictImpact> out = new java.util.ArrayList<>();
        for (String code : chosen) {
            if (!new FieldErrors().isCode("districts", code, "wijken")) {
                continue;   // not a code at all: the service refuses it with a field error
            }
            var district = directory.district(m, code);
            if (district.isEmpty()) {
                continue;
            }
            var before = directory.teamServing(m, code);
            if (before.isPresent() && before.get().id().equals(teamId)) {
                continue;   // stays with this team
            }
            out.add(new DistrictImpact(district.get().name(), before.map(t -> t.name()).orElse(null),
                    before.map(t -> staff.getOrDefault(t.id(), 0L)).orElse(0L), teamName,
                    teamId == null ? 0 : staff.getOrDefault(teamId, 0L), households.getOrDefault(code, 0L)));
        }
        if (teamId != null) {
            for (String code : new TreeSet<>(directory.districtsServedBy(m, teamId))) {
                if (!chosen.contains(code)) {
                    String name = directory.district(m, code).map(d -> d.name()).orElse(code);
                    out.add(new DistrictImpact(name, teamName, staff.getOrDefault(teamId, 0L), null, 0, households.getOrDefault(code, 0L)));
                }
            }
        }
        return out;
    }

    private String confirmPage(Model model, List<DistrictImpact> impacts, String action, String name, List<String> chosen) {
        model.addAttribute("impacts", impacts);
        model.addAttribute("confirmAction", action);
        model.addAttribute("confirmName", name);
        model.addAttribute("confirmDistricts", chosen);
        return teamsPage(model, name == null ? "" : name, chosen, null);
    }

    /** Who gains and who loses access to the households of each moved district, in one sentence per district. */
    private static String accessConsequences(List<DistrictTeamChanged> moved) {
        StringBuilder text = new StringBuilder();
        for (DistrictTeamChanged c : moved) {
            text.append(" Wijk ").append(c.districtCode()).append(": ");
            if (c.teamAfterName() != null) {
                text.append("de medewerkers van ").append(c.teamAfterName()).append(" krijgen toegang tot de huishoudens");
            } else {
                text.append("geen team bedient de wijk nu; nieuwe meldingen worden niet doorgezet");
            }
            if (c.teamBeforeName() != null) {
                text.append(", die van ").append(c.teamBeforeName()).append(" verliezen die toegang");
            }
            text.append('.');
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------ sessions (item 4)

    @GetMapping("/beheer/sessies")
    String sessions(Model model) {
        return sessionsPage(model, null);
    }

    private String sessionsPage(Model model, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "gebruikers");
        model.addAttribute("sessions", sessions.active(me.municipalityCode()));
        model.addAttribute("errors", errors);
        return "identity/sessions";
    }

    /** Ends one session (sessionId: the opaque handle) or all sessions of one account (userId), at their next request. */
    @PostMapping("/beheer/sessies/beeindigen")
    String revokeSessions(@RequestParam(defaultValue = "") String sessionId, @RequestParam(defaultValue = "") String userId,
                          Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors errors = new FieldErrors();
        String message = null;
        if (!sessionId.isBlank()) {
            UUID handle = errors.optionalId("sessionId", sessionId, "Deze sessie bestaat niet (meer).");
            if (handle != null && sessions.revoke(me.municipalityCode(), handle, me)) {
                message = "De sessie is beëindigd. Bij de volgende klik moet de gebruiker opnieuw inloggen.";
            } else {
                errors.add("sessionId", "Deze sessie bestaat niet (meer).");
            }
        } else if (!userId.isBlank()) {
            UUID user = errors.optionalId("userId", userId, "Kies een gebruiker uit de lijst.");
            if (user != null && directory.user(me.municipalityCode(), user).isPresent()) {
                int n = sessions.revokeAll(me.municipalityCode(), user, me);
                message = n == 1 ? "1 sessie is beëindigd." : n + " sessies zijn beëindigd.";
            } else {
                errors.add("userId", "Kies een gebruiker uit de lijst.");
            }
        } else {
            errors.add("sessionId", "Kies een sessie om te beëindigen.");
        }
        try {
            errors.throwIfAny();
        } catch (InvalidInputException e) {
            return sessionsPage(model, e.fieldErrors());
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/beheer/sessies";
    }

    // ------------------------------------------------------------------------------------------ four eyes (item 6)

    @GetMapping("/beheer/wijzigingen")
    String changes(Model model) {
        return changesPage(model, null);
    }

    private String changesPage(Model model, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "gebruikers");
        model.addAttribute("changes", admin.pendingChanges(me.municipalityCode()));
        model.addAttribute("myId", me.id());
        model.addAttribute("errors", errors);
        return "identity/changes";
    }

    @PostMapping("/beheer/wijzigingen/bevestigen")
    String confirmChange(@RequestParam(defaultValue = "") String changeId, Model model, RedirectAttributes redirect) {
        return decide(changeId, true, model, redirect);
    }

    @PostMapping("/beheer/wijzigingen/afwijzen")
    String rejectChange(@RequestParam(defaultValue = "") String changeId, Model model, RedirectAttributes redirect) {
        return decide(changeId, false, model, redirect);
    }

    private String decide(String changeId, boolean confirm, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            FieldErrors errors = new FieldErrors();
            UUID id = errors.optionalId("changeId", changeId, "Deze aanvraag bestaat niet.");
            errors.check(id != null || errors.has("changeId"), "changeId", "Kies een aanvraag.");
            errors.throwIfAny();
            Administration.ChangeDecision decision = confirm
                    ? admin.confirmChange(me.municipalityCode(), id, me.id(), me.username())
                    : admin.rejectChange(me.municipalityCode(), id, me.id(), me.username());
            redirect.addFlashAttribute("message", switch (decision) {
                case CONFIRMED -> "De wijziging is bevestigd en doorgevoerd.";
                case REJECTED -> "De aanvraag is afgewezen. Er is niets gewijzigd.";
                case STALE -> "Het account is na de aanvraag gewijzigd. De aanvraag is vervallen; er is niets gewijzigd.";
            });
            return "redirect:/beheer/wijzigingen";
        } catch (InvalidInputException e) {
            return changesPage(model, e.fieldErrors());
        }
    }

    static Set<Role> parseRoles(List<String> values, FieldErrors errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : values) {
            try {
                roles.add(Role.valueOf(v == null ? "" : v.strip()));
            } catch (IllegalArgumentException e) {
                errors.add("roles", "Kies alleen rollen uit de lijst.");
            }
        }
        return roles;
    }

    static UUID parseTeam(String value, FieldErrors errors) {
        return errors.optionalId("teamId", value, "Kies een team uit de lijst.");
    }
}
