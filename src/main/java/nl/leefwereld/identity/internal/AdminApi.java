package nl.leefwereld.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamSummary;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminApi {

    private final Administration admin;

    AdminApi(Administration admin) {
        this.admin = admin;
    }

    record NewUserRequest(String username, String displayName, String email, String teamId, List<String> roles, String password,
                          String oidcSubject) {
    }

    record Me(UUID id, String username, String displayName, String municipalityCode, UUID teamId, Set<Role> roles) {
    }

    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser u = CurrentUsers.get();
        return new Me(u.id(), u.username(), u.displayName(), u.municipalityCode(), u.teamId(), u.roles());
    }

    @GetMapping("/api/v1/admin/users")
    List<UserAccount> users() {
        return admin.users(CurrentUsers.get().municipalityCode());
    }

    @GetMapping("/api/v1/admin/teams")
    List<TeamSummary> teams() {
        return admin.teams(CurrentUsers.get().municipalityCode());
    }

    @PostMapping("/api/v1/admin/users")
    ResponseEntity<UserAccount> createUser(@RequestBody NewUserRequest request) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors errors = new FieldErrors();
        Set<Role> roles = AdminController.parseRoles(request.roles() == null ? List.of() : request.roles(), errors);
        UUID teamId = AdminController.parseTeam(request.teamId(), errors);
        errors.throwIfAny();
        String username = request.username() == null ? null : request.username().strip().toLowerCase();
        UUID id = admin.createUser(me.municipalityCode(), new Administration.NewUser(username, request.displayName(),
                request.email(), teamId, roles, request.password(), request.oidcSubject()), me.id(), me.username());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + id)).body(admin.user(me.municipalityCode(), id));
    }
}
