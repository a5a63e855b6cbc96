package nl.leefwereld.meeting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.privacy.ResidentRegister;
import org.springframework.stereotype.Component;

/**
 * The meetings panel on the household page and the meetings in the resident's inzage export.
 */
@Component
class MeetingHouseholdSection implements HouseholdPageSection, PersonalDataSource {

    private final MeetingView view;
    private final MeetingRepository meetings;
    private final nl.leefwereld.identity.Directory directory;
    private final ResidentRegister residents;

    MeetingHouseholdSection(MeetingView view, MeetingRepository meetings, nl.leefwereld.identity.Directory directory, ResidentRegister residents) {
        this.view = view;
        this.meetings = meetings;
        this.directory = directory;
        this.residents = residents;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "meeting/household-panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("meetings", view.ofHousehold(user, household.id(), "huishoudpagina"));
        Map<String, String> members = new LinkedHashMap<>();
        household.members().forEach(m -> members.put(m.person().id().toString(), m.person().fullName()));
        model.put("memberOptions", members);
        model.put("isFacilitator", user.has(nl.leefwereld.identity.Role.MEETING_FACILITATOR));
        Map<String, String> facilitators = new LinkedHashMap<>();
        (user.teamId() == null ? List.<nl.leefwereld.identity.UserRef>of()
                : directory.members(user.municipalityCode(), user.teamId(), nl.leefwereld.identity.Role.MEETING_FACILITATOR)).forEach(f -> facilitators.put(f.id().toString(), f.displayName()));
        model.put("facilitatorOptions", facilitators);
        model.put("defaultResident", household.members().isEmpty() ? "" : household.members().get(0).person().id().toString());
        return model;
    }

    @Override
    public String section() {
        return "planbijeenkomsten";
    }

    /** The meetings of the resident's households: when, where, the decisions and the result; the others present by name only. */
    @Override
    public Object export(String m, UUID personId) {
        List<UUID> households = List.copyOf(residents.householdsOf(m, personId));
        return meetings.meetingsOfHouseholds(m, households).stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bijeenkomst", row.label());
            out.put("procesbegeleider", row.facilitatorName());
            out.put("datum", row.heldOn() == null ? null : row.heldOn().toString());
            out.put("plaats", row.place());
            out.put("deelnemers", meetings.participants(m, row.id()).stream().map(MeetingRepository.ParticipantRow::name).toList());
            out.put("afspraken", meetings.agreements(m, row.id()).stream()
                    .map(a -> a.who() + ": " + a.what() + " (uiterlijk " + a.due() + ")").toList());
            out.put("als_het_niet_gaat_zoals_afgesproken", row.fallback());
            out.put("ondergrens", row.lowerBound());
            out.put("resultaat", row.resultForResident());
            return out;
        }).toList();
    }
}
