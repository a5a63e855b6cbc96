package nl.leefwereld.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.HouseholdInvolvement;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.privacy.ResidentRegister;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class DefaultAccessPolicy implements AccessPolicy {

    private final List<HouseholdInvolvement> involvements;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ResidentRegister residents;
    private final ProtectedPersonService protection;

    DefaultAccessPolicy(List<HouseholdInvolvement> involvements, ResidentRegister residents, JdbcClient jdbc, Clock clock,
                        ProtectedPersonService protection) {
        this.residents = residents;
        this.involvements = involvements;
        this.jdbc = jdbc;
        this.clock = clock;
        this.protection = protection;
    }

    /** The request attribute that remembers, within one reading request, the households a user was let into. */
    private static final String GRANTED_IN_REQUEST = DefaultAccessPolicy.class.getName() + ".granted";

    @Override
    public String requireHouseholdAccess(CurrentUser user, UUID householdId) {
        Map<String, String> granted = grantedInThisRequest();
        String key = user.id() + "/" + user.municipalityCode() + "/" + householdId;
        String known = granted == null ? null : granted.get(key);
        if (known != null) {
            return known;
        }
        if (!residents.householdExists(user.municipalityCode(), householdId)) {
            throw new NotFoundException("household");
        }
        Map<UUID, Set<UUID>> shielded = protection.protectedByHousehold(user.municipalityCode());
        if (shielded.containsKey(householdId)) {
            // never remembered: every opening of a household with a protected person is checked and alerted afresh
            String basis = shieldedBasis(user, householdId, shielded).orElseThrow(() -> new NoAccessException(householdId));
            protection.alert(user, householdId, null, "huishouden met afgeschermde persoon geopend");
            return basis;
        }
        String basis = basis(user, householdId).orElseThrow(() -> new NoAccessException(householdId));
        if (granted != null) {
            granted.put(key, basis);
        }
        return basis;
    }

    /**
     * A page such as the household page asks for the same household once per section (ten and more times). Within one
     * GET or HEAD request — which changes nothing, so access cannot change during it — a granted access is remembered
     * for the rest of that request; refusals, writing requests and households with a protected person are checked every
     * time. Null outside a web request (scheduled jobs, tests without a request) or in a writing request.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> grantedInThisRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String method = servlet.getRequest().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        Object memo = attributes.getAttribute(GRANTED_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new java.util.HashMap<String, String>();
            attributes.setAttribute(GRANTED_IN_REQUEST, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) memo;
    }

    @Override
    public boolean canAccessHousehold(CurrentUser user, UUID householdId) {
        Map<UUID, Set<UUID>> shielded = protection.protectedByHousehold(user.municipalityCode());
        if (shielded.containsKey(householdId)) {
            return shieldedBasis(user, householdId, shielded).isPresent();
        }
        return basis(user, householdId).isPresent();
    }

    @Override
    public Set<UUID> accessibleHouseholds(CurrentUser user, Collection<UUID> householdIds) {
        Set<UUID> out = new LinkedHashSet<>();
        if (!user.doesCasework() || householdIds.isEmpty()) {
            return out;
        }
        Map<UUID, Set<UUID>> shielded = protection.protectedByHousehold(user.municipalityCode());
        Set<UUID> named = shielded.isEmpty() ? Set.of() : protection.namedFor(user);
        Set<UUID> granted = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT household_id FROM break_glass_grant
                 WHERE municipality_code = :m AND user_id = :u AND household_id = ANY(:h) AND expires_at > :now
                """).param("m", user.municipalityCode()).param("u", user.id()).param("h", householdIds.toArray(new UUID[0]))
                .param("now", OffsetDateTime.now(clock)).query(UUID.class).list());
        // Involvement asked once per fact for all households still open (each answers with one query where it can),
        // not per household and fact.
        Set<UUID> involved = new HashSet<>();
        Set<UUID> open = new LinkedHashSet<>(householdIds);
        for (HouseholdInvolvement involvement : involvements) {
            if (open.isEmpty()) {
                break;
            }
            Set<UUID> found = involvement.involvedIn(user, open);
            involved.addAll(found);
            open.removeAll(found);
        }
        for (UUID h : new LinkedHashSet<>(householdIds)) {
            if (shielded.containsKey(h)) {
                if (named.containsAll(shielded.get(h)) && involved.contains(h)) {
                    out.add(h);
                }
            } else if (granted.contains(h) || involved.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * A household with a protected person: only users named for every protected person in it, and then only on a real
     * involvement; a break-the-glass grant does not open it.
     */
    private Optional<String> shieldedBasis(CurrentUser user, UUID householdId, Map<UUID, Set<UUID>> shielded) {
        if (!user.doesCasework() || !protection.namedFor(user).containsAll(shielded.get(householdId))) {
            return Optional.empty();
        }
        return involvement(user, householdId).map(b -> b + ", aangewezen voor afgeschermde persoon");
    }

    private Optional<String> involvement(CurrentUser user, UUID householdId) {
        for (HouseholdInvolvement involvement : involvements) {
            Optional<String> basis = involvement.basis(user, householdId);
            if (basis.isPresent()) {
                return basis;
            }
        }
        return Optional.empty();
    }

    private Optional<String> basis(CurrentUser user, UUID householdId) {
        if (!user.doesCasework()) {
            return Optional.empty();
        }
        Optional<String> basis = involvement(user, householdId);
        if (basis.isPresent()) {
            return basis;
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
