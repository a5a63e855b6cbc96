package nl.leefwereld.wmo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The legal terms as the municipality configured them, and the term engine applied with its equated holidays. */
public interface Terms {

    TermLength termOf(String municipalityCode, Law law, TermStep step);

    /** Days equated with a general holiday by decree, with their names. */
    Map<LocalDate, String> equatedDays(String municipalityCode);

    default LegalTerms.Due due(String municipalityCode, Law law, TermStep step, LocalDate from) {
        return LegalTerms.due(from, termOf(municipalityCode, law, step), equatedDays(municipalityCode));
    }

    default LegalTerms.Due due(String municipalityCode, Law law, TermStep step, LocalDate from, List<LegalTerms.Suspension> suspensions,
                               List<LegalTerms.Extension> extensions, LocalDate today) {
        return LegalTerms.due(from, termOf(municipalityCode, law, step), suspensions, extensions, equatedDays(municipalityCode), today);
    }
}
