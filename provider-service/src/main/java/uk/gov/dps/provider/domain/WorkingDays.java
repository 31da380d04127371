package uk.gov.dps.provider.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Requests to participate in a
 * DPS must be evaluated within 10 working days (15 where justified), counted from the day after receipt.
 * <p>
 * Bank holidays follow the rules of the Banking and Financial Dealings Act 1971 and royal proclamations:
 * a holiday falling at a weekend is replaced by the next weekday that is not already a holiday, and the
 * one-off changes since 1995 are listed below.
 */
public final class WorkingDays {

    /** Extra bank holidays proclaimed for one year only. */
    private static final Set<LocalDate> ONE_OFF_HOLIDAYS = Set.of(
            LocalDate.of(1999, 12, 31), // millennium
            LocalDate.of(2002, 6, 3), // golden jubilee
            LocalDate.of(2011, 4, 29), // royal wedding
            LocalDate.of(2012, 6, 5), // diamond jubilee
            LocalDate.of(2022, 6, 3), // platinum jubilee
            LocalDate.of(2022, 9, 19), // state funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8)); // coronation of King Charles III

    /** Years in which a regular holiday was moved to another date by proclamation. */
    private static final Map<Integer, LocalDate> EARLY_MAY_MOVED = Map.of(
            1995, LocalDate.of(1995, 5, 8), // VE day 50th anniversary
            2020, LocalDate.of(2020, 5, 8)); // VE day 75th anniversary
    private static final Map<Integer, LocalDate> SPRING_MOVED = Map.of(
            2002, LocalDate.of(2002, 6, 4),
            2012, LocalDate.of(2012, 6, 4),
            2022, LocalDate.of(2022, 6, 2));

    private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && !bankHolidays(day.getYear()).contains(day);
    }

    /** The {@code n}th working day after {@code start} (a start on a non-working day counts from the next one). */
    public static LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public static Set<LocalDate> bankHolidays(int year) {
        return CACHE.computeIfAbsent(year, WorkingDays::computeBankHolidays);
    }

    private static Set<LocalDate> computeBankHolidays(int year) {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        addWithSubstitute(days, LocalDate.of(year, Month.JANUARY, 1));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2)); // Good Friday
        days.add(easter.plusDays(1)); // Easter Monday
        days.add(EARLY_MAY_MOVED.getOrDefault(year,
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))));
        days.add(SPRING_MOVED.getOrDefault(year,
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        addWithSubstitute(days, LocalDate.of(year, Month.DECEMBER, 25));
        addWithSubstitute(days, LocalDate.of(year, Month.DECEMBER, 26));
        ONE_OFF_HOLIDAYS.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return Set.copyOf(days);
    }

    /** A holiday at a weekend moves to the next weekday that is not already a holiday. */
    private static void addWithSubstitute(java.util.Set<LocalDate> days, LocalDate holiday) {
        LocalDate day = holiday;
        while (isWeekend(day) || days.contains(day)) {
            day = day.plusDays(1);
        }
        days.add(day);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easterSunday(int year) {
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
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
