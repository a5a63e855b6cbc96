package nl.leefwereld.wmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Awb 7:10 on fixed dates: 6 weeks (12 with an advisory committee) from the end of the objection term, postponement, Atw. */
class ObjectionDecisionTermTest {

    @Test
    void sixWeeksAfterTheObjectionTermOnAWorkingDay() {
        // Decision sent Thursday 01-04-2027: objection term ends Thursday 13-05-2027; decision on the objection by Thursday 24-06-2027.
        LocalDate objectionEnd = LegalTerms.due(LocalDate.of(2027, 4, 1), TermLength.weeks(6), Map.of()).due();
        assertThat(objectionEnd).isEqualTo(LocalDate.of(2027, 5, 13));
        LegalTerms.Due due = ObjectionDecision.due(objectionEnd, false, List.of(), Map.of(), objectionEnd);
        assertThat(due.due()).isEqualTo(LocalDate.of(2027, 6, 24));
        assertThat(due.moved()).isFalse();
        // With an advisory committee: 12 weeks, Thursday 05-08-2027.
        assertThat(ObjectionDecision.due(objectionEnd, true, List.of(), Map.of(), objectionEnd).due()).isEqualTo(LocalDate.of(2027, 8, 5));
        // Postponed once by 6 weeks with a reason: also 05-08-2027, and the history says why.
        LegalTerms.Due postponed = ObjectionDecision.due(objectionEnd, false,
                List.of(new LegalTerms.Extension(TermLength.weeks(6), "Advies van de GGD nodig")), Map.of(), objectionEnd);
        assertThat(postponed.due()).isEqualTo(LocalDate.of(2027, 8, 5));
        assertThat(postponed.history()).anyMatch(h -> h.contains("Verlengd met 6 weken: Advies van de GGD nodig"));
    }

    @Test
    void aDecisionTermEndingOnChristmasMovesPastBoxingDayAndTheWeekend() {
        // Objection term ends Friday 13-11-2026; 6 weeks later is Friday 25-12-2026 (Christmas), then Boxing Day (Saturday) and
        // Sunday: the term ends Monday 28-12-2026.
        LegalTerms.Due due = ObjectionDecision.due(LocalDate.of(2026, 11, 13), false, List.of(), Map.of(), LocalDate.of(2026, 11, 13));
        assertThat(due.unmovedDue()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(due.due()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(due.moved()).isTrue();
        assertThat(due.reason()).contains("Eerste Kerstdag").contains("Tweede Kerstdag").contains("maandag 28-12-2026");
        // A day equated by decree moves it one more day.
        assertThat(ObjectionDecision.due(LocalDate.of(2026, 11, 13), false, List.of(), Map.of(LocalDate.of(2026, 12, 28), "Extra vrije dag"),
                LocalDate.of(2026, 11, 13)).due()).isEqualTo(LocalDate.of(2026, 12, 29));
    }
}
