package nl.leefwereld.outcome.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Life-domain assessments and their scores. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Score(String domain, Integer professionalLevel, Integer residentLevel, String basis) {
    }

    record Assessment(UUID id, UUID householdId, UUID personId, LocalDate assessedOn, String assessedByName, Integer participationStep,
                      Integer calm, Integer cleanliness, Integer routine, String note, List<Score> scores) {
    }

    private record Row(UUID id, UUID householdId, UUID personId, LocalDate assessedOn, String assessedByName, Integer participationStep,
                       Integer calm, Integer cleanliness, Integer routine, String note) {
    }

    private record ScoreRow(UUID assessmentId, String domain, Integer professionalLevel, Integer residentLevel, String basis) {
    }

    void insert(String m, Assessment a, UUID assessedBy) {
        jdbc.sql("""
                        INSERT INTO assessment (municipality_code, id, household_id, person_id, assessed_on, assessed_by, assessed_by_name,
                                                participation_step, calm, cleanliness, routine, note)
                        VALUES (:m, :id, :h, :p, :on, :by, :byName, :step, :calm, :clean, :routine, :note)""")
                .param("m", m).param("id", a.id()).param("h", a.householdId()).param("p", a.personId()).param("on", a.assessedOn())
                .param("by", assessedBy).param("byName", a.assessedByName()).param("step", a.participationStep()).param("calm", a.calm())
                .param("clean", a.cleanliness()).param("routine", a.routine()).param("note", a.note()).update();
        for (Score s : a.scores()) {
            jdbc.sql("""
                            INSERT INTO assessment_score (municipality_code, assessment_id, domain, professional_level, resident_level, basis)
                            VALUES (:m, :a, :d, :pro, :res, :basis)""")
                    .param("m", m).param("a", a.id()).param("d", s.domain()).param("pro", s.professionalLevel())
                    .param("res", s.residentLevel()).param("basis", s.basis()).update();
        }
    }

    /** The household's assessments, oldest first, each with its scores. */
    List<Assessment> ofHousehold(String m, UUID householdId) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, household_id, person_id, assessed_on, assessed_by_name, participation_step, calm, cleanliness, routine, note
                          FROM assessment WHERE municipality_code = :m AND household_id = :h ORDER BY assessed_on, created_at""")
                .param("m", m).param("h", householdId).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Score>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.assessment_id, s.domain, s.professional_level, s.resident_level, s.basis
                          FROM assessment_score s JOIN assessment a ON a.municipality_code = s.municipality_code AND a.id = s.assessment_id
                         WHERE s.municipality_code = :m AND a.household_id = :h""")
                .param("m", m).param("h", householdId).query(ScoreRow.class).list()
                .forEach(s -> scores.computeIfAbsent(s.assessmentId(), k -> new ArrayList<>())
                        .add(new Score(s.domain(), s.professionalLevel(), s.residentLevel(), s.basis())));
        return rows.stream().map(r -> new Assessment(r.id(), r.householdId(), r.personId(), r.assessedOn(), r.assessedByName(),
                r.participationStep(), r.calm(), r.cleanliness(), r.routine(), r.note(), scores.getOrDefault(r.id(), List.of()))).toList();
    }
}
