package nl.leefwereld.privacy.internal;

import java.time.Instant;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.BreakGlass;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Break-the-glass from a search hit in the API: the opaque reference in, the household id out only after the grant. */
@RestController
class BreakGlassReferenceApi {

    private final BreakGlass breakGlass;

    BreakGlassReferenceApi(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    record ReferenceRequest(String reference, String reason) {
    }

    record GrantResponse(UUID householdId, Instant expiresAt) {
    }

    @PostMapping("/api/v1/break-glass")
    GrantResponse grant(@RequestBody ReferenceRequest body) {
        BreakGlass.Grant grant = breakGlass.grantByReference(CurrentUsers.get(), body == null ? null : body.reference(),
                body == null ? null : body.reason());
        return new GrantResponse(grant.householdId(), grant.expiresAt());
    }
}
