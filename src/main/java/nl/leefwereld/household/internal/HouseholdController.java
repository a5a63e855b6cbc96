package nl.leefwereld.household.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.household.NetworkDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.household.PersonSearch;
import nl.leefwereld.household.Relation;
import nl.leefwereld.household.SearchRateLimitedException;
import jakarta.servlet.http.HttpServletResponse;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.Consent;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HouseholdController {

    private final Households households;
    private final Consents consents;
    private final List<HouseholdPageSection> sections;
    private final Clock clock;
    private final AccessPolicy access;
    private final nl.leefwereld.household.PersonChanges changes;

    HouseholdController(Households households, Consents consents, List<HouseholdPageSection> sections, Clock clock, AccessPolicy access,
                        nl.leefwereld.household.PersonChanges changes) {
        this.changes = changes;
        this.access = access;
        this.households = households;
        this.consents = consents;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(HouseholdPageSection::order)).toList();
        this.clock = clock;
    }

    /** Form for a network member; all strings so nothing typed is lost. */
    public static class NetworkForm {
        private String kind = "INFORMAL", name = "", relation = "", organisation = "", function = "", role = "", phone = "", email = "", carerLoadNote = "";
        private boolean informalCarer;
        public String getKind() { return kind; } public void setKind(String v) { kind = v; }
        public String getName() { return name; } public void setName(String v) { name = v; }
        public String getRelation() { return relation; } public void setRelation(String v) { relation = v; }
        public String getOrganisation() { return organisation; } public void setOrganisation(String v) { organisation = v; }
        public String getFunction() { return function; } public void setFunction(String v) { function = v; }
        public String getRole() { return role; } public void setRole(String v) { role = v; }
        public String getPhone() { return phone; } public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; } public void setEmail(String v) { email = v; }
        public String getCarerLoadNote() { return carerLoadNote; } public void setCarerLoadNote(String v) { carerLoadNote = v; }
        public boolean isInformalCarer() { return informalCarer; } public void setInformalCarer(boolean v) { informalCarer = v; }
        NetworkDraft toDraft() {
            return new NetworkDraft(kind, name, relation, organisation, function, role, phone, email, informalCarer, carerLoadNote);
        }
    }

    public static class MemberForm {
        private String firstName = "", lastName = "", birthDate = "", bsn = "", memberRelation = "";
        private boolean confirmNew;
        public String getFirstName() { return firstName; } public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; } public void setLastName(String v) { lastName = v; }
        public String getBirthDate() { return birthDate; } public void setBirthDate(String v) { birthDate = v; }
        public String getBsn() { return bsn; } public void setBsn(String v) { bsn = v; }
        /** Named apart from the network form's "relation" so the two forms on one page keep unique field ids. */
        public String getMemberRelation() { return memberRelation; } public void setMemberRelation(String v) { memberRelation = v; }
        public boolean isConfirmNew() { return confirmNew; } public void setConfirmNew(boolean v) { confirmNew = v; }
    }

    public static class ConsentForm {
        private String personId = "", purpose = "", recipient = "", scope = "", givenOn = "", validUntil = "";
        public String getPersonId() { return personId; } public void setPersonId(String v) { personId = v; }
        public String getPurpose() { return purpose; } public void setPurpose(String v) { purpose = v; }
        public String getRecipient() { return recipient; } public void setRecipient(String v) { recipient = v; }
        public String getScope() { return scope; } public void setScope(String v) { scope = v; }
        public String getGivenOn() { return givenOn; } public void setGivenOn(String v) { givenOn = v; }
        public String getValidUntil() { return validUntil; } public void setValidUntil(String v) { validUntil = v; }
    }

    /** With ?intrekken=consentId the page opens the withdrawal's confirmation step for that consent (nothing is changed by a GET). */
    @GetMapping("/huishoudens/{id}")
    String household(@PathVariable UUID id, @RequestParam(name = "intrekken", required = false) String withdraw, Model model) {
        UUID consentId = FieldErrors.idOrNull(withdraw);
        if (consentId != null) {
            CurrentUser me = CurrentUsers.get();
            access.requireHouseholdAccess(me, id);
            var consent = consents.find(me, id, consentId).filter(c -> c.withdrawnOn() == null);
            if (consent.isPresent()) {
                WithdrawForm form = new WithdrawForm();
                form.withdrawnOn = LocalDate.now(clock).toString();
                return withdrawPage(id, model, consent.get(), form, null);
            }
        }
        return page(id, model, new NetworkForm(), new MemberForm(), defaultConsentForm(), null, null);
    }

    private ConsentForm defaultConsentForm() {
        ConsentForm f = new ConsentForm();
        f.givenOn = LocalDate.now(clock).toString();
        return f;
    }

    private String page(UUID id, Model model, NetworkForm networkForm, MemberForm memberForm, ConsentForm consentForm,
                        String formWithErrors, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        Household h = households.view(me, id);
        model.addAttribute("household", h);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("networkForm", networkForm);
        model.addAttribute("memberForm", memberForm);
        model.addAttribute("consentForm", consentForm);
        model.addAttribute("errorForm", formWithErrors);
        model.addAttribute("errors", errors);
        List<UUID> personIds = h.members().stream().map(m -> m.person().id()).toList();
        model.addAttribute("consents", consents.of(me.municipalityCode(), personIds));
        model.addAttribute("history", changes.historyOfViewed(me, h));
        Map<UUID, String> names = new LinkedHashMap<>();
        h.members().forEach(m -> names.put(m.person().id(), m.person().fullName()));
        model.addAttribute("memberNames", names);
        Map<String, String> memberOptions = new LinkedHashMap<>();
        h.members().forEach(m -> memberOptions.put(m.person().id().toString(), m.person().fullName()));
        model.addAttribute("memberOptions", memberOptions);
        Map<String, String> purposes = new LinkedHashMap<>();
        for (ConsentPurpose p : ConsentPurpose.values()) {
            purposes.put(p.name(), p.label());
        }
        model.addAttribute("purposeOptions", purposes);
        Map<String, String> relations = new LinkedHashMap<>();
        for (Relation r : Relation.values()) {
            relations.put(r.name(), r.label());
        }
        model.addAttribute("relationOptions", relations);
        List<Map<String, Object>> panels = new ArrayList<>();
        for (HouseholdPageSection s : sections) {
            Map<String, Object> panel = new LinkedHashMap<>(s.model(me, h));
            panel.put("fragment", s.fragment());
            panels.add(panel);
        }
        model.addAttribute("panels", panels);
        return "household/household";
    }

    @PostMapping("/huishoudens/{id}/netwerk")
    String addNetwork(@PathVariable UUID id, @ModelAttribute NetworkForm form, Model model, RedirectAttributes redirect) {
        try {
            households.addNetworkMember(CurrentUsers.get(), id, form.toDraft());
            redirect.addFlashAttribute("message", form.getName().strip() + " staat nu in het netwerk.");
            return "redirect:/huishoudens/" + id + "#netwerk";
        } catch (InvalidInputException e) {
            return page(id, model, form, new MemberForm(), defaultConsentForm(), "network", e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/leden")
    String addMember(@PathVariable UUID id, @ModelAttribute MemberForm form, Model model, RedirectAttributes redirect) {
        try {
            households.addMember(CurrentUsers.get(), id, new PersonDraft(form.firstName, form.lastName, form.birthDate, form.bsn,
                    null, null), form.memberRelation, form.confirmNew);
            redirect.addFlashAttribute("message", "Het gezinslid is toegevoegd.");
            return "redirect:/huishoudens/" + id + "#leden";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.containsKey("relation")) {
                errors.put("memberRelation", errors.remove("relation"));
            }
            return page(id, model, new NetworkForm(), form, defaultConsentForm(), "member", errors);
        } catch (LikelyDuplicateException e) {
            model.addAttribute("duplicates", e.candidates());
            return page(id, model, new NetworkForm(), form, defaultConsentForm(), "member", Map.of());
        }
    }

    @PostMapping("/huishoudens/{id}/toestemmingen")
    String giveConsent(@PathVariable UUID id, @ModelAttribute ConsentForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        access.requireHouseholdAccess(me, id);   // before anything is written; no data is read here
        try {
            UUID personId = FieldErrors.idOrNull(form.personId);
            consents.give(me, id, personId, form.purpose, form.recipient, form.scope, form.givenOn, form.validUntil);
            redirect.addFlashAttribute("message", "De toestemming is vastgelegd.");
            return "redirect:/huishoudens/" + id + "#toestemming";
        } catch (InvalidInputException e) {
            return page(id, model, new NetworkForm(), new MemberForm(), form, "consent", e.fieldErrors());
        }
    }

    /** The withdrawal's confirmation form: date (empty = today) and the required reason. */
    public static class WithdrawForm {
        private String withdrawnOn = "", reason = "";
        public String getWithdrawnOn() { return withdrawnOn; } public void setWithdrawnOn(String v) { withdrawnOn = v; }
        public String getReason() { return reason; } public void setReason(String v) { reason = v; }
    }

    /**
     * The second step of a withdrawal: "Intrekken…" in the table opens the confirmation (GET ?intrekken=id) with the
     * consequence and the reason field; this post, with a reason, withdraws. Errors come back at the fields.
     */
    @PostMapping("/huishoudens/{id}/toestemmingen/{consentId}/intrekken")
    String withdrawConsent(@PathVariable UUID id, @PathVariable UUID consentId, @ModelAttribute WithdrawForm form,
                           Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        access.requireHouseholdAccess(me, id);
        Consent consent = consents.find(me, id, consentId).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("consent"));
        try {
            consents.withdraw(me, id, consentId, form.withdrawnOn, form.reason);
            redirect.addFlashAttribute("message", "De toestemming is ingetrokken.");
            return "redirect:/huishoudens/" + id + "#toestemming";
        } catch (InvalidInputException e) {
            return withdrawPage(id, model, consent, form, e.fieldErrors());
        }
    }

    private String withdrawPage(UUID id, Model model, Consent consent, WithdrawForm form, Map<String, String> errors) {
        model.addAttribute("withdrawing", consent);
        model.addAttribute("withdrawForm", form);
        return page(id, model, new NetworkForm(), new MemberForm(), defaultConsentForm(), "withdraw", errors);
    }

    /** The empty search form. A query in the URL is ignored and never echoed: searches are posted. */
    @GetMapping("/personen/zoeken")
    String searchForm(Model model) {
        model.addAttribute("nav", "zoeken");
        model.addAttribute("q", "");
        return "household/search";
    }

    /** POST so a BSN or name never lands in a URL, the browser history or an access log. */
    @PostMapping("/personen/zoeken")
    String search(@RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response) {
        model.addAttribute("nav", "zoeken");
        model.addAttribute("q", q);
        try {
            PersonSearch found = households.searchPage(CurrentUsers.get(), q);
            model.addAttribute("results", found.matches());
            model.addAttribute("more", found.more());
            model.addAttribute("pageSize", found.pageSize());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (SearchRateLimitedException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("errors", Map.of("q", e.message()));
        }
        return "household/search";
    }
}
