package nl.leefwereld.wmo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The general holidays of the Algemene termijnenwet (art. 3), computed for any year: New Year's Day, Good Friday,
 * Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day, King's Day (27 April,
 * 26 April when the 27th is a Sunday; before 2014 Queen's Day 30 April, 29 April when the 30th is a Sunday) and
 * 5 May (Liberation Day, every year: art. 3 names it without condition). Pure: no clock, no database.
 */
public final class GeneralHolidays {

    private GeneralHolidays() {
    }

    /** Easter Sunday (Gregorian calendar, anonymous Gregorian algorithm by Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The general holidays of a year with their Dutch names, in date order. */
    public static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag");
        days.put(easter.minusDays(2), "Goede Vrijdag");
        days.put(easter, "Eerste Paasdag");
        days.put(easter.plusDays(1), "Tweede Paasdag");
        if (year >= 2014) {
            LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
            days.put(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay, "Koningsdag");
        } else {
            LocalDate queensDay = LocalDate.of(year, Month.APRIL, 30);
            days.put(queensDay.getDayOfWeek() == DayOfWeek.SUNDAY ? queensDay.minusDays(1) : queensDay, "Koninginnedag");
        }
        // 5 May and Ascension Day can fall together (e.g. 2016 is 5 May Ascension Day): keep both names.
        days.merge(LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag", (x, y) -> x + " en " + y);
        days.merge(easter.plusDays(39), "Hemelvaartsdag", (x, y) -> x + " en " + y);
        days.merge(easter.plusDays(49), "Eerste Pinksterdag", (x, y) -> x + " en " + y);
        days.merge(easter.plusDays(50), "Tweede Pinksterdag", (x, y) -> x + " en " + y);
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag");
        return days;
    }

    public static Optional<String> nameOf(LocalDate day) {
        return Optional.ofNullable(of(day.getYear()).get(day));
    }
}
