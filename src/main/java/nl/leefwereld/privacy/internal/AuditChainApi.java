package nl.leefwereld.privacy.internal;

import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AuditChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officer checks that nobody has tampered with the municipality's audit trail. */
@RestController
class AuditChainApi {

    private final AuditChain chain;

    AuditChainApi(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/v1/audit-chain/verification")
    AuditChain.Verification verification() {
        return chain.verify(CurrentUsers.get().municipalityCode());
    }
}
