package nl.leefwereld.intake.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The team caseload page: every case of the team, filtered, sorted, paged by keyset; the team lead reassigns from it. */
@Controller
class CaseloadController {

    private final WorkLists lists;
    private final IntakeService intake;
    private final CaseRepository cases;
    private final Directory directory;
    private final nl.leefwereld.household.Households households;
    private final nl.leefwereld.privacy.AuditLog audit;

    CaseloadController(WorkLists lists, IntakeService intake, CaseRepository cases, Directory directory,
                       nl.leefwereld.household.Households households, nl.leefwereld.privacy.AuditLog audit) {
        this.households = households;
        this.audit = audit;
        this.lists = lists;
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
    }

    /** The filters as typed (Dutch parameter names, they are in the address bar). */
    public static class Filters {
        private String regisseur = "", wijk = "", status = "", sortering = "", na = "", aantal = "";
        public String getRegisseur() { return regisseur; } public void setRegisseur(String v) { regisseur = v; }
        public String getWijk() { return wijk; } public void setWijk(String v) { wijk = v; }
        public String getStatus() { return status; } public void setStatus(String v) { status = v; }
        public String getSortering() { return sortering; } public void setSortering(String v) { sortering = v; }
        public String getNa() { return na; } public void setNa(String v) { na = v; }
        public String getAantal() { return aantal; } public void setAantal(String v) { aantal = v; }

        /** The address of this view with another cursor (null: the first page). */
        String link(UUID teamId, String after) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/teams/" + teamId + "/werkvoorraad");
            put(b, "regisseur", regisseur);
            put(b, "wijk", wijk);
            put(b, "status", status);
            put(b, "sortering", sortering);
            put(b, "aantal", aantal);
            put(b, "na", after);
            return b.encode().build().toUriString();
        }

        private static void put(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value.strip());
            }
        }
    }

    /** The reassignment form of a row. Where to return (the page with its filters) is kept in the session by the page itself. */
    public static class Reassign {
        private String caseId = "", caseDirectorId = "", stap = "", confirmOutsideTeam = "";
        public String getCaseId() { return caseId; } public void setCaseId(String v) { caseId = v; }
        public String getCaseDirectorId() { return caseDirectorId; } public void setCaseDirectorId(String v) { caseDirectorId = v; }
        public String getStap() { return stap; } public void setStap(String v) { stap = v; }
        public String getConfirmOutsideTeam() { return confirmOutsideTeam; } public void setConfirmOutsideTeam(String v) { confirmOutsideTeam = v; }
    }

    static final String RETURN_TO = "caseload.returnTo.";

    @GetMapping("/teams/{id}/werkvoorraad")
    String caseload(@PathVariable UUID id, @ModelAttribute("filters") Filters filters, Model model, HttpServletResponse response,
                    jakarta.servlet.http.HttpSession session) {
        String view = render(id, filters, null, null, model, response, 400);
        if (response.getStatus() < 400) {
            session.setAttribute(RETURN_TO + id, filters.link(id, filters.getNa()));   // validated filters only
        }
        return view;
    }

    /** The page; with bad filters the list is left out and the errors are at the filter fields, answered with {@code filterErrorStatus}. */
    private String render(UUID teamId, Filters f, Map<String, String> assignErrors, UUID errorCase, Model model, HttpServletResponse response,
                          int filterErrorStatus) {
        CurrentUser me = CurrentUsers.get();
        WorkLists.requireTeam(me, teamId);
        String m = me.municipalityCode();
        FieldErrors errors = new FieldErrors();
        UUID director = errors.optionalId("regisseur", f.regisseur, "Kies een regisseur uit de lijst.");
        String district = f.wijk == null || f.wijk.isBlank() ? null : f.wijk.strip();
        if (district != null && !directory.districtsServedBy(m, teamId).contains(district)) {
            errors.add("wijk", "Kies een wijk van het team uit de lijst.");
        }
        CaseStatus status = WorkLists.optional(errors, "status", f.status, CaseStatus.class, "een status");
        CaseSort sort = WorkLists.optional(errors, "sortering", f.sortering, CaseSort.class, "een sortering");
        int size = WorkLists.size(errors, "aantal", f.aantal);
        CaseKey after = WorkLists.after(errors, "na", f.na);
        Map<String, String> shownErrors = new LinkedHashMap<>();
        try {
            errors.throwIfAny();
        } catch (InvalidInputException e) {
            shownErrors.putAll(e.fieldErrors());
        }
        if (assignErrors != null) {
            shownErrors.putAll(assignErrors);
        }
        model.addAttribute("team", directory.team(m, teamId).map(TeamRef::name).orElseThrow(() -> new NotFoundException("team")));
        model.addAttribute("teamId", teamId);
        model.addAttribute("errors", shownErrors);
        model.addAttribute("errorCase", errorCase);
        var directors = cases.directorsForTeam(m, teamId);
        model.addAttribute("directors", directors);
        Map<String, String> directorOptions = new LinkedHashMap<>();
        directors.forEach(d -> directorOptions.put(d.id().toString(), d.displayName() + (teamId.equals(d.teamId()) ? "" : " (ander team)")));
        model.addAttribute("directorOptions", directorOptions);
        model.addAttribute("sizeOptions", Map.of("10", "10", "25", "25", "50", "50", "100", "100").entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        Map<String, String> districtNames = new LinkedHashMap<>();
        directory.districts(m).forEach(d -> districtNames.put(d.code(), d.name()));
        model.addAttribute("districtNames", districtNames);
        Map<String, String> districts = new LinkedHashMap<>();
        directory.districts(m).stream().filter(d -> directory.districtsServedBy(m, teamId).contains(d.code()))
                .forEach(d -> districts.put(d.code(), d.name()));
        model.addAttribute("districtOptions", districts);
        model.addAttribute("statusOptions", options(CaseStatus.values()));
        model.addAttribute("sortOptions", options(CaseSort.values()));
        model.addAttribute("channels", IntakeController.channelOptions());
        model.addAttribute("zone", TimeConfiguration.ZONE);
        model.addAttribute("nav", "team");
        if (errors.has("regisseur") || errors.has("wijk") || errors.has("status") || errors.has("sortering") || errors.has("aantal") || errors.has("na")) {
            response.setStatus(filterErrorStatus);
            model.addAttribute("caseload", null);
            return "intake/caseload";
        }
        WorkLists.Caseload caseload = lists.caseload(me, teamId, new WorkLists.CaseloadQuery(director, district, status, sort, after, size));
        model.addAttribute("caseload", caseload);
        model.addAttribute("nextLink", caseload.page().next() == null ? null : f.link(teamId, caseload.page().next()));
        model.addAttribute("firstLink", after == null ? null : f.link(teamId, null));
        model.addAttribute("returnLink", f.link(teamId, f.na));
        return "intake/caseload";
    }

    /** The list's last choice: a director of another team, chosen on a page of its own. */
    static final String OTHER_TEAM = "ander";

    @PostMapping("/teams/{id}/werkvoorraad/regisseur")
    String reassign(@PathVariable UUID id, @ModelAttribute("form") Reassign form, Model model, RedirectAttributes redirect,
                    jakarta.servlet.http.HttpSession session) {
        CurrentUser me = CurrentUsers.get();
        WorkLists.requireTeam(me, id);
        String m = me.municipalityCode();
        Object stored = session.getAttribute(RETURN_TO + id);
        String returnLink = stored instanceof String link && link.startsWith("/teams/" + id + "/werkvoorraad") ? link : "/teams/" + id + "/werkvoorraad";
        UUID caseId = FieldErrors.idOrNull(form.getCaseId());
        CaseRepository.CaseRow c = caseId == null ? null : cases.caseById(m, caseId).orElse(null);
        if (c == null || !c.teamId().equals(id)) {
            // Not a case of this team (or no case at all): nothing changes, nothing is told about other teams.
            return reassignPage(me, id, null, form, false, Map.of("caseId",
                    "Dit huishouden staat niet in de werkvoorraad van uw team. Ga terug en kies een huishouden uit de lijst."), returnLink, model);
        }
        if (OTHER_TEAM.equals(form.getCaseDirectorId())) {
            // "A director of another team...": the page with every director of the municipality (a first choice, not
            // the confirmation step)
            model.addAttribute("choosing", true);
            return reassignPage(me, id, c, form, false, Map.of(), returnLink, model);
        }
        boolean confirmStep = "bevestigen".equals(form.getStap());
        if (!confirmStep && !form.getStap().isEmpty()) {
            return reassignPage(me, id, c, form, false, Map.of("caseDirectorId", "Kies de regisseur opnieuw en klik op Toewijzen."), returnLink, model);
        }
        if (!form.getConfirmOutsideTeam().isEmpty() && !form.getConfirmOutsideTeam().equals("true")) {
            return reassignPage(me, id, c, form, true, Map.of("confirmOutsideTeam",
                    "Vink het vakje aan als u deze regisseur van buiten het team wilt toewijzen."), returnLink, model);
        }
        boolean confirmed = confirmStep && form.getConfirmOutsideTeam().equals("true");
        IntakeService.Assignment outcome;
        try {
            outcome = intake.assignDirector(me, caseId, form.getCaseDirectorId(), confirmed);
        } catch (InvalidInputException e) {
            return reassignPage(me, id, c, form, false, e.fieldErrors(), returnLink, model);
        }
        if (outcome == IntakeService.Assignment.CONFIRM_OUTSIDE_TEAM) {
            return reassignPage(me, id, c, form, true, confirmStep ? Map.of("confirmOutsideTeam",
                    "Vink aan dat u deze regisseur van buiten het team wilt toewijzen, of ga terug naar de werkvoorraad.") : null, returnLink, model);
        }
        redirect.addFlashAttribute("message", "De regisseur is toegewezen.");
        return "redirect:" + returnLink + "#zaak-" + caseId;
    }

    /** The reassignment on a page of its own: after an error, and as the second step for a director from another team. */
    private String reassignPage(CurrentUser me, UUID teamId, CaseRepository.CaseRow c, Reassign form, boolean outside,
                                Map<String, String> errors, String returnLink, Model model) {
        String m = me.municipalityCode();
        var directors = cases.directorsWithLoad(m);
        UUID chosen = FieldErrors.idOrNull(form.getCaseDirectorId());
        model.addAttribute("director", directors.stream().filter(d -> d.id().equals(chosen)).findFirst().orElse(null));
        model.addAttribute("directors", directors);
        model.addAttribute("outside", outside);
        model.addAttribute("errors", errors);
        model.addAttribute("action", "/teams/" + teamId + "/werkvoorraad/regisseur");
        model.addAttribute("caseId", c == null ? form.getCaseId() : c.id().toString());
        model.addAttribute("caseDirectorId", chosen == null ? "" : chosen.toString());
        model.addAttribute("teamId", teamId);
        model.addAttribute("team", directory.team(m, teamId).map(TeamRef::name).orElse("uw team"));
        model.addAttribute("returnLink", returnLink);
        model.addAttribute("householdName", c == null ? null : households.ref(m, c.householdId()).map(r -> {
            audit.read(me, "HOUSEHOLD_SUMMARY", c.householdId(), c.householdId(), null, "regisseur toewijzen");
            return r.name();
        }).orElse(null));
        model.addAttribute("nav", "werk");
        return "intake/reassign";
    }

    private static Map<String, String> options(Enum<?>[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            out.put(v.name(), v instanceof CaseStatus s ? s.label() : ((CaseSort) v).label());
        }
        return out;
    }
}
