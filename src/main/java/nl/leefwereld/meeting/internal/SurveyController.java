package nl.leefwereld.meeting.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participants' survey (public, no account) and its report. The survey page shows nothing about the household or the
 * meeting; an unknown, used or expired link gets the same neutral page (and the same status) as any guess.
 */
@Controller
class SurveyController {

    private final SurveyService surveys;
    private final Directory directory;

    SurveyController(SurveyService surveys, Directory directory) {
        this.surveys = surveys;
        this.directory = directory;
    }

    @GetMapping("/enquete/{token}")
    String survey(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!surveys.usable(token)) {
            return neutral(response);
        }
        return form(model, token, Map.of(), "", null);
    }

    private String form(Model model, String token, Map<String, String> scores, String openAnswer, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("questions", SurveyService.QUESTIONS);
        model.addAttribute("scale", new java.util.TreeMap<>(SurveyService.SCALE));
        model.addAttribute("scores", scores);
        model.addAttribute("openAnswer", openAnswer);
        model.addAttribute("errors", errors);
        return "meeting/survey";
    }

    /** One answer for an unknown, used or expired link, and for any guess: the same page, the same 404. */
    private static String neutral(HttpServletResponse response) {
        response.setStatus(404);
        response.setHeader("Cache-Control", "no-store");
        return "meeting/survey-closed";
    }

    /** The answers as posted: a value 1–5 per question, and the open answer. */
    public static class SurveyForm {
        private String preparedWell = "", heard = "", decidedTogether = "", clearAgreements = "", confidence = "", openAnswer = "";
        public String getPreparedWell() { return preparedWell; } public void setPreparedWell(String v) { preparedWell = v; }
        public String getHeard() { return heard; } public void setHeard(String v) { heard = v; }
        public String getDecidedTogether() { return decidedTogether; } public void setDecidedTogether(String v) { decidedTogether = v; }
        public String getClearAgreements() { return clearAgreements; } public void setClearAgreements(String v) { clearAgreements = v; }
        public String getConfidence() { return confidence; } public void setConfidence(String v) { confidence = v; }
        public String getOpenAnswer() { return openAnswer; } public void setOpenAnswer(String v) { openAnswer = v; }
    }

    @PostMapping("/enquete/{token}")
    String answer(@PathVariable String token, @ModelAttribute("surveyForm") SurveyForm form, Model model, HttpServletResponse response) {
        Map<String, String> scores = new LinkedHashMap<>();
        scores.put("preparedWell", form.preparedWell);
        scores.put("heard", form.heard);
        scores.put("decidedTogether", form.decidedTogether);
        scores.put("clearAgreements", form.clearAgreements);
        scores.put("confidence", form.confidence);
        String open = form.openAnswer;
        try {
            if (!surveys.answer(token, new SurveyService.Answers(scores, open))) {
                return neutral(response);
            }
        } catch (InvalidInputException e) {
            return form(model, token, scores, open, e.fieldErrors());
        }
        return "redirect:/enquete/bedankt";
    }

    @GetMapping("/enquete/bedankt")
    String thanks() {
        return "meeting/survey-thanks";
    }

    @GetMapping("/rapportage/planbijeenkomsten")
    String report(@RequestParam(defaultValue = "") String facilitator, @RequestParam(defaultValue = "") String team,
                  @RequestParam(defaultValue = "") String van, @RequestParam(defaultValue = "") String tot, Model model) {
        CurrentUser me = CurrentUsers.get();
        String m = me.municipalityCode();
        model.addAttribute("facilitator", facilitator);
        model.addAttribute("team", team);
        model.addAttribute("van", van);
        model.addAttribute("tot", tot);
        Map<String, String> teams = new LinkedHashMap<>();
        Map<String, String> facilitators = new LinkedHashMap<>();
        for (var t : directory.districts(m).stream().map(d -> directory.teamServing(m, d.code())).flatMap(java.util.Optional::stream)
                .distinct().toList()) {
            teams.put(t.id().toString(), t.name());
            directory.members(m, t.id(), Role.MEETING_FACILITATOR).forEach(u -> facilitators.put(u.id().toString(), u.displayName()));
        }
        model.addAttribute("teamOptions", teams);
        model.addAttribute("facilitatorOptions", facilitators);
        model.addAttribute("minRespondents", SurveyService.MIN_RESPONDENTS);
        model.addAttribute("questions", SurveyService.QUESTIONS);
        model.addAttribute("scale", new java.util.TreeMap<>(SurveyService.SCALE));
        model.addAttribute("nav", "rapportage");
        try {
            model.addAttribute("report", surveys.report(me, surveys.filter(facilitator, team, van, tot)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        }
        return "meeting/report";
    }
}
