package nl.leefwereld.household.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.Person;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.privacy.HouseholdInvolvement;
import nl.leefwereld.privacy.PersonDirectory;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.privacy.ResidentRegister;
import org.springframework.stereotype.Component;

/** What the privacy module asks of households: existence, involvement through team or network, and the inzage section. */
@Component
class HouseholdPrivacyAdapter implements ResidentRegister, PersonalDataSource, PersonDirectory {

    private final HouseholdRepository repo;
    private final PersonHistoryRepository history;

    HouseholdPrivacyAdapter(HouseholdRepository repo, PersonHistoryRepository history) {
        this.repo = repo;
        this.history = history;
    }

    @Override
    public boolean householdExists(String m, UUID householdId) {
        return repo.household(m, householdId).isPresent();
    }

    @Override
    public Optional<UUID> personByBsn(String m, String bsn) {
        return repo.personByBsn(m, bsn);
    }

    @Override
    public List<UUID> householdsOf(String m, UUID personId) {
        return repo.householdsOf(m, personId);
    }

    @Override
    public Map<UUID, String> householdLabels(String m, Collection<UUID> ids) {
        Map<UUID, String> out = new LinkedHashMap<>();
        repo.households(m, ids).forEach(h -> out.put(h.id(), "Huishouden in wijk " + h.districtName() + " (" + h.id().toString().substring(0, 8) + ")"));
        return out;
    }

    @Override
    public java.util.Set<String> networkNames(String m, UUID householdId) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (var n : repo.network(m, householdId)) {
            out.add(n.name());
            if (n.organisation() != null) {
                out.add(n.organisation());
            }
        }
        return out;
    }

    @Override
    public Map<UUID, java.util.Set<UUID>> householdsOf(String m, Collection<UUID> personIds) {
        Map<UUID, java.util.Set<UUID>> out = new LinkedHashMap<>();
        for (Object[] row : repo.memberships(m, personIds)) {
            out.computeIfAbsent((UUID) row[0], p -> new java.util.LinkedHashSet<>()).add((UUID) row[1]);
        }
        return out;
    }

    @Override
    public Map<UUID, String> labels(String m, Collection<UUID> personIds) {
        Map<UUID, String> out = new LinkedHashMap<>();
        repo.persons(m, personIds).forEach(p -> out.put(p.id(), p.fullName() + ", geboren "
                + p.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu"))));
        return out;
    }

    @Override
    public String section() {
        return "persoon_en_huishoudens";
    }

    /**
     * The resident's own data in full; per household the address, the district, the resident's own relation, the
     * co-residents by name and relation only (no BSN, birth date or contact details) and the network without contact details.
     */
    @Override
    public Object export(String m, UUID personId) {
        Map<String, Object> out = new LinkedHashMap<>();
        repo.person(m, personId).ifPresent(p -> out.put("persoon", personMap(p)));
        out.put("huishoudens", repo.householdsOf(m, personId).stream().map(h -> {
            Map<String, Object> hh = new LinkedHashMap<>();
            repo.household(m, h).ifPresent(row -> {
                hh.put("adres", row.street() + " " + row.houseNumber() + ", " + row.postalCode() + " " + row.city());
                hh.put("wijk", row.districtName());
            });
            List<Member> members = repo.members(m, h);
            members.stream().filter(x -> x.person().id().equals(personId)).findFirst()
                    .ifPresent(self -> hh.put("uw_rol_in_het_huishouden", self.relation().label()));
            hh.put("huisgenoten", members.stream().filter(x -> !x.person().id().equals(personId)).map(x -> {
                Map<String, Object> co = new LinkedHashMap<>();
                co.put("naam", x.person().fullName());
                co.put("relatie", x.relation().label());
                return co;
            }).toList());
            hh.put("netwerk", repo.network(m, h).stream().map(n -> {
                Map<String, Object> nm = new LinkedHashMap<>();
                nm.put("naam", n.name());
                nm.put("soort", n.professional() ? "professional" : "eigen netwerk");
                nm.put("relatie", n.relation());
                nm.put("organisatie", n.organisation());
                nm.put("rol", n.role());
                nm.put("mantelzorger", n.informalCarer());
                return nm;
            }).toList());
            return hh;
        }).toList());
        // Earlier versions of the resident's own data (full values: this is their own data) and ended memberships.
        out.put("eerdere_gegevens", history.personHistory(m, List.of(personId)).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("soort", "MOVE".equals(r.kind()) ? "verhuizing" : "correctie");
            row.put("geldig_van", r.validFrom().toString());
            row.put("geldig_tot", r.validTo().toString());
            row.put("per_datum", r.effectiveOn() == null ? null : r.effectiveOn().toString());
            row.put("gewijzigd", r.changedFields());
            row.put("voornaam", r.firstName());
            row.put("achternaam", r.lastName());
            row.put("geboortedatum", r.birthDate().toString());
            row.put("bsn", r.bsn());
            row.put("adres", r.street() == null ? null : r.street() + " " + r.houseNumber() + ", " + r.postalCode() + " " + r.city());
            row.put("telefoon", r.phone());
            row.put("email", r.email());
            row.put("reden", r.reason());
            row.put("door", r.changedByName());
            return row;
        }).toList());
        out.put("beeindigde_lidmaatschappen", history.departures(m, null, personId).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("adres_huishouden", r.householdAddress());
            row.put("uw_rol_in_het_huishouden", nl.leefwereld.household.Relation.valueOf(r.relation()).label());
            row.put("lid_sinds", r.validFrom() == null ? null : r.validFrom().toString());
            row.put("vertrokken_op", r.validTo().toString());
            row.put("reden", r.reason());
            row.put("door", r.recordedByName());
            return row;
        }).toList());
        return out;
    }

    /** The co-residents named in {@link #export}: they get an audit row of their own. */
    @Override
    public java.util.Set<UUID> othersNamed(String m, UUID personId) {
        java.util.Set<UUID> out = new java.util.LinkedHashSet<>();
        repo.householdsOf(m, personId).forEach(h -> repo.members(m, h).stream().map(x -> x.person().id())
                .filter(id -> !id.equals(personId)).forEach(out::add));
        return out;
    }

    private static Map<String, Object> personMap(Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("voornaam", p.firstName());
        out.put("achternaam", p.lastName());
        out.put("geboortedatum", p.birthDate().toString());
        out.put("bsn", p.bsn() == null ? null : p.bsn().value());
        out.put("adres", p.address());
        out.put("telefoon", p.phone());
        out.put("email", p.email());
        return out;
    }

    /** Involved because the user's team serves the household's district. */
    @Component
    static class TeamServesDistrict implements HouseholdInvolvement {
        private final HouseholdRepository repo;
        private final Directory directory;

        TeamServesDistrict(HouseholdRepository repo, Directory directory) {
            this.repo = repo;
            this.directory = directory;
        }

        @Override
        public Optional<String> basis(CurrentUser user, UUID householdId) {
            if (user.teamId() == null) {
                return Optional.empty();
            }
            return repo.districtOf(user.municipalityCode(), householdId)
                    .filter(d -> directory.districtsServedBy(user.municipalityCode(), user.teamId()).contains(d))
                    .map(d -> "team bedient wijk");
        }

        @Override
        public Set<UUID> involvedIn(CurrentUser user, Collection<UUID> householdIds) {
            if (user.teamId() == null || householdIds.isEmpty()) {
                return Set.of();
            }
            return repo.inDistricts(user.municipalityCode(), householdIds, directory.districtsServedBy(user.municipalityCode(), user.teamId()));
        }
    }

    /** Involved because the user is in the household's network. */
    @Component
    static class InNetwork implements HouseholdInvolvement {
        private final HouseholdRepository repo;

        InNetwork(HouseholdRepository repo) {
            this.repo = repo;
        }

        @Override
        public Optional<String> basis(CurrentUser user, UUID householdId) {
            return repo.isNetworkUser(user.municipalityCode(), householdId, user.id()) ? Optional.of("in netwerk huishouden") : Optional.empty();
        }

        @Override
        public Set<UUID> involvedIn(CurrentUser user, Collection<UUID> householdIds) {
            return householdIds.isEmpty() ? Set.of() : repo.withNetworkUser(user.municipalityCode(), householdIds, user.id());
        }
    }
}
