package nl.leefwereld.intake.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.identity.UserRef;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.HouseholdInvolvement;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/** The case on the household page; involvement through the case; the case in the inzage export. */
@Component
class CaseHouseholdSection implements HouseholdPageSection, HouseholdInvolvement, PersonalDataSource {

    private final CaseRepository cases;
    private final Directory directory;
    private final AuditLog audit;
    private final nl.leefwereld.privacy.ResidentRegister residents;

    CaseHouseholdSection(CaseRepository cases, Directory directory, AuditLog audit, nl.leefwereld.privacy.ResidentRegister residents) {
        this.cases = cases;
        this.directory = directory;
        this.audit = audit;
        this.residents = residents;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "intake/case-panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        String m = user.municipalityCode();
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<CaseRepository.CaseRow> c = cases.caseOfHousehold(m, household.id());
        model.put("caseRow", c.orElse(null));
        model.put("zone", TimeConfiguration.ZONE);
        if (c.isPresent()) {
            model.put("team", directory.team(m, c.get().teamId()).map(TeamRef::name).orElse("?"));
            model.put("director", directory.user(m, c.get().caseDirectorId()).map(UserRef::displayName).orElse(null));
            List<CaseRepository.NotificationRow> notifications = cases.notifications(m, c.get().id());
            model.put("notifications", notifications);
            model.put("events", cases.events(m, c.get().id()));
            boolean lead = user.has(Role.TEAM_LEAD) && c.get().teamId().equals(user.teamId());
            model.put("canAssign", lead);
            model.put("canPickUp", c.get().teamId().equals(user.teamId()));
            if (lead) {
                // The team's directors with their load (and any director of another team who directs one of the
                // team's cases, marked: assigning them asks for confirmation); the last choice leads to every director.
                Map<String, String> options = new LinkedHashMap<>();
                UUID caseTeam = c.get().teamId();
                cases.directorsForTeam(m, caseTeam).stream()
                        .sorted(java.util.Comparator.comparing((CaseRepository.DirectorLoad d) -> !caseTeam.equals(d.teamId())))
                        .forEach(d -> options.put(d.id().toString(), d.displayName() + " – "
                                + (d.teamName() == null ? "geen team" : d.teamName()) + ", "
                                + d.cases() + (d.cases() == 1 ? " huishouden" : " huishoudens")
                                + (caseTeam.equals(d.teamId()) ? "" : " (ander team)")));
                options.put(CaseloadController.OTHER_TEAM, "Regisseur van een ander team …");
                model.put("directorOptions", options);
            }
            audit.read(user, "CASE", c.get().id(), household.id(), null, "huishoudpagina");
            for (CaseRepository.NotificationRow n : notifications) {
                audit.read(user, "NOTIFICATION", n.id(), household.id(), null, "huishoudpagina");
            }
        }
        return model;
    }

    @Override
    public Optional<String> basis(CurrentUser user, UUID householdId) {
        return cases.caseOfHousehold(user.municipalityCode(), householdId).flatMap(c -> {
            if (user.id().equals(c.caseDirectorId())) {
                return Optional.of("regisseur van de zaak");
            }
            if (user.teamId() != null && user.teamId().equals(c.teamId())) {
                return Optional.of("team van de zaak");
            }
            return Optional.empty();
        });
    }

    @Override
    public java.util.Set<UUID> involvedIn(CurrentUser user, java.util.Collection<UUID> householdIds) {
        return householdIds.isEmpty() ? java.util.Set.of() : cases.householdsDirectedOrOfTeam(user.municipalityCode(), householdIds, user.id(), user.teamId());
    }

    private static String channelLabel(String channel) {
        try {
            return nl.leefwereld.intake.Channel.valueOf(channel).label();
        } catch (IllegalArgumentException e) {
            return channel;
        }
    }

    /** The notifications of the resident's households stay in whole: they are about the resident's case, even where they mention others. */
    @Override
    public String section() {
        return "meldingen";
    }

    @Override
    public Object export(String m, UUID personId) {
        return cases.notificationsOfHouseholds(m, residents.householdsOf(m, personId)).stream().map(n -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ontvangen_op", n.receivedOn().toString());
            out.put("kanaal", channelLabel(n.channel()));
            out.put("vastgelegd_door", n.registeredByName());
            out.put("vraag", n.questionAsAsked());
            out.put("vraag_achter_de_vraag", n.questionBehind());
            out.put("eigen_kracht", n.ownStrength());
            out.put("netwerk", n.networkSummary());
            out.put("hulp_vanuit_andere_wetten", n.supportOtherLaws());
            out.put("belasting_mantelzorger", n.carerLoad());
            out.put("wat_kinderen_nodig_hebben", n.childrensNeeds());
            return out;
        }).toList();
    }
}
