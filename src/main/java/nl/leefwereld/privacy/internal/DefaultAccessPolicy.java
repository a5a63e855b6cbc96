package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.HouseholdInvolvement;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DefaultAccessPolicy implements AccessPolicy {

    private final List<HouseholdInvolvement> involvements;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final ResidentRegister residents;

    DefaultAccessPolicy(List<HouseholdInvolvement> involvements, ResidentRegister residents, JdbcClient jdbc, Clock clock) {
        this.residents = residents;
        this.involvements = involvements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String requireHouseholdAccess(CurrentUser user, UUID householdId) {
        if (!residents.householdExists(user.municipalityCode(), householdId)) {
            throw new NotFoundException("household");
        }
        return basis(user, householdId).orElseThrow(() -> new NoAccessException(householdId));
    }

    @Override
    public boolean canAccessHousehold(CurrentUser user, UUID householdId) {
        return basis(user, householdId).isPresent();
    }

    private Optional<String> basis(CurrentUser user, UUID householdId) {
        if (!user.doesCasework()) {
            return Optional.empty();
        }
        for (HouseholdInvolvement involvement : involvements) {
            Optional<String> basis = involvement.basis(user, householdId);
            if (basis.isPresent()) {
                return basis;
            }
        }
        return jdbc.sql("""
                SELECT reason FROM break_glass_grant
                 WHERE municipality_code = :m AND user_id = :u AND household_id = :h AND expires_at > :now
                 ORDER BY expires_at DESC LIMIT 1
                """).param("m", user.municipalityCode()).param("u", user.id()).param("h", householdId)
                .param("now", OffsetDateTime.now(clock)).query(String.class).optional()
                .map(reason -> "noodtoegang: " + reason);
    }
}
