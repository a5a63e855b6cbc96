package nl.leefwereld.wmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The term engine on fixed dates: the Algemene termijnenwet, Awb 6:8, suspension (Awb 4:15), extension, each law. */
class LegalTermsTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void everyGeneralHolidayIn2026And2027() {
        assertThat(GeneralHolidays.of(2026)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2026-01-01"), "Nieuwjaarsdag"),
                Map.entry(d("2026-04-03"), "Goede Vrijdag"),
                Map.entry(d("2026-04-05"), "Eerste Paasdag"),
                Map.entry(d("2026-04-06"), "Tweede Paasdag"),
                Map.entry(d("2026-04-27"), "Koningsdag"),
                Map.entry(d("2026-05-05"), "Bevrijdingsdag"),
                Map.entry(d("2026-05-14"), "Hemelvaartsdag"),
                Map.entry(d("2026-05-24"), "Eerste Pinksterdag"),
                Map.entry(d("2026-05-25"), "Tweede Pinksterdag"),
                Map.entry(d("2026-12-25"), "Eerste Kerstdag"),
                Map.entry(d("2026-12-26"), "Tweede Kerstdag"))));
        assertThat(GeneralHolidays.of(2027)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2027-01-01"), "Nieuwjaarsdag"),
                Map.entry(d("2027-03-26"), "Goede Vrijdag"),
                Map.entry(d("2027-03-28"), "Eerste Paasdag"),
                Map.entry(d("2027-03-29"), "Tweede Paasdag"),
                Map.entry(d("2027-04-27"), "Koningsdag"),
                Map.entry(d("2027-05-05"), "Bevrijdingsdag"),
                Map.entry(d("2027-05-06"), "Hemelvaartsdag"),
                Map.entry(d("2027-05-16"), "Eerste Pinksterdag"),
                Map.entry(d("2027-05-17"), "Tweede Pinksterdag"),
                Map.entry(d("2027-12-25"), "Eerste Kerstdag"),
                Map.entry(d("2027-12-26"), "Tweede Kerstdag"))));
    }

    @Test
    void eachHolidayOnAWeekdayMovesATermThatEndsOnIt() {
        // Weekday holidays of 2026 and 2027: a term ending on it ends on the next working day.
        Map<String, String> expected = Map.ofEntries(
                Map.entry("2026-01-01", "2026-01-02"),   // Thursday → Friday
                Map.entry("2026-04-03", "2026-04-07"),   // Good Friday → Sat, Easter Sunday, Easter Monday → Tuesday
                Map.entry("2026-04-06", "2026-04-07"),   // Easter Monday
                Map.entry("2026-04-27", "2026-04-28"),   // King's Day (Monday)
                Map.entry("2026-05-05", "2026-05-06"),   // Liberation Day (Tuesday): every year, not only every fifth
                Map.entry("2026-05-14", "2026-05-15"),   // Ascension Day
                Map.entry("2026-05-25", "2026-05-26"),   // Whit Monday
                Map.entry("2026-12-25", "2026-12-28"),   // Christmas (Friday), Boxing Day (Saturday), Sunday
                Map.entry("2027-01-01", "2027-01-04"),   // New Year (Friday) + weekend
                Map.entry("2027-03-26", "2027-03-30"),   // Good Friday → Tuesday after Easter Monday
                Map.entry("2027-03-29", "2027-03-30"),
                Map.entry("2027-04-27", "2027-04-28"),   // King's Day (Tuesday)
                Map.entry("2027-05-05", "2027-05-07"),   // Liberation Day (Wed) then Ascension Day (Thu)
                Map.entry("2027-05-06", "2027-05-07"),
                Map.entry("2027-05-17", "2027-05-18"));  // Whit Monday
        expected.forEach((end, due) -> {
            LegalTerms.Due r = LegalTerms.due(d(end).minusDays(7), TermLength.days(7), Map.of());
            assertThat(r.unmovedDue()).isEqualTo(d(end));
            assertThat(r.due()).as(end).isEqualTo(d(due));
            assertThat(r.moved()).isTrue();
        });
    }

    @Test
    void kingsDayMovesToThe26thWhenThe27thIsASundayAndQueensDayBefore2014() {
        assertThat(GeneralHolidays.nameOf(d("2025-04-26"))).contains("Koningsdag");
        assertThat(GeneralHolidays.nameOf(d("2025-04-27"))).isEmpty();
        assertThat(GeneralHolidays.nameOf(d("2031-04-26"))).contains("Koningsdag");
        assertThat(GeneralHolidays.nameOf(d("2012-04-30"))).contains("Koninginnedag");
        assertThat(GeneralHolidays.nameOf(d("2006-04-29"))).contains("Koninginnedag");   // 30 April 2006 was a Sunday
    }

    @Test
    void easterForAnyYear() {
        assertThat(GeneralHolidays.easterSunday(1943)).isEqualTo(d("1943-04-25"));
        assertThat(GeneralHolidays.easterSunday(2000)).isEqualTo(d("2000-04-23"));
        assertThat(GeneralHolidays.easterSunday(2019)).isEqualTo(d("2019-04-21"));
        assertThat(GeneralHolidays.easterSunday(2038)).isEqualTo(d("2038-04-25"));
        assertThat(GeneralHolidays.easterSunday(2285)).isEqualTo(d("2285-03-22"));
        // Ascension Day and Liberation Day fell together in 2016 (Easter 27 March): both names.
        assertThat(GeneralHolidays.nameOf(d("2016-05-05"))).contains("Bevrijdingsdag en Hemelvaartsdag");
        assertThat(GeneralHolidays.nameOf(d("2008-05-01"))).contains("Hemelvaartsdag");
        assertThat(GeneralHolidays.nameOf(d("2008-05-05"))).contains("Bevrijdingsdag");
    }

    @Test
    void aFridayMeldingWhoseSixWeekInvestigationEndsOnGoodFridayRunsPastEaster() {
        // Melding Friday 20 February 2026; six weeks: Friday 3 April 2026 = Good Friday, then Saturday, Easter Sunday, Easter Monday.
        LegalTerms.Due r = LegalTerms.due(d("2026-02-20"), Law.WMO.defaultTerm(TermStep.ONDERZOEK), Map.of());
        assertThat(r.unmovedDue()).isEqualTo(d("2026-04-03"));
        assertThat(r.due()).isEqualTo(d("2026-04-07"));
        assertThat(r.moved()).isTrue();
        assertThat(r.reason()).isEqualTo("valt op Goede Vrijdag (vrijdag 03-04-2026); ook zaterdag 04-04-2026, "
                + "Eerste Paasdag (zondag 05-04-2026) en Tweede Paasdag (maandag 06-04-2026) tellen niet; verschoven naar dinsdag 07-04-2026");
    }

    @Test
    void theContractExampleRunsThroughLiberationDayAndAscensionDay() {
        LegalTerms.Due r = LegalTerms.due(d("2027-03-24"), TermLength.weeks(6), Map.of());
        assertThat(r.due()).isEqualTo(d("2027-05-07"));
        assertThat(r.reason()).isEqualTo("valt op Bevrijdingsdag (woensdag 05-05-2027); ook Hemelvaartsdag (donderdag 06-05-2027) telt niet; "
                + "verschoven naar vrijdag 07-05-2027");
    }

    @Test
    void christmasAndAWeekendInAChain() {
        // A Friday melding 13 November 2026: six weeks end on Christmas Day (Friday), then Boxing Day (Saturday) and Sunday.
        assertThat(LegalTerms.due(d("2026-11-13"), TermLength.weeks(6), Map.of()).due()).isEqualTo(d("2026-12-28"));
        // 2027: Christmas on Saturday, Boxing Day on Sunday.
        assertThat(LegalTerms.due(d("2027-12-18"), TermLength.days(7), Map.of()).due()).isEqualTo(d("2027-12-27"));
        // A term ending on a plain working day does not move.
        LegalTerms.Due plain = LegalTerms.due(d("2026-03-02"), TermLength.weeks(6), Map.of());
        assertThat(plain.due()).isEqualTo(d("2026-04-13"));
        assertThat(plain.moved()).isFalse();
        assertThat(plain.reason()).isEqualTo("valt op een werkdag (maandag 13-04-2026); niet verschoven");
        // Only Saturday and Sunday.
        assertThat(LegalTerms.due(d("2026-03-07"), TermLength.weeks(2), Map.of()).due()).isEqualTo(d("2026-03-23"));
    }

    @Test
    void theObjectionTermStartsTheDayAfterSendingAndEndsAtTheEndOfTheLastDayOfSixWeeks() {
        // Sent Monday 2 March 2026: the term starts Tuesday 3 March and ends at the end of Monday 13 April 2026.
        assertThat(LegalTerms.due(d("2026-03-02"), Law.WMO.defaultTerm(TermStep.BEZWAAR), Map.of()).due()).isEqualTo(d("2026-04-13"));
        // Sent Friday 13 November 2026: six weeks end on Christmas Day → Monday 28 December.
        assertThat(LegalTerms.due(d("2026-11-13"), Law.WMO.defaultTerm(TermStep.BEZWAAR), Map.of()).due()).isEqualTo(d("2026-12-28"));
    }

    @Test
    void eachLawsDefaultTerms() {
        assertThat(Law.WMO.defaultTerm(TermStep.PERSOONLIJK_PLAN)).isEqualTo(TermLength.days(7));
        assertThat(Law.WMO.defaultTerm(TermStep.ONDERZOEK)).isEqualTo(TermLength.weeks(6));
        assertThat(Law.WMO.defaultTerm(TermStep.BESCHIKKING)).isEqualTo(TermLength.weeks(2));
        assertThat(Law.WMO.defaultTerm(TermStep.BEZWAAR)).isEqualTo(TermLength.weeks(6));
        assertThat(Law.JEUGDWET.defaultTerm(TermStep.BESCHIKKING)).isEqualTo(TermLength.weeks(8));
        assertThat(Law.PARTICIPATIEWET.defaultTerm(TermStep.BESCHIKKING)).isEqualTo(TermLength.weeks(8));
        // Persoonlijk plan: melding Friday 18 December 2026, seven days end on Christmas Day → Monday 28 December.
        assertThat(LegalTerms.due(d("2026-12-18"), Law.WMO.defaultTerm(TermStep.PERSOONLIJK_PLAN), Map.of()).due()).isEqualTo(d("2026-12-28"));
        // Wmo decision: aanvraag Tuesday 21 April 2026, two weeks end on 5 May → Wednesday 6 May.
        assertThat(LegalTerms.due(d("2026-04-21"), Law.WMO.defaultTerm(TermStep.BESCHIKKING), Map.of()).due()).isEqualTo(d("2026-05-06"));
        // Jeugdwet decision: aanvraag Monday 2 March 2026, eight weeks end on King's Day → Tuesday 28 April.
        assertThat(LegalTerms.due(d("2026-03-02"), Law.JEUGDWET.defaultTerm(TermStep.BESCHIKKING), Map.of()).due()).isEqualTo(d("2026-04-28"));
        // Participatiewet decision: aanvraag Monday 30 March 2026, eight weeks end on Whit Monday → Tuesday 26 May.
        assertThat(LegalTerms.due(d("2026-03-30"), Law.PARTICIPATIEWET.defaultTerm(TermStep.BESCHIKKING), Map.of()).due()).isEqualTo(d("2026-05-26"));
    }

    @Test
    void suspensionMovesTheDueDateByTheDaysTheTermStoodStill() {
        // Melding Monday 2 March 2026, investigation due 13 April. Information asked on 10 March, received on 20 March:
        // suspended from 11 up to (not including) 20 March = 9 days → Wednesday 22 April.
        LegalTerms.Suspension s = new LegalTerms.Suspension(d("2026-03-10"), d("2026-03-20"), "wacht op medische gegevens");
        LegalTerms.Due r = LegalTerms.due(d("2026-03-02"), TermLength.weeks(6), List.of(s), List.of(), Map.of(), d("2026-03-25"));
        assertThat(s.days(d("2026-03-25"))).isEqualTo(9);
        assertThat(r.due()).isEqualTo(d("2026-04-22"));
        assertThat(r.suspended()).isFalse();
        assertThat(r.history()).anySatisfy(h -> assertThat(h).contains("Opgeschort van 10-03-2026 tot 20-03-2026 (9 dagen): wacht op medische gegevens"));
        // Still open on 15 March: suspended 11–15 March so far (5 days), marked as suspended.
        LegalTerms.Suspension open = new LegalTerms.Suspension(d("2026-03-10"), null, "wacht op gegevens");
        LegalTerms.Due o = LegalTerms.due(d("2026-03-02"), TermLength.weeks(6), List.of(open), List.of(), Map.of(), d("2026-03-15"));
        assertThat(o.due()).isEqualTo(d("2026-04-20"));
        assertThat(o.suspended()).isTrue();
        // A suspension that pushes the end onto Good Friday 2027 moves on past Easter Monday.
        LegalTerms.Suspension toEaster = new LegalTerms.Suspension(d("2027-02-01"), d("2027-02-05"), "informatie");   // 3 days
        assertThat(LegalTerms.due(d("2027-02-09"), TermLength.weeks(6), List.of(toEaster), List.of(), Map.of(), d("2027-03-01")).due())
                .isEqualTo(d("2027-03-30"));
    }

    @Test
    void extensionAddsItsLengthWithItsReasonAndTheTermsWetAppliesToTheEnd() {
        LegalTerms.Extension x = new LegalTerms.Extension(TermLength.weeks(6), "advies van de GGD nodig");
        // Objection decided: six weeks from 2 March 2026 (13 April) plus six weeks = Monday 25 May 2026, Whit Monday → 26 May.
        LegalTerms.Due r = LegalTerms.due(d("2026-03-02"), TermLength.weeks(6), List.of(), List.of(x), Map.of(), d("2026-03-02"));
        assertThat(r.unmovedDue()).isEqualTo(d("2026-05-25"));
        assertThat(r.due()).isEqualTo(d("2026-05-26"));
        assertThat(r.history()).anySatisfy(h -> assertThat(h).contains("Verlengd met 6 weken: advies van de GGD nodig"));
        assertThat(r.history()).last().asString().contains("Tweede Pinksterdag");
    }

    @Test
    void aDayEquatedByDecreeCountsAsAHoliday() {
        Map<LocalDate, String> equated = Map.of(d("2026-06-01"), "Extra vrije dag");
        LegalTerms.Due r = LegalTerms.due(d("2026-05-25"), TermLength.days(7), equated);
        assertThat(r.due()).isEqualTo(d("2026-06-02"));
        assertThat(r.reason()).startsWith("valt op Extra vrije dag (bij besluit gelijkgesteld) (maandag 01-06-2026)");
        assertThat(LegalTerms.due(d("2026-05-25"), TermLength.days(7), Map.of()).due()).isEqualTo(d("2026-06-01"));
    }
}
