package nl.leefwereld.meeting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import nl.leefwereld.meeting.AgreementInput;
import nl.leefwereld.meeting.InventoryQuestion;
import nl.leefwereld.meeting.InvitedBy;
import nl.leefwereld.meeting.MeetingRecordDraft;
import nl.leefwereld.meeting.ParticipantDraft;
import nl.leefwereld.meeting.ParticipantKind;
import nl.leefwereld.meeting.RecordedMeeting;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ConsentMissingException;
import nl.leefwereld.privacy.PdfDocuments;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MeetingController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    static final int AGREEMENT_ROWS = 5;
    static final int AGREEMENT_ROWS_MAX = 30;

    private final MeetingService service;
    private final MeetingView view;
    private final Households households;
    private final AuditLog audit;
    private final PdfDocuments pdf;
    private final Clock clock;
    private final nl.leefwereld.identity.Directory directory;

    MeetingController(MeetingService service, MeetingView view, Households households, AuditLog audit, PdfDocuments pdf, Clock clock,
                      nl.leefwereld.identity.Directory directory) {
        this.directory = directory;
        this.service = service;
        this.view = view;
        this.households = households;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock;
    }

    public static class ParticipantForm {
        private String question = "", namedBy = "", kind = "", name = "", relation = "", organisation = "", email = "";
        private String networkMemberId = "", personId = "", userId = "";
        public String getQuestion() { return question; } public void setQuestion(String v) { question = v; }
        public String getNamedBy() { return namedBy; } public void setNamedBy(String v) { namedBy = v; }
        public String getKind() { return kind; } public void setKind(String v) { kind = v; }
        public String getName() { return name; } public void setName(String v) { name = v; }
        public String getRelation() { return relation; } public void setRelation(String v) { relation = v; }
        public String getOrganisation() { return organisation; } public void setOrganisation(String v) { organisation = v; }
        public String getEmail() { return email; } public void setEmail(String v) { email = v; }
        public String getNetworkMemberId() { return networkMemberId; } public void setNetworkMemberId(String v) { networkMemberId = v; }
        public String getPersonId() { return personId; } public void setPersonId(String v) { personId = v; }
        public String getUserId() { return userId; } public void setUserId(String v) { userId = v; }
        ParticipantDraft draft() {
            return new ParticipantDraft(question, namedBy, kind, name, relation, organisation, email, networkMemberId, personId, userId);
        }
    }

    /**
     * The meeting record's fixed fields. The fields per participant (attended, views[id], concerns[id]) and per agreement
     * row (agreements[i].whoKind …) are read from the request by name, as the page numbers them.
     */
    public static class RecordForm {
        private String heldOn = "", place = "", lowerBound = "", lowerBoundSetBy = "", fallback = "", resultForResident = "";
        private String avoidedCostsNote = "", avoidedCostsAmount = "";
        private boolean followUpNeeded;
        private List<String> attended = new ArrayList<>();
        private Map<String, String> views = new LinkedHashMap<>();
        private Map<String, String> concerns = new LinkedHashMap<>();
        private List<AgreementRowForm> agreements = new ArrayList<>();
        public String getHeldOn() { return heldOn; } public void setHeldOn(String v) { heldOn = v; }
        public String getPlace() { return place; } public void setPlace(String v) { place = v; }
        public String getLowerBound() { return lowerBound; } public void setLowerBound(String v) { lowerBound = v; }
        public String getLowerBoundSetBy() { return lowerBoundSetBy; } public void setLowerBoundSetBy(String v) { lowerBoundSetBy = v; }
        public String getFallback() { return fallback; } public void setFallback(String v) { fallback = v; }
        public String getResultForResident() { return resultForResident; } public void setResultForResident(String v) { resultForResident = v; }
        public String getAvoidedCostsNote() { return avoidedCostsNote; } public void setAvoidedCostsNote(String v) { avoidedCostsNote = v; }
        public String getAvoidedCostsAmount() { return avoidedCostsAmount; } public void setAvoidedCostsAmount(String v) { avoidedCostsAmount = v; }
        public boolean isFollowUpNeeded() { return followUpNeeded; } public void setFollowUpNeeded(boolean v) { followUpNeeded = v; }
        // read-only for the page (no setters: the binder never fills these; readRows does)
        public List<String> getAttendedIds() { return attended; }
        public Map<String, String> getViewTexts() { return views; }
        public Map<String, String> getConcernTexts() { return concerns; }
        public List<AgreementRowForm> getAgreementRows() { return agreements; }

        /** The numbered fields, as posted. */
        void readRows(HttpServletRequest request) {
            String[] a = request.getParameterValues("attended");
            attended = a == null ? new ArrayList<>() : new ArrayList<>(List.of(a));
            request.getParameterMap().forEach((name, values) -> {
                String value = values.length == 0 ? "" : values[0];
                if (name.startsWith("views[") && name.endsWith("]")) {
                    views.put(name.substring(6, name.length() - 1), value);
                } else if (name.startsWith("concerns[") && name.endsWith("]")) {
                    concerns.put(name.substring(9, name.length() - 1), value);
                }
            });
            for (int i = 0; i < AGREEMENT_ROWS_MAX; i++) {
                String p = "agreements[" + i + "].";
                String kind = request.getParameter(p + "whoKind"), who = request.getParameter(p + "who"), what = request.getParameter(p + "what");
                String due = request.getParameter(p + "due"), check = request.getParameter(p + "checkDate");
                if (kind == null && who == null && what == null && due == null && check == null) {
                    if (i >= AGREEMENT_ROWS) {
                        break;
                    }
                    agreements.add(new AgreementRowForm());
                    continue;
                }
                AgreementRowForm row = new AgreementRowForm();
                row.whoKind = kind == null ? "" : kind;
                row.who = who == null ? "" : who;
                row.what = what == null ? "" : what;
                row.due = due == null ? "" : due;
                row.checkDate = check == null ? "" : check;
                agreements.add(row);
            }
        }

        MeetingRecordDraft draft() {
            return new MeetingRecordDraft(heldOn, place, new LinkedHashSet<>(attended), views, concerns, lowerBound, lowerBoundSetBy,
                    agreements.stream().map(a -> new AgreementInput(a.whoKind, a.who, a.what, a.due, a.checkDate)).toList(),
                    fallback, resultForResident, avoidedCostsNote, avoidedCostsAmount, followUpNeeded);
        }
    }

    public static class PrepareForm {
        private String prepared, preparedOn = "", brings = "";
        public String getPrepared() { return prepared; } public void setPrepared(String v) { prepared = v; }
        public String getPreparedOn() { return preparedOn; } public void setPreparedOn(String v) { preparedOn = v; }
        public String getBrings() { return brings; } public void setBrings(String v) { brings = v; }
    }

    /** A row of the agreements table on the page (not a request object: read by {@link RecordForm#readRows}). */
    static class AgreementRowForm {
        private String whoKind = "", who = "", what = "", due = "", checkDate = "";
        public String getWhoKind() { return whoKind; } public void setWhoKind(String v) { whoKind = v; }
        public String getWho() { return who; } public void setWho(String v) { who = v; }
        public String getWhat() { return what; } public void setWhat(String v) { what = v; }
        public String getDue() { return due; } public void setDue(String v) { due = v; }
        public String getCheckDate() { return checkDate; } public void setCheckDate(String v) { checkDate = v; }
    }

    @PostMapping("/huishoudens/{id}/bijeenkomsten")
    String start(@PathVariable UUID id, @RequestParam(defaultValue = "") String residentPersonId,
                 @RequestParam(defaultValue = "") String facilitatorId, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.get();
        try {
            UUID meetingId = service.start(me, id, residentPersonId, facilitatorId);
            redirect.addFlashAttribute("message", "De planbijeenkomst is aangemaakt. Begin met de inventarisatie.");
            return me.has(Role.MEETING_FACILITATOR) ? "redirect:/bijeenkomsten/" + meetingId : "redirect:/huishoudens/" + id + "#bijeenkomsten";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.fieldErrors().values().iterator().next());
            return "redirect:/huishoudens/" + id + "#bijeenkomsten";
        }
    }

    @GetMapping("/bijeenkomsten/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        return page(id, model, new ParticipantForm(), null, null, null, null);
    }

    private String page(UUID id, Model model, ParticipantForm participantForm, RecordForm recordForm, String errorForm, UUID errorParticipant,
                        Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        MeetingRepository.MeetingRow row = service.requireMeeting(me, id);
        MeetingView.Full full = view.one(me, row, "planbijeenkomst");
        Household h = households.view(me, row.householdId());
        model.addAttribute("household", h);
        model.addAttribute("full", full);
        model.addAttribute("meeting", row);
        model.addAttribute("centralQuestion", MeetingService.CENTRAL_QUESTION);
        model.addAttribute("canEdit", me.has(Role.MEETING_FACILITATOR) && !row.held());
        model.addAttribute("participantForm", participantForm);
        if (recordForm == null) {
            recordForm = new RecordForm();
            recordForm.heldOn = LocalDate.now(clock).toString();
        }
        while (recordForm.agreements.size() < AGREEMENT_ROWS) {
            recordForm.agreements.add(new AgreementRowForm());
        }
        model.addAttribute("recordForm", recordForm);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("errorParticipant", errorParticipant);
        model.addAttribute("errors", errors);
        if (errors != null && errors.containsKey("formulier")) {
            model.addAttribute("error", errors.get("formulier"));
        }
        model.addAttribute("today", LocalDate.now(clock).toString());
        model.addAttribute("questionOptions", MeetingView.labels(InventoryQuestion.class));
        Map<String, String> kinds = MeetingView.labels(ParticipantKind.class);
        kinds.remove(ParticipantKind.RESIDENT.name());
        model.addAttribute("kindOptions", kinds);
        model.addAttribute("invitedByOptions", MeetingView.labels(InvitedBy.class));
        model.addAttribute("whoKindOptions", whoKinds());
        Map<String, String> namedBy = new LinkedHashMap<>();
        full.participants().forEach(p -> namedBy.put(p.id().toString(), p.name()));
        model.addAttribute("namedByOptions", namedBy);
        Map<String, String> network = new LinkedHashMap<>();
        h.network().forEach(n -> network.put(n.id().toString(), n.name() + (n.organisation() != null ? " (" + n.organisation() + ")" : "")));
        model.addAttribute("networkOptions", network);
        Map<String, String> members = new LinkedHashMap<>();
        h.members().forEach(m -> members.put(m.person().id().toString(), m.person().fullName()));
        model.addAttribute("memberOptions", members);
        Map<String, String> colleagues = new LinkedHashMap<>();
        directory.caseDirectors(me.municipalityCode()).forEach(u -> colleagues.put(u.id().toString(), u.displayName()));
        if (me.teamId() != null) {
            directory.members(me.municipalityCode(), me.teamId(), Role.TEAM_LEAD).forEach(u -> colleagues.put(u.id().toString(), u.displayName()));
        }
        model.addAttribute("colleagueOptions", colleagues);
        Map<String, String> kindLabels = MeetingView.labels(ParticipantKind.class);
        model.addAttribute("kindLabels", kindLabels);
        Map<String, String> questionLabels = MeetingView.labels(InventoryQuestion.class);
        questionLabels.put("RESIDENT", "De inwoner zelf");
        model.addAttribute("questionLabels", questionLabels);
        model.addAttribute("invitedByLabels", MeetingView.labels(InvitedBy.class));
        Map<String, String> emails = new LinkedHashMap<>();
        full.participants().forEach(p -> emails.put(p.id().toString(), emailText(h, row, p)));
        model.addAttribute("emailTexts", emails);
        model.addAttribute("avoidedCosts", MeetingService.formatEuros(row.avoidedCostsCents()));
        model.addAttribute("heldOn", row.heldOn() == null ? null : row.heldOn().format(DAY));
        model.addAttribute("nav", "");
        return "meeting/meeting";
    }

    static Map<String, String> whoKinds() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : List.of("HOUSEHOLD_MEMBER", "NETWORK_MEMBER", "PROFESSIONAL", "ORGANISATION")) {
            out.put(k, MeetingService.WHO_KINDS.get(k));
        }
        return out;
    }

    /** The e-mail a participant gets: the central question and why they are asked; no details of the household's situation. */
    static String emailText(Household h, MeetingRepository.MeetingRow meeting, MeetingRepository.ParticipantRow p) {
        String resident = h.members().stream().filter(m -> m.person().id().equals(meeting.residentPersonId())).findFirst()
                .map(m -> m.person().fullName()).orElse("de inwoner");
        return "Onderwerp: Uitnodiging planbijeenkomst\n\nBeste " + p.name() + ",\n\n"
                + resident + " nodigt u uit voor een planbijeenkomst. Samen zoeken we een antwoord op de vraag: \""
                + MeetingService.CENTRAL_QUESTION + "\"\n\nU bent belangrijk voor de situatie. Daarom vragen we u mee te denken. "
                + "Vooraf bespreekt de procesbegeleider, " + meeting.facilitatorName() + ", met u wat u wilt inbrengen.\n\n"
                + "De datum en plaats spreken we samen met u af.\n\nMet vriendelijke groet,\n" + meeting.facilitatorName()
                + ", procesbegeleider, namens " + resident;
    }

    @PostMapping("/bijeenkomsten/{id}/deelnemers")
    String addParticipant(@PathVariable UUID id, @ModelAttribute ParticipantForm form, Model model, RedirectAttributes redirect) {
        try {
            service.addParticipant(CurrentUsers.get(), id, form.draft());
            redirect.addFlashAttribute("message", "De deelnemer is toegevoegd. Vraag ook: wie zou er nog meer mee moeten denken?");
            return "redirect:/bijeenkomsten/" + id + "#deelnemers";
        } catch (InvalidInputException e) {
            return page(id, model, form, null, "participant", null, e.fieldErrors());
        }
    }

    @PostMapping("/bijeenkomsten/{id}/deelnemers/{participantId}/uitnodigen")
    String invite(@PathVariable UUID id, @PathVariable UUID participantId, @RequestParam(defaultValue = "") String invitedBy, Model model,
                  RedirectAttributes redirect) {
        try {
            service.invite(CurrentUsers.get(), id, participantId, invitedBy);
            redirect.addFlashAttribute("message", "De uitnodiging is vastgelegd.");
            return "redirect:/bijeenkomsten/" + id + "#deelnemer-" + participantId;
        } catch (InvalidInputException e) {
            return page(id, model, new ParticipantForm(), null, "invite", participantId, e.fieldErrors());
        } catch (ConsentMissingException e) {
            return page(id, model, new ParticipantForm(), null, "invite", participantId, Map.of("invitedBy",
                    "Uitnodigen kan nog niet: de inwoner heeft geen toestemming gegeven om gegevens te delen met " + e.recipient()
                            + " voor een planbijeenkomst. Leg eerst de toestemming vast."));
        }
    }

    @PostMapping("/bijeenkomsten/{id}/deelnemers/{participantId}/voorbereiding")
    String prepare(@PathVariable UUID id, @PathVariable UUID participantId, @ModelAttribute PrepareForm form, Model model,
                   RedirectAttributes redirect) {
        model.addAttribute("prepareForm", form);
        try {
            // the form sends "false" (hidden) and, when ticked, "true": bound together as "false,true"
            List<String> values = form.prepared == null ? List.of() : List.of(form.prepared.split(",", -1));
            if (values.isEmpty() || values.stream().anyMatch(v -> !v.strip().equals("true") && !v.strip().equals("false"))) {
                throw InvalidInputException.of("prepared", "Vink aan of het gesprek is geweest.");
            }
            String prepared = values.stream().anyMatch(v -> v.strip().equals("true")) ? "true" : "false";
            service.recordPreparation(CurrentUsers.get(), id, participantId, prepared.equals("true"), form.preparedOn, form.brings);
            redirect.addFlashAttribute("message", "De voorbereiding is vastgelegd.");
            return "redirect:/bijeenkomsten/" + id + "#deelnemer-" + participantId;
        } catch (InvalidInputException e) {
            return page(id, model, new ParticipantForm(), null, "prepare", participantId, e.fieldErrors());
        }
    }

    @PostMapping("/bijeenkomsten/{id}/verslag")
    String record(@PathVariable UUID id, @ModelAttribute RecordForm form, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        form.readRows(request);
        try {
            RecordedMeeting r = service.recordMeeting(CurrentUsers.get(), id, form.draft());
            redirect.addFlashAttribute("message", "De planbijeenkomst is vastgelegd. De afspraken staan in versie " + r.planVersion()
                    + " van het huishoudplan.");
            redirect.addFlashAttribute("surveyLinks", r.surveyLinks());
            return "redirect:/bijeenkomsten/" + id + "#enquete";
        } catch (InvalidInputException e) {
            return page(id, model, new ParticipantForm(), form, "record", null, e.fieldErrors());
        }
    }

    /** The invitation letter as a PDF, from the letter template, for the participant to receive by post or by hand. */
    @GetMapping("/bijeenkomsten/{id}/deelnemers/{participantId}/uitnodiging.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id, @PathVariable UUID participantId) {
        CurrentUser me = CurrentUsers.get();
        MeetingRepository.MeetingRow row = service.requireMeeting(me, id);
        MeetingView.Full full = view.one(me, row, "uitnodigingsbrief");
        MeetingRepository.ParticipantRow p = full.participants().stream().filter(x -> x.id().equals(participantId)).findFirst()
                .orElseThrow(() -> new NotFoundException("participant"));
        Household h = households.view(me, row.householdId());
        audit.read(me, "MEETING_INVITATION", participantId, row.householdId(), p.personId(), "uitnodigingsbrief");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("participant", p);
        vars.put("resident", h.members().stream().filter(m -> m.person().id().equals(row.residentPersonId())).findFirst()
                .map(m -> m.person().fullName()).orElse(""));
        vars.put("facilitator", row.facilitatorName());
        vars.put("today", LocalDate.now(clock).format(DAY));
        vars.put("centralQuestion", MeetingService.CENTRAL_QUESTION);
        vars.put("onBehalf", InvitedBy.ON_BEHALF.name().equals(p.invitedBy()));
        byte[] body = pdf.render("meeting/invitation-pdf", vars);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("uitnodiging-planbijeenkomst.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
