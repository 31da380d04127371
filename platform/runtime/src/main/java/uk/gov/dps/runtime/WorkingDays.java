package uk.gov.dps.runtime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Requests to participate in a
 * DPS must be evaluated within 10 working days (15 where justified), counted from the day after receipt.
 * <p>
 * The bank holidays come from Jollyday's United Kingdom calendar for England ("eng"; Wales has the same days):
 * Easter, substitute days and the holidays moved or proclaimed for one year are maintained there.
 */
public final class WorkingDays {

    private static final HolidayManager UNITED_KINGDOM = HolidayManager.getInstance(
            ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private static final String ENGLAND = "eng";

    /**
     * Proclaimed holidays Jollyday 2.19 does not have (checked against its calendar from 1990 to 2040): the
     * millennium holiday of 31 December 1999, and in 2002 the golden jubilee (3 June) with the spring bank
     * holiday moved from 27 May to 4 June.
     */
    private static final Map<Integer, Set<LocalDate>> ADDED = Map.of(
            1999, Set.of(LocalDate.of(1999, 12, 31)),
            2002, Set.of(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4)));
    private static final Map<Integer, Set<LocalDate>> REMOVED = Map.of(
            2002, Set.of(LocalDate.of(2002, 5, 27)));

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
        Set<LocalDate> days = new HashSet<>();
        // getDate() is the day off: the substitute weekday when the holiday itself falls at a weekend
        UNITED_KINGDOM.getHolidays(Year.of(year), ENGLAND).stream().map(Holiday::getDate).forEach(days::add);
        days.removeAll(REMOVED.getOrDefault(year, Set.of()));
        days.addAll(ADDED.getOrDefault(year, Set.of()));
        return Set.copyOf(days);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
