package nl.leefwereld.household.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.CorrectionDraft;
import nl.leefwereld.household.DepartureDraft;
import nl.leefwereld.household.HistoryEntry;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.MoveDraft;
import nl.leefwereld.household.PersonChanges;
import nl.leefwereld.household.Relation;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member page: move the household, a member leaving, correcting a person's data; each with the member's history. */
@Controller
class PersonChangeController {

    private final PersonChanges changes;
    private final Directory directory;
    private final Clock clock;

    PersonChangeController(PersonChanges changes, Directory directory, Clock clock) {
        this.changes = changes;
        this.directory = directory;
        this.clock = clock;
    }

    public static class MoveForm {
        private String street = "", houseNumber = "", postalCode = "", city = "", districtCode = "", movedOn = "", reason = "";
        public String getStreet() { return street; } public void setStreet(String v) { street = v; }
        public String getHouseNumber() { return houseNumber; } public void setHouseNumber(String v) { houseNumber = v; }
        public String getPostalCode() { return postalCode; } public void setPostalCode(String v) { postalCode = v; }
        public String getCity() { return city; } public void setCity(String v) { city = v; }
        public String getDistrictCode() { return districtCode; } public void setDistrictCode(String v) { districtCode = v; }
        public String getMovedOn() { return movedOn; } public void setMovedOn(String v) { movedOn = v; }
        public String getReason() { return reason; } public void setReason(String v) { reason = v; }
    }

    public static class DepartureForm {
        private String leftOn = "", reason = "", destination = "NONE", destinationHouseholdId = "", memberRelation = "",
                street = "", houseNumber = "", postalCode = "", city = "", districtCode = "";
        public String getLeftOn() { return leftOn; } public void setLeftOn(String v) { leftOn = v; }
        public String getReason() { return reason; } public void setReason(String v) { reason = v; }
        public String getDestination() { return destination; } public void setDestination(String v) { destination = v; }
        public String getDestinationHouseholdId() { return destinationHouseholdId; } public void setDestinationHouseholdId(String v) { destinationHouseholdId = v; }
        /** Named apart from other relation fields so field ids stay unique; the service calls it "relation". */
        public String getMemberRelation() { return memberRelation; } public void setMemberRelation(String v) { memberRelation = v; }
        public String getStreet() { return street; } public void setStreet(String v) { street = v; }
        public String getHouseNumber() { return houseNumber; } public void setHouseNumber(String v) { houseNumber = v; }
        public String getPostalCode() { return postalCode; } public void setPostalCode(String v) { postalCode = v; }
        public String getCity() { return city; } public void setCity(String v) { city = v; }
        public String getDistrictCode() { return districtCode; } public void setDistrictCode(String v) { districtCode = v; }
    }

    public static class CorrectionForm {
        /** null (not sent) means: unchanged, as in the API; the page always sends every field. */
        private String firstName, lastName, birthDate, bsn, phone, email, reason;
        public String getFirstName() { return firstName; } public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; } public void setLastName(String v) { lastName = v; }
        public String getBirthDate() { return birthDate; } public void setBirthDate(String v) { birthDate = v; }
        /** Empty means: the BSN stays as it is (the page never shows the full number). */
        public String getBsn() { return bsn; } public void setBsn(String v) { bsn = v; }
        public String getPhone() { return phone; } public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; } public void setEmail(String v) { email = v; }
        public String getReason() { return reason; } public void setReason(String v) { reason = v; }
    }

    /** What the page shows: one of the three forms (wijziging), or none. */
    @GetMapping("/huishoudens/{id}/leden/{personId}")
    String member(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(defaultValue = "") String wijziging, Model model) {
        String form = switch (wijziging) {
            case "verhuizing", "vertrek", "correctie" -> wijziging;
            default -> "";
        };
        return page(id, personId, model, form, null, null, null, null);
    }

    private String page(UUID id, UUID personId, Model model, String form, MoveForm move, DepartureForm departure,
                        CorrectionForm correction, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        Member member = changes.member(me, id, personId);
        List<HistoryEntry> history = changes.historyOfMember(me, id, member);
        model.addAttribute("householdId", id);
        model.addAttribute("member", member);
        model.addAttribute("history", history);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
        String today = LocalDate.now(clock).toString();
        if (move == null) {
            move = new MoveForm();
            move.movedOn = today;
        }
        if (departure == null) {
            departure = new DepartureForm();
            departure.leftOn = today;
        }
        if (correction == null) {
            correction = new CorrectionForm();
            var p = member.person();
            correction.firstName = p.firstName();
            correction.lastName = p.lastName();
            correction.birthDate = p.birthDate().toString();
            correction.phone = p.phone() == null ? "" : p.phone();
            correction.email = p.email() == null ? "" : p.email();
        }
        model.addAttribute("moveForm", move);
        model.addAttribute("departureForm", departure);
        model.addAttribute("correctionForm", correction);
        Map<String, String> districts = new LinkedHashMap<>();
        directory.districts(me.municipalityCode()).forEach(d -> districts.put(d.code(), d.name()));
        model.addAttribute("districtOptions", districts);
        Map<String, String> relations = new LinkedHashMap<>();
        for (Relation r : Relation.values()) {
            relations.put(r.name(), r.label());
        }
        model.addAttribute("relationOptions", relations);
        Map<String, String> destinations = new LinkedHashMap<>();
        destinations.put("NONE", "Nog niet bekend, of buiten de gemeente");
        destinations.put("NEW", "Een nieuw huishouden op een nieuw adres");
        destinations.put("EXISTING", "Een huishouden dat al bekend is");
        model.addAttribute("destinationOptions", destinations);
        return "household/member";
    }

    @PostMapping("/huishoudens/{id}/leden/{personId}/verhuizing")
    String move(@PathVariable UUID id, @PathVariable UUID personId, @ModelAttribute MoveForm form, Model model, RedirectAttributes redirect) {
        try {
            changes.move(CurrentUsers.get(), personId, new MoveDraft(id.toString(), form.street, form.houseNumber, form.postalCode, form.city,
                    form.districtCode, form.movedOn, form.reason));
            redirect.addFlashAttribute("message", "De verhuizing is vastgelegd. Het oude adres staat in de geschiedenis.");
            return "redirect:/huishoudens/" + id + "#geschiedenis";
        } catch (InvalidInputException e) {
            return page(id, personId, model, "verhuizing", form, null, null, e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/leden/{personId}/vertrek")
    String depart(@PathVariable UUID id, @PathVariable UUID personId, @ModelAttribute DepartureForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            changes.depart(CurrentUsers.get(), id, personId, new DepartureDraft(form.leftOn, form.reason, form.destination,
                    form.destinationHouseholdId, form.memberRelation, form.street, form.houseNumber, form.postalCode, form.city,
                    form.districtCode));
            redirect.addFlashAttribute("message", "Het vertrek is vastgelegd. Het lidmaatschap staat in de geschiedenis.");
            return "redirect:/huishoudens/" + id + "#geschiedenis";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.containsKey("relation")) {
                errors.put("memberRelation", errors.remove("relation"));
            }
            return page(id, personId, model, "vertrek", null, form, null, errors);
        }
    }

    @PostMapping("/huishoudens/{id}/leden/{personId}/correctie")
    String correct(@PathVariable UUID id, @PathVariable UUID personId, @ModelAttribute CorrectionForm form, Model model,
                   RedirectAttributes redirect) {
        try {
            changes.correct(CurrentUsers.get(), id, personId, new CorrectionDraft(form.firstName, form.lastName, form.birthDate,
                    form.bsn, form.phone, form.email, form.reason));
            redirect.addFlashAttribute("message", "De gegevens zijn gecorrigeerd. De oude gegevens staan in de geschiedenis.");
            return "redirect:/huishoudens/" + id + "/leden/" + personId;
        } catch (InvalidInputException e) {
            return page(id, personId, model, "correctie", null, null, form, e.fieldErrors());
        }
    }
}
