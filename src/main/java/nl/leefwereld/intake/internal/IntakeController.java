package nl.leefwereld.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.intake.Channel;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.intake.RegisteredNotification;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditLog;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class IntakeController {

    private final IntakeService intakeService;
    private final WorkLists workLists;
    private final CaseRepository cases;
    private final Households households;
    private final Directory directory;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    /** Panels of other modules on Mijn werk (the plan's follow-up). */
    private final List<nl.leefwereld.intake.WorkListSection> workSections;

    IntakeController(IntakeService intakeService, WorkLists workLists, CaseRepository cases, Households households, Directory directory,
                     AccessPolicy access, AuditLog audit, Clock clock, List<nl.leefwereld.intake.WorkListSection> workSections) {
        this.workSections = workSections.stream().sorted(java.util.Comparator.comparingInt(nl.leefwereld.intake.WorkListSection::order)).toList();
        this.intakeService = intakeService;
        this.workLists = workLists;
        this.cases = cases;
        this.households = households;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything the notification form carries, as typed. */
    public static class NotificationForm {
        private String householdId = "", firstName = "", lastName = "", birthDate = "", bsn = "", phone = "", email = "";
        private String street = "", houseNumber = "", postalCode = "", city = "", districtCode = "";
        private String channel = "", receivedOn = "", reporter = "", questionAsAsked = "", questionBehind = "", ownStrength = "";
        private String networkSummary = "", supportOtherLaws = "", carerLoad = "", childrensNeeds = "";
        private boolean confirmNew;
        private String formToken = "";
        public String getFormToken() { return formToken; } public void setFormToken(String v) { formToken = v; }
        public String getHouseholdId() { return householdId; } public void setHouseholdId(String v) { householdId = v; }
        public String getFirstName() { return firstName; } public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; } public void setLastName(String v) { lastName = v; }
        public String getBirthDate() { return birthDate; } public void setBirthDate(String v) { birthDate = v; }
        public String getBsn() { return bsn; } public void setBsn(String v) { bsn = v; }
        public String getPhone() { return phone; } public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; } public void setEmail(String v) { email = v; }
        public String getStreet() { return street; } public void setStreet(String v) { street = v; }
        public String getHouseNumber() { return houseNumber; } public void setHouseNumber(String v) { houseNumber = v; }
        public String getPostalCode() { return postalCode; } public void setPostalCode(String v) { postalCode = v; }
        public String getCity() { return city; } public void setCity(String v) { city = v; }
        public String getDistrictCode() { return districtCode; } public void setDistrictCode(String v) { districtCode = v; }
        public String getChannel() { return channel; } public void setChannel(String v) { channel = v; }
        public String getReceivedOn() { return receivedOn; } public void setReceivedOn(String v) { receivedOn = v; }
        public String getReporter() { return reporter; } public void setReporter(String v) { reporter = v; }
        public String getQuestionAsAsked() { return questionAsAsked; } public void setQuestionAsAsked(String v) { questionAsAsked = v; }
        public String getQuestionBehind() { return questionBehind; } public void setQuestionBehind(String v) { questionBehind = v; }
        public String getOwnStrength() { return ownStrength; } public void setOwnStrength(String v) { ownStrength = v; }
        public String getNetworkSummary() { return networkSummary; } public void setNetworkSummary(String v) { networkSummary = v; }
        public String getSupportOtherLaws() { return supportOtherLaws; } public void setSupportOtherLaws(String v) { supportOtherLaws = v; }
        public String getCarerLoad() { return carerLoad; } public void setCarerLoad(String v) { carerLoad = v; }
        public String getChildrensNeeds() { return childrensNeeds; } public void setChildrensNeeds(String v) { childrensNeeds = v; }
        public boolean isConfirmNew() { return confirmNew; } public void setConfirmNew(boolean v) { confirmNew = v; }

        NotificationDraft notification() {
            return new NotificationDraft(channel, receivedOn, reporter, questionAsAsked, questionBehind, ownStrength, networkSummary,
                    supportOtherLaws, carerLoad, childrensNeeds);
        }
    }

    @GetMapping("/mijn-werk")
    String myWork(@RequestParam(name = "mijn", required = false) String mijn, @RequestParam(name = "nieuw", required = false) String nieuw,
                  Model model, jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors errors = new FieldErrors();
        CaseKey afterMine = WorkLists.after(errors, "mijn", mijn);
        CaseKey afterNew = WorkLists.after(errors, "nieuw", nieuw);
        Map<String, String> shownErrors = new LinkedHashMap<>();
        try {
            errors.throwIfAny();
        } catch (InvalidInputException e) {
            shownErrors.putAll(e.fieldErrors());
            response.setStatus(400);
            afterMine = null;
            afterNew = null;
        }
        WorkLists.MyWork work = workLists.myWork(me, afterMine, afterNew, WorkLists.DEFAULT_SIZE);
        model.addAttribute("work", work);
        model.addAttribute("errors", shownErrors);
        model.addAttribute("refs", work.refs());
        model.addAttribute("nextMine", work.mine().next() == null ? null : myWorkLink(work.mine().next(), nieuw));
        model.addAttribute("nextNew", work.open().next() == null ? null : myWorkLink(mijn, work.open().next()));
        model.addAttribute("firstMine", mijn == null || mijn.isBlank() ? null : myWorkLink(null, nieuw));
        model.addAttribute("firstNew", nieuw == null || nieuw.isBlank() ? null : myWorkLink(mijn, null));
        model.addAttribute("team", directory.team(me.municipalityCode(), me.teamId()).map(t -> t.name()).orElse(null));
        model.addAttribute("teamId", me.teamId());
        model.addAttribute("channels", channelOptions());
        model.addAttribute("zone", TimeConfiguration.ZONE);
        java.util.Set<UUID> directed = cases.householdsDirectedBy(me.municipalityCode(), me.id());
        List<Map<String, Object>> panels = new java.util.ArrayList<>();
        for (nl.leefwereld.intake.WorkListSection section : workSections) {
            Map<String, Object> panel = new LinkedHashMap<>(section.model(me, directed));
            panel.put("fragment", section.fragment());
            panels.add(panel);
        }
        model.addAttribute("workPanels", panels);
        model.addAttribute("nav", "werk");
        return "intake/my-work";
    }

    private static String myWorkLink(String mine, String open) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/mijn-werk");
        if (mine != null && !mine.isBlank()) {
            b.queryParam("mijn", mine.strip());
        }
        if (open != null && !open.isBlank()) {
            b.queryParam("nieuw", open.strip());
        }
        return b.encode().build().toUriString();
    }

    @GetMapping("/meldingen/nieuw")
    String newForm(@RequestParam(required = false) UUID huishouden, Model model) {
        NotificationForm form = new NotificationForm();
        form.receivedOn = LocalDate.now(clock).toString();
        form.city = "";
        if (huishouden != null) {
            form.householdId = huishouden.toString();
        }
        return formPage(model, form, null, null);
    }

    private String formPage(Model model, NotificationForm form, Map<String, String> errors, List<?> duplicates) {
        CurrentUser me = CurrentUsers.get();
        String m = me.municipalityCode();
        UUID householdId = existingHousehold(form);
        if (householdId != null) {
            HouseholdRef ref = households.ref(m, householdId).orElseThrow(() -> new NotFoundException("household"));
            boolean accessible = access.canAccessHousehold(me, householdId);
            model.addAttribute("householdName", accessible ? ref.name() : "een bestaand huishouden (u heeft daar geen toegang toe)");
            if (accessible) {
                audit.read(me, "HOUSEHOLD_SUMMARY", householdId, householdId, null, "melding bij bestaand huishouden");
            }
        }
        if (form.formToken == null || form.formToken.isBlank()) {
            form.formToken = intakeService.issueFormToken(me); // an error re-render keeps the token it came with: it is still unused
        }
        Map<String, String> districts = new LinkedHashMap<>();
        directory.districts(m).forEach(d -> districts.put(d.code(), d.name()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("districtOptions", districts);
        model.addAttribute("channelOptions", channelOptions());
        model.addAttribute("nav", "melding");
        return "intake/new-notification";
    }

    @PostMapping("/meldingen")
    String register(@ModelAttribute("form") NotificationForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        UUID householdId = existingHousehold(form);
        try {
            IntakeService.FormResult result = intakeService.registerFromForm(me, form.formToken, () -> householdId != null
                    ? intakeService.registerForHousehold(me, householdId, form.notification())
                    : intakeService.registerForNewHousehold(me,
                    new PersonDraft(form.firstName, form.lastName, form.birthDate, form.bsn, form.phone, form.email),
                    new AddressDraft(form.street, form.houseNumber, form.postalCode, form.city, form.districtCode),
                    form.confirmNew, form.notification()),
                    r -> access.canAccessHousehold(me, r.householdId()) ? "/huishoudens/" + r.householdId() : "/mijn-werk");
            if (result.earlierResult() != null) {
                // The same form was sent twice (double click, back button, a retry): nothing new was saved.
                redirect.addFlashAttribute("message", "Deze melding was al opgeslagen.");
                return "redirect:" + result.earlierResult();
            }
            boolean accessible = !result.resultPath().equals("/mijn-werk");
            redirect.addFlashAttribute("message", registeredMessage(result.registered().shownTo(accessible)));
            return "redirect:" + result.resultPath();
        } catch (InvalidInputException e) {
            if (e.fieldErrors().containsKey("formulier")) {
                form.formToken = ""; // expired or foreign token: the page issues a fresh one
            }
            return formPage(model, form, e.fieldErrors(), null);
        } catch (LikelyDuplicateException e) {
            return formPage(model, form, Map.of(), e.candidates());
        }
    }

    @PostMapping("/meldingen/{id}/oppakken")
    String pickUp(@PathVariable UUID id, RedirectAttributes redirect) {
        intakeService.pickUp(CurrentUsers.get(), id);
        redirect.addFlashAttribute("message", "U heeft de melding opgepakt.");
        return "redirect:/mijn-werk";
    }

    @PostMapping("/zaken/{id}/regisseur")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String caseDirectorId,
                  @RequestParam(defaultValue = "false") boolean confirmOutsideTeam, @RequestParam(defaultValue = "") String stap,
                  Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        var c = cases.caseById(me.municipalityCode(), id).orElseThrow(() -> new NotFoundException("case"));
        boolean confirmStep = "bevestigen".equals(stap);
        if (!confirmStep && !stap.isEmpty()) {
            redirect.addFlashAttribute("error", "Kies de regisseur opnieuw en klik op Toewijzen.");
            return "redirect:/huishoudens/" + c.householdId() + "#zaak";
        }
        if (CaseloadController.OTHER_TEAM.equals(caseDirectorId)) {
            // "A director of another team...": every director of the municipality on a page of its own (a first choice)
            return reassignPage(me, c, intakeService.directorsToChooseFrom(me, id), null, null, model);
        }
        try {
            IntakeService.Assignment outcome = intakeService.assignDirector(me, id, caseDirectorId, confirmStep && confirmOutsideTeam);
            if (outcome == IntakeService.Assignment.CONFIRM_OUTSIDE_TEAM) {
                // The second step: a page that names the director's team and asks the team lead to confirm.
                CaseRepository.DirectorLoad chosen = cases.director(me.municipalityCode(), FieldErrors.idOrNull(caseDirectorId)).orElseThrow();
                return reassignPage(me, c, List.of(chosen), chosen,
                        confirmStep ? Map.of("confirmOutsideTeam", "Vink aan dat u deze regisseur van buiten het team wilt toewijzen, of ga terug.") : null,
                        model);
            }
            redirect.addFlashAttribute("message", "De regisseur is toegewezen.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.fieldErrors().values().iterator().next());
        }
        return "redirect:/huishoudens/" + c.householdId() + "#zaak";
    }

    /**
     * The assignment page of a case on its own: choosing among every director ({@code director} null), or confirming a
     * director from outside the team.
     */
    private String reassignPage(CurrentUser me, CaseRepository.CaseRow c, List<CaseRepository.DirectorLoad> directors,
                                CaseRepository.DirectorLoad director, Map<String, String> errors, Model model) {
        model.addAttribute("directors", directors);
        model.addAttribute("outside", director != null);
        model.addAttribute("choosing", director == null);
        model.addAttribute("director", director);
        model.addAttribute("action", "/zaken/" + c.id() + "/regisseur");
        model.addAttribute("caseDirectorId", director == null ? "" : director.id().toString());
        model.addAttribute("returnLink", "/huishoudens/" + c.householdId() + "#zaak");
        model.addAttribute("team", directory.team(me.municipalityCode(), c.teamId()).map(t -> t.name()).orElse("uw team"));
        model.addAttribute("errors", errors);
        model.addAttribute("nav", "werk");
        return "intake/reassign";
    }

    /** What the registering user is told; without access to the household only that it was registered and routed. */
    static String registeredMessage(RegisteredNotification shown) {
        if (!shown.detailed()) {
            return "De melding is geregistreerd en doorgezet naar het team van de wijk.";
        }
        return "De melding is vastgelegd" + (shown.newCase() ? " en doorgezet naar " : " bij de zaak van ") + shown.teamName() + "."
                + (shown.caseDirectorName() == null ? " De teamleider wijst een regisseur toe." : " Regisseur: " + shown.caseDirectorName() + ".");
    }

    /** The hidden household field: empty for a new household; anything else must be a household id. */
    private static UUID existingHousehold(NotificationForm form) {
        UUID id = FieldErrors.idOrNull(form.householdId);
        if (id == null && form.householdId != null && !form.householdId.isBlank()) {
            throw new NotFoundException("household");
        }
        return id;
    }

    static Map<String, String> channelOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            out.put(c.name(), c.label());
        }
        return out;
    }
}
