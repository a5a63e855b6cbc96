package nl.leefwereld.intake.internal;

import nl.leefwereld.household.HouseholdMoved;
import nl.leefwereld.household.MemberDeparted;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.TeamRef;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves and departures in the case timeline, in the same transaction as the change. A move to a district of another
 * team does not move the case (its director and history stay), but the timeline tells the team lead so they can
 * decide on a handover. No names or addresses in the summary: the timeline says what happened, the household page who.
 */
@Component
class HouseholdChangeTimeline {

    private final CaseRepository cases;
    private final Directory directory;

    HouseholdChangeTimeline(CaseRepository cases, Directory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    @EventListener
    void moved(HouseholdMoved e) {
        cases.caseOfHousehold(e.municipalityCode(), e.householdId()).ifPresent(c -> {
            String summary;
            if (!e.districtChanged()) {
                summary = "Huishouden verhuisd binnen de wijk " + districtName(e, e.districtAfter()) + ".";
            } else {
                String servedBy = directory.teamServing(e.municipalityCode(), e.districtAfter()).map(TeamRef::name).orElse("geen team");
                String caseTeam = c.teamId() == null ? "geen team"
                        : directory.team(e.municipalityCode(), c.teamId()).map(TeamRef::name).orElse("het huidige team");
                summary = "Huishouden verhuisd van wijk " + districtName(e, e.districtBefore()) + " naar wijk " + districtName(e, e.districtAfter())
                        + ". Die wijk hoort bij " + servedBy + "; de zaak blijft bij " + caseTeam
                        + ". Teamleider: bespreek of de zaak wordt overgedragen.";
            }
            cases.appendEvent(e.municipalityCode(), c.id(), e.actorId(), e.actorName(), "HOUSEHOLD_MOVED", summary);
        });
    }

    @EventListener
    void departed(MemberDeparted e) {
        cases.caseOfHousehold(e.municipalityCode(), e.householdId()).ifPresent(c -> cases.appendEvent(e.municipalityCode(), c.id(),
                e.actorId(), e.actorName(), "MEMBER_DEPARTED", "Een gezinslid is vertrokken uit het huishouden (zie de geschiedenis)."));
        if (e.destinationHouseholdId() != null) {
            cases.caseOfHousehold(e.municipalityCode(), e.destinationHouseholdId()).ifPresent(c -> cases.appendEvent(e.municipalityCode(),
                    c.id(), e.actorId(), e.actorName(), "MEMBER_JOINED", "Een persoon uit een ander huishouden is hier komen wonen."));
        }
    }

    private String districtName(HouseholdMoved e, String code) {
        return directory.district(e.municipalityCode(), code).map(d -> d.name()).orElse(code);
    }
}
