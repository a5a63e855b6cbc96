package nl.leefwereld.outcome.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The assessment form as typed: date, whom, per life domain the professional's and the resident's score and the basis, the
 *  participation ladder, calm, cleanliness, routine and a note. Generated-style accessors so form binding names every field. */
public class AssessmentForm {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** The values as typed, by field name (empty for a field not sent). */
    Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : OutcomeController.FIELDS) {
            out.put(f, values.getOrDefault(f, ""));
        }
        return out;
    }

    public String getAssessedOn() { return values.getOrDefault("assessedOn", ""); } public void setAssessedOn(String v) { values.put("assessedOn", v); }
    public String getPersonId() { return values.getOrDefault("personId", ""); } public void setPersonId(String v) { values.put("personId", v); }
    public String getParticipationStep() { return values.getOrDefault("participationStep", ""); } public void setParticipationStep(String v) { values.put("participationStep", v); }
    public String getCalm() { return values.getOrDefault("calm", ""); } public void setCalm(String v) { values.put("calm", v); }
    public String getCleanliness() { return values.getOrDefault("cleanliness", ""); } public void setCleanliness(String v) { values.put("cleanliness", v); }
    public String getRoutine() { return values.getOrDefault("routine", ""); } public void setRoutine(String v) { values.put("routine", v); }
    public String getNote() { return values.getOrDefault("note", ""); } public void setNote(String v) { values.put("note", v); }
    public String getPro_FINANCES() { return values.getOrDefault("pro_FINANCES", ""); } public void setPro_FINANCES(String v) { values.put("pro_FINANCES", v); }
    public String getRes_FINANCES() { return values.getOrDefault("res_FINANCES", ""); } public void setRes_FINANCES(String v) { values.put("res_FINANCES", v); }
    public String getBasis_FINANCES() { return values.getOrDefault("basis_FINANCES", ""); } public void setBasis_FINANCES(String v) { values.put("basis_FINANCES", v); }
    public String getPro_WORK_EDUCATION() { return values.getOrDefault("pro_WORK_EDUCATION", ""); } public void setPro_WORK_EDUCATION(String v) { values.put("pro_WORK_EDUCATION", v); }
    public String getRes_WORK_EDUCATION() { return values.getOrDefault("res_WORK_EDUCATION", ""); } public void setRes_WORK_EDUCATION(String v) { values.put("res_WORK_EDUCATION", v); }
    public String getBasis_WORK_EDUCATION() { return values.getOrDefault("basis_WORK_EDUCATION", ""); } public void setBasis_WORK_EDUCATION(String v) { values.put("basis_WORK_EDUCATION", v); }
    public String getPro_TIME_USE() { return values.getOrDefault("pro_TIME_USE", ""); } public void setPro_TIME_USE(String v) { values.put("pro_TIME_USE", v); }
    public String getRes_TIME_USE() { return values.getOrDefault("res_TIME_USE", ""); } public void setRes_TIME_USE(String v) { values.put("res_TIME_USE", v); }
    public String getBasis_TIME_USE() { return values.getOrDefault("basis_TIME_USE", ""); } public void setBasis_TIME_USE(String v) { values.put("basis_TIME_USE", v); }
    public String getPro_HOUSING() { return values.getOrDefault("pro_HOUSING", ""); } public void setPro_HOUSING(String v) { values.put("pro_HOUSING", v); }
    public String getRes_HOUSING() { return values.getOrDefault("res_HOUSING", ""); } public void setRes_HOUSING(String v) { values.put("res_HOUSING", v); }
    public String getBasis_HOUSING() { return values.getOrDefault("basis_HOUSING", ""); } public void setBasis_HOUSING(String v) { values.put("basis_HOUSING", v); }
    public String getPro_DOMESTIC_RELATIONS() { return values.getOrDefault("pro_DOMESTIC_RELATIONS", ""); } public void setPro_DOMESTIC_RELATIONS(String v) { values.put("pro_DOMESTIC_RELATIONS", v); }
    public String getRes_DOMESTIC_RELATIONS() { return values.getOrDefault("res_DOMESTIC_RELATIONS", ""); } public void setRes_DOMESTIC_RELATIONS(String v) { values.put("res_DOMESTIC_RELATIONS", v); }
    public String getBasis_DOMESTIC_RELATIONS() { return values.getOrDefault("basis_DOMESTIC_RELATIONS", ""); } public void setBasis_DOMESTIC_RELATIONS(String v) { values.put("basis_DOMESTIC_RELATIONS", v); }
    public String getPro_MENTAL_HEALTH() { return values.getOrDefault("pro_MENTAL_HEALTH", ""); } public void setPro_MENTAL_HEALTH(String v) { values.put("pro_MENTAL_HEALTH", v); }
    public String getRes_MENTAL_HEALTH() { return values.getOrDefault("res_MENTAL_HEALTH", ""); } public void setRes_MENTAL_HEALTH(String v) { values.put("res_MENTAL_HEALTH", v); }
    public String getBasis_MENTAL_HEALTH() { return values.getOrDefault("basis_MENTAL_HEALTH", ""); } public void setBasis_MENTAL_HEALTH(String v) { values.put("basis_MENTAL_HEALTH", v); }
    public String getPro_PHYSICAL_HEALTH() { return values.getOrDefault("pro_PHYSICAL_HEALTH", ""); } public void setPro_PHYSICAL_HEALTH(String v) { values.put("pro_PHYSICAL_HEALTH", v); }
    public String getRes_PHYSICAL_HEALTH() { return values.getOrDefault("res_PHYSICAL_HEALTH", ""); } public void setRes_PHYSICAL_HEALTH(String v) { values.put("res_PHYSICAL_HEALTH", v); }
    public String getBasis_PHYSICAL_HEALTH() { return values.getOrDefault("basis_PHYSICAL_HEALTH", ""); } public void setBasis_PHYSICAL_HEALTH(String v) { values.put("basis_PHYSICAL_HEALTH", v); }
    public String getPro_ADDICTION() { return values.getOrDefault("pro_ADDICTION", ""); } public void setPro_ADDICTION(String v) { values.put("pro_ADDICTION", v); }
    public String getRes_ADDICTION() { return values.getOrDefault("res_ADDICTION", ""); } public void setRes_ADDICTION(String v) { values.put("res_ADDICTION", v); }
    public String getBasis_ADDICTION() { return values.getOrDefault("basis_ADDICTION", ""); } public void setBasis_ADDICTION(String v) { values.put("basis_ADDICTION", v); }
    public String getPro_BASIC_ADL() { return values.getOrDefault("pro_BASIC_ADL", ""); } public void setPro_BASIC_ADL(String v) { values.put("pro_BASIC_ADL", v); }
    public String getRes_BASIC_ADL() { return values.getOrDefault("res_BASIC_ADL", ""); } public void setRes_BASIC_ADL(String v) { values.put("res_BASIC_ADL", v); }
    public String getBasis_BASIC_ADL() { return values.getOrDefault("basis_BASIC_ADL", ""); } public void setBasis_BASIC_ADL(String v) { values.put("basis_BASIC_ADL", v); }
    public String getPro_INSTRUMENTAL_ADL() { return values.getOrDefault("pro_INSTRUMENTAL_ADL", ""); } public void setPro_INSTRUMENTAL_ADL(String v) { values.put("pro_INSTRUMENTAL_ADL", v); }
    public String getRes_INSTRUMENTAL_ADL() { return values.getOrDefault("res_INSTRUMENTAL_ADL", ""); } public void setRes_INSTRUMENTAL_ADL(String v) { values.put("res_INSTRUMENTAL_ADL", v); }
    public String getBasis_INSTRUMENTAL_ADL() { return values.getOrDefault("basis_INSTRUMENTAL_ADL", ""); } public void setBasis_INSTRUMENTAL_ADL(String v) { values.put("basis_INSTRUMENTAL_ADL", v); }
    public String getPro_SOCIAL_NETWORK() { return values.getOrDefault("pro_SOCIAL_NETWORK", ""); } public void setPro_SOCIAL_NETWORK(String v) { values.put("pro_SOCIAL_NETWORK", v); }
    public String getRes_SOCIAL_NETWORK() { return values.getOrDefault("res_SOCIAL_NETWORK", ""); } public void setRes_SOCIAL_NETWORK(String v) { values.put("res_SOCIAL_NETWORK", v); }
    public String getBasis_SOCIAL_NETWORK() { return values.getOrDefault("basis_SOCIAL_NETWORK", ""); } public void setBasis_SOCIAL_NETWORK(String v) { values.put("basis_SOCIAL_NETWORK", v); }
    public String getPro_SOCIAL_PARTICIPATION() { return values.getOrDefault("pro_SOCIAL_PARTICIPATION", ""); } public void setPro_SOCIAL_PARTICIPATION(String v) { values.put("pro_SOCIAL_PARTICIPATION", v); }
    public String getRes_SOCIAL_PARTICIPATION() { return values.getOrDefault("res_SOCIAL_PARTICIPATION", ""); } public void setRes_SOCIAL_PARTICIPATION(String v) { values.put("res_SOCIAL_PARTICIPATION", v); }
    public String getBasis_SOCIAL_PARTICIPATION() { return values.getOrDefault("basis_SOCIAL_PARTICIPATION", ""); } public void setBasis_SOCIAL_PARTICIPATION(String v) { values.put("basis_SOCIAL_PARTICIPATION", v); }
    public String getPro_JUSTICE() { return values.getOrDefault("pro_JUSTICE", ""); } public void setPro_JUSTICE(String v) { values.put("pro_JUSTICE", v); }
    public String getRes_JUSTICE() { return values.getOrDefault("res_JUSTICE", ""); } public void setRes_JUSTICE(String v) { values.put("res_JUSTICE", v); }
    public String getBasis_JUSTICE() { return values.getOrDefault("basis_JUSTICE", ""); } public void setBasis_JUSTICE(String v) { values.put("basis_JUSTICE", v); }
}
