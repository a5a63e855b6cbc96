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

    CaseloadController(WorkLists lists, IntakeService intake, CaseRepository cases, Directory directory) {
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

    /** The reassignment form of a row; the filters travel along so the page comes back as it was. */
    public static class Reassign extends Filters {
        private String caseId = "", caseDirectorId = "", stap = "";
        private boolean confirmOutsideTeam;
        public String getCaseId() { return caseId; } public void setCaseId(String v) { caseId = v; }
        public String getCaseDirectorId() { return caseDirectorId; } public void setCaseDirectorId(String v) { caseDirectorId = v; }
        public String getStap() { return stap; } public void setStap(String v) { stap = v; }
        public boolean isConfirmOutsideTeam() { return confirmOutsideTeam; } public void setConfirmOutsideTeam(boolean v) { confirmOutsideTeam = v; }
    }

    @GetMapping("/teams/{id}/werkvoorraad")
    String caseload(@PathVariable UUID id, @ModelAttribute("filters") Filters filters, Model model, HttpServletResponse response) {
        return render(id, filters, null, null, model, response);
    }

    private String render(UUID teamId, Filters f, Map<String, String> assignErrors, UUID errorCase, Model model, HttpServletResponse response) {
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
        var directors = cases.directorsWithLoad(m);
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
            response.setStatus(400);
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

    @PostMapping("/teams/{id}/werkvoorraad/regisseur")
    String reassign(@PathVariable UUID id, @ModelAttribute("form") Reassign form, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        WorkLists.requireTeam(me, id);
        UUID caseId = FieldErrors.idOrNull(form.getCaseId());
        CaseRepository.CaseRow c = caseId == null ? null : cases.caseById(me.municipalityCode(), caseId).orElse(null);
        if (c == null || !c.teamId().equals(id)) {
            throw new NotFoundException("case");
        }
        boolean confirmStep = "bevestigen".equals(form.getStap());
        if (confirmStep && !form.isConfirmOutsideTeam()) {
            return confirmPage(me, c, form, Map.of("confirmOutsideTeam",
                    "Vink aan dat u deze regisseur van buiten het team wilt toewijzen, of ga terug naar de werkvoorraad."), model, response);
        }
        IntakeService.Assignment outcome;
        try {
            outcome = intake.assignDirector(me, caseId, form.getCaseDirectorId(), confirmStep && form.isConfirmOutsideTeam());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> errors.put(k.equals("caseDirectorId") ? "regisseur-" + caseId : k, v));
            response.setStatus(400);
            model.addAttribute("filters", form);
            return render(id, form, errors, caseId, model, response);
        }
        if (outcome == IntakeService.Assignment.CONFIRM_OUTSIDE_TEAM) {
            return confirmPage(me, c, form, null, model, response);
        }
        redirect.addFlashAttribute("message", "De regisseur is toegewezen.");
        return "redirect:" + form.link(id, form.getNa()) + "#zaak-" + caseId;
    }

    private String confirmPage(CurrentUser me, CaseRepository.CaseRow c, Reassign form, Map<String, String> errors, Model model,
                               HttpServletResponse response) {
        String m = me.municipalityCode();
        UUID chosen = FieldErrors.idOrNull(form.getCaseDirectorId());
        CaseRepository.DirectorLoad director = cases.directorsWithLoad(m).stream().filter(d -> d.id().equals(chosen)).findFirst()
                .orElseThrow(() -> new NotFoundException("director"));
        if (errors != null) {
            response.setStatus(400);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("director", director);
        model.addAttribute("action", "/teams/" + c.teamId() + "/werkvoorraad/regisseur");
        model.addAttribute("caseDirectorId", director.id().toString());
        model.addAttribute("teamId", c.teamId());
        model.addAttribute("team", directory.team(m, c.teamId()).map(TeamRef::name).orElse("uw team"));
        model.addAttribute("returnLink", form.link(c.teamId(), form.getNa()));
        model.addAttribute("nav", "team");
        return "intake/confirm-director";
    }

    private static Map<String, String> options(Enum<?>[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            out.put(v.name(), v instanceof CaseStatus s ? s.label() : ((CaseSort) v).label());
        }
        return out;
    }
}
